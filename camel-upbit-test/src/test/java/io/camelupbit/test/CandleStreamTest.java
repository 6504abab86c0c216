package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CandleStreamTest {

    private static final Duration TICK = Duration.ofMillis(500);

    @Test
    void oneMinuteCandlesAtSpeed60AggregateTheTradesOfTheirPeriod() {
        try (UpbitSimulator sim = UpbitSimulator.builder().seed(3).speed(60).tickInterval(TICK).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"candle.1m\",\"codes\":[\"KRW-BTC\"]}]");
            // Last frame per period, in arrival order; stop once four periods have shown up.
            Map<String, Map<String, Object>> lastOfPeriod = new LinkedHashMap<>();
            List<Map<String, Object>> frames = new ArrayList<>();
            while (lastOfPeriod.size() < 4) {
                Map<String, Object> candle = Json.object(client.next().text());
                frames.add(candle);
                lastOfPeriod.put((String) candle.get("candle_date_time_utc"), candle);
            }
            assertThat(frames.get(0)).containsEntry("stream_type", "SNAPSHOT");
            assertThat(frames.subList(1, frames.size()))
                    .allSatisfy(c -> assertThat(c).containsEntry("stream_type", "REALTIME"));
            // Periods only move forward: a period never comes back once the next one has started.
            List<String> order = frames.stream().map(c -> (String) c.get("candle_date_time_utc")).distinct().toList();
            assertThat(order).isSorted().hasSize(4);

            List<Trade> trades = sim.market().tradesAfter("KRW-BTC", -1);
            // Every period but the last has ended, and its last frame holds all of its trades.
            for (String period : order.subList(0, 3)) {
                Map<String, Object> candle = lastOfPeriod.get(period);
                Instant start = LocalDateTime.parse(period).toInstant(ZoneOffset.UTC);
                List<Trade> inPeriod = trades.stream()
                        .filter(t -> !t.time().isBefore(start) && t.time().isBefore(start.plusSeconds(60))).toList();
                assertThat(inPeriod).isNotEmpty();
                BigDecimal open = (BigDecimal) candle.get("opening_price");
                BigDecimal high = (BigDecimal) candle.get("high_price");
                BigDecimal low = (BigDecimal) candle.get("low_price");
                BigDecimal close = (BigDecimal) candle.get("trade_price");
                assertThat(high).isGreaterThanOrEqualTo(open).isGreaterThanOrEqualTo(close);
                assertThat(low).isLessThanOrEqualTo(open).isLessThanOrEqualTo(close);
                assertThat(open).isEqualByComparingTo(inPeriod.get(0).price());
                assertThat(close).isEqualByComparingTo(inPeriod.get(inPeriod.size() - 1).price());
                assertThat(high).isEqualByComparingTo(inPeriod.stream().map(Trade::price).reduce(BigDecimal::max)
                        .orElseThrow());
                assertThat(low).isEqualByComparingTo(inPeriod.stream().map(Trade::price).reduce(BigDecimal::min)
                        .orElseThrow());
                assertThat((BigDecimal) candle.get("candle_acc_trade_volume")).isEqualByComparingTo(
                        inPeriod.stream().map(Trade::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
                assertThat((BigDecimal) candle.get("candle_acc_trade_price")).isEqualByComparingTo(
                        inPeriod.stream().map(t -> t.price().multiply(t.volume()))
                                .reduce(BigDecimal.ZERO, BigDecimal::add));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DEFAULT", "SIMPLE", "JSON_LIST", "SIMPLE_LIST"})
    void everyFieldOfTheDocInEveryFormat(String format) {
        boolean simple = format.startsWith("SIMPLE");
        boolean list = format.endsWith("LIST");
        try (UpbitSimulator sim = UpbitSimulator.builder().seed(4).speed(10).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"candle.1s\",\"codes\":[\"KRW-ETH\"]},"
                    + "{\"type\":\"candle.240m\",\"codes\":[\"KRW-ETH\"]},{\"format\":\"" + format + "\"}]");
            List<Map<String, Object>> candles = new ArrayList<>();
            while (candles.size() < 6) {
                String text = client.next().text();
                if (list) {
                    assertThat(text).startsWith("[");
                    candles.addAll(Json.list(text));
                } else {
                    candles.add(Json.object(text));
                }
            }
            assertThat(candles.get(0)).containsEntry(simple ? "ty" : "type", "candle.1s")
                    .containsEntry(simple ? "st" : "stream_type", "SNAPSHOT");
            assertThat(candles.get(1)).containsEntry(simple ? "ty" : "type", "candle.240m")
                    .containsEntry(simple ? "st" : "stream_type", "SNAPSHOT");
            for (Map<String, Object> c : candles) {
                assertThat(c.keySet()).containsExactlyInAnyOrderElementsOf(
                        simple ? DocFields.CANDLE_SIMPLE : DocFields.CANDLE);
                assertThat(c).containsEntry(simple ? "cd" : "code", "KRW-ETH");
                String utc = (String) c.get(simple ? "cdttmu" : "candle_date_time_utc");
                String kst = (String) c.get(simple ? "cdttmk" : "candle_date_time_kst");
                assertThat(utc).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
                assertThat(LocalDateTime.parse(kst)).isEqualTo(LocalDateTime.parse(utc).plusHours(9));
                LocalDateTime start = LocalDateTime.parse(utc);
                if ("candle.240m".equals(c.get(simple ? "ty" : "type"))) {
                    assertThat(start.getHour() % 4).isZero();
                    assertThat(start.getMinute()).isZero();
                }
                assertThat(start.getNano()).isZero();
                BigDecimal open = (BigDecimal) c.get(simple ? "op" : "opening_price");
                BigDecimal high = (BigDecimal) c.get(simple ? "hp" : "high_price");
                BigDecimal low = (BigDecimal) c.get(simple ? "lp" : "low_price");
                BigDecimal close = (BigDecimal) c.get(simple ? "tp" : "trade_price");
                assertThat(open.scale()).isEqualTo(8);
                assertThat(high).isGreaterThanOrEqualTo(open).isGreaterThanOrEqualTo(close);
                assertThat(low).isLessThanOrEqualTo(open).isLessThanOrEqualTo(close).isPositive();
                assertThat((BigDecimal) c.get(simple ? "catv" : "candle_acc_trade_volume")).isPositive();
                assertThat((BigDecimal) c.get(simple ? "catp" : "candle_acc_trade_price")).isPositive();
                long timestamp = ((BigDecimal) c.get(simple ? "tms" : "timestamp")).longValueExact();
                assertThat(timestamp).isGreaterThanOrEqualTo(start.toInstant(ZoneOffset.UTC).toEpochMilli());
            }
        }
    }

    @Test
    void theSnapshotIsThePreviousPeriodWhileTheCurrentOneHasNoTrade() {
        // Trades every 5 s from 12:00:00.000; the simulated clock stands at 12:00:06.500: the 1 s candle of the
        // last trade (12:00:05) is the snapshot, since 12:00:06 has none.
        Instant start = Instant.parse("2026-05-01T12:00:00Z");
        MutableClock wall = new MutableClock(start);
        try (UpbitSimulator sim = UpbitSimulator.builder().clock(wall).simulatedStart(start)
                .tickInterval(Duration.ofSeconds(5)).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            wall.advance(Duration.ofMillis(6500));
            client.send("[{\"ticket\":\"t\"},{\"type\":\"candle.1s\",\"codes\":[\"KRW-SOL\"],\"is_only_snapshot\":true},"
                    + "{\"type\":\"candle.1m\",\"codes\":[\"KRW-SOL\"],\"is_only_snapshot\":true}]");
            Map<String, Object> second = Json.object(client.next().text());
            assertThat(second).containsEntry("candle_date_time_utc", "2026-05-01T12:00:05")
                    .containsEntry("candle_date_time_kst", "2026-05-01T21:00:05")
                    .containsEntry("stream_type", "SNAPSHOT");
            Trade last = sim.market().lastTrade("KRW-SOL");
            assertThat((BigDecimal) second.get("candle_acc_trade_volume")).isEqualByComparingTo(last.volume());
            Map<String, Object> minute = Json.object(client.next().text());
            // The minute holds the trades of 12:00:00 and 12:00:05 (trade 0 came just before the start).
            assertThat(minute).containsEntry("candle_date_time_utc", "2026-05-01T12:00:00");
            BigDecimal volume = sim.market().tradesAfter("KRW-SOL", 0).stream().map(Trade::volume)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat((BigDecimal) minute.get("candle_acc_trade_volume")).isEqualByComparingTo(volume);
        }
    }

    @Test
    void theSameSeedGivesTheSameFinalCandles() {
        Instant start = Instant.parse("2026-03-02T05:00:30Z");
        MutableClock wallA = new MutableClock(start);
        MutableClock wallB = new MutableClock(Instant.parse("2031-01-01T00:00:00Z"));
        Market a = new Market(9, new SimClock(wallA, start, 1.0), TICK, Map.of());
        Market b = new Market(9, new SimClock(wallB, start, 5.0), TICK, Map.of());
        List<CandleBar> finalsA = finals(a, wallA, Duration.ofSeconds(7), 60);
        List<CandleBar> finalsB = finals(b, wallB, Duration.ofMillis(1300), 60);
        int n = Math.min(finalsA.size(), finalsB.size());
        assertThat(n).isGreaterThanOrEqualTo(5);
        assertThat(finalsA.subList(0, n)).isEqualTo(finalsB.subList(0, n));
    }

    @Test
    void everyOneSecondCandleArrivesOnceCompleteASecondAfterItsOwn() {
        // Trades every 200 ms from 12:00:00.000 (so five per second), the stream read every 100 ms of simulated time:
        // each second's candle must come once, complete, in order, none left out.
        Instant start = Instant.parse("2026-05-01T12:00:00Z");
        MutableClock wall = new MutableClock(start);
        Market market = new Market(11, new SimClock(wall, start, 1.0), Duration.ofMillis(200), Map.of());
        CandleStream stream = new CandleStream(market, "KRW-BTC", CandleUnit.S1);
        // Trade 0 came just before the start: the snapshot is its second.
        assertThat(((CandleMessage) stream.snapshot()).candleDateTimeUtc()).isEqualTo("2026-05-01T11:59:59");
        List<CandleMessage> realtime = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            wall.advance(Duration.ofMillis(100));
            stream.due().forEach(item -> realtime.add((CandleMessage) item));
        }
        // Ten simulated seconds: the candles of 12:00:00 to 12:00:09, each final, each sent in the next second.
        List<String> seconds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seconds.add("2026-05-01T12:00:0" + i);
        }
        assertThat(realtime).extracting(CandleMessage::candleDateTimeUtc).isEqualTo(seconds);
        for (CandleMessage c : realtime) {
            Instant second = LocalDateTime.parse(c.candleDateTimeUtc()).toInstant(ZoneOffset.UTC);
            List<Trade> inSecond = market.tradesAfter("KRW-BTC", -1).stream()
                    .filter(t -> !t.time().isBefore(second) && t.time().isBefore(second.plusSeconds(1))).toList();
            assertThat(c.tradeIndex()).as(c.candleDateTimeUtc())
                    .isEqualTo(inSecond.get(inSecond.size() - 1).index());
            assertThat(c.candleAccTradeVolume()).as(c.candleDateTimeUtc()).isEqualByComparingTo(
                    inSecond.stream().map(Trade::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
            // Sent in the next second, at most one message per second.
            assertThat(Instant.ofEpochMilli(c.timestamp())).isAfterOrEqualTo(second.plusSeconds(1))
                    .isBefore(second.plusSeconds(2));
        }
    }

    /** Advances the wall clock step by step and collects every 1-minute candle once its period has ended. */
    private static List<CandleBar> finals(Market market, MutableClock wall, Duration step, int steps) {
        List<CandleBar> finals = new ArrayList<>();
        CandleBar previous = null;
        for (int i = 0; i < steps; i++) {
            wall.advance(step);
            CandleBar current = market.candle("KRW-XRP", CandleUnit.M1);
            if (previous != null && !previous.start().equals(current.start())) {
                finals.add(market.candle("KRW-XRP", CandleUnit.M1, previous.start()));
            }
            previous = current;
        }
        return finals;
    }
}
