package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.camelupbit.test.SimTestSupport.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code indicator} and {@code indicator_signal} items at candle closes: fields, values and transitions. */
class IndicatorStreamTest {

    private static final String AK = "indicator-access";
    private static final String SK = "indicator-secret";
    /** The simulated clock stands still at this moment, inside the 5m candle of 04:50 (and the 15m one of 04:45). */
    private static final Instant NOW = Instant.parse("2026-09-03T04:52:30Z");
    private static final String SIX = "{\"type\":\"volume\",\"params\":{\"period\":20}},"
            + "{\"type\":\"rsi\",\"params\":{\"period\":14}},"
            + "{\"type\":\"moving_average\",\"params\":{\"type\":\"SMA\",\"period\":20}},"
            + "{\"type\":\"ma_crossover\",\"params\":{\"type\":\"EMA\",\"short_period\":5,\"long_period\":20}},"
            + "{\"type\":\"bollinger_bands\",\"params\":{\"period\":20,\"multiplier\":2}},"
            + "{\"type\":\"macd\",\"params\":{\"fast\":12,\"slow\":26,\"signal_period\":9}}";

    /** Shared by the tests that force their own closes, each on its own market. */
    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(IndicatorStreamTest::configure);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DEFAULT", "SIMPLE", "JSON_LIST", "SIMPLE_LIST"})
    void everyIndicatorWithEveryFieldInEveryFormat(String format) {
        boolean simple = format.startsWith("SIMPLE");
        try (UpbitSimulator sim = fresh(); WsClient client = infoClient(sim)) {
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":[\"KRW-BTC\"],"
                    + "\"timeframe\":\"5m\","
                    + "\"indicators\":[" + SIX + "]},{\"format\":\"" + format + "\"}]");
            assertThat(sim.closeCandle("5m")).isEqualTo(6);
            List<Map<String, Object>> items = items(client, format, 6);
            assertThat(items).extracting(i -> i.get(simple ? "ind" : "indicator")).containsExactly("volume", "rsi",
                    "moving_average", "ma_crossover", "bollinger_bands", "macd");
            for (Map<String, Object> item : items) {
                assertThat(item.keySet()).containsExactlyInAnyOrderElementsOf(simple ? DocFields.INDICATOR_SIMPLE
                        : DocFields.INDICATOR);
                assertThat(item).containsEntry(simple ? "ty" : "type", "indicator")
                        .containsEntry(simple ? "cd" : "code", "KRW-BTC")
                        .containsEntry(simple ? "tf" : "timeframe", "5m")
                        .containsEntry(simple ? "cdttmu" : "candle_date_time_utc", "2026-09-03T04:50:00")
                        .containsEntry(simple ? "tms" : "timestamp", new BigDecimal(NOW.toEpochMilli()))
                        .containsEntry(simple ? "st" : "stream_type", "REALTIME");
                List<List<String>> nested = DocFields.INDICATOR_NESTED.get((String) item.get(simple ? "ind"
                        : "indicator"));
                assertThat(map(item, simple ? "p" : "params").keySet()).containsExactlyElementsOf(
                        nested.get(simple ? 1 : 0));
                Map<String, Object> value = map(item, simple ? "v" : "value");
                assertThat(value.keySet()).containsExactlyElementsOf(nested.get(simple ? 3 : 2));
                assertThat(value.values()).allSatisfy(v -> assertThat(((BigDecimal) v).scale()).isBetween(1, 8));
            }
            Map<String, Object> bands = map(items.get(4), simple ? "v" : "value");
            assertThat((BigDecimal) bands.get(simple ? "bbu" : "bb_upper"))
                    .isGreaterThan((BigDecimal) bands.get(simple ? "bbm" : "bb_middle"));
            assertThat((BigDecimal) bands.get(simple ? "bbl" : "bb_lower"))
                    .isLessThan((BigDecimal) bands.get(simple ? "bbm" : "bb_middle")).isPositive();
            Map<String, Object> macd = map(items.get(5), simple ? "v" : "value");
            assertThat((BigDecimal) macd.get(simple ? "hist" : "histogram")).isEqualByComparingTo(
                    ((BigDecimal) macd.get("macd")).subtract((BigDecimal) macd.get(simple ? "macds" : "macd_signal")));
            assertThat(client.drain()).isEmpty();
            // As Upbit writes them: the multiplier normalised to one decimal, the MA's inner value unabbreviated.
            assertThat(map(items.get(4), simple ? "p" : "params").get(simple ? "m" : "multiplier"))
                    .hasToString("2.0");
            assertThat(map(items.get(2), simple ? "v" : "value")).containsOnlyKeys("value");

            assertThat(sim.sentLog().items("indicator", "KRW-BTC")).extracting(SentItem::key).containsExactly(
                    "5m|volume|period=20|2026-09-03T04:50:00",
                    "5m|rsi|period=14|2026-09-03T04:50:00",
                    "5m|moving_average|type=SMA,period=20|2026-09-03T04:50:00",
                    "5m|ma_crossover|type=EMA,short_period=5,long_period=20|2026-09-03T04:50:00",
                    "5m|bollinger_bands|period=20,multiplier=2.0|2026-09-03T04:50:00",
                    "5m|macd|fast=12,slow=26,signal_period=9|2026-09-03T04:50:00");
            // The next close is the next candle, though the clock stands still.
            assertThat(sim.closeCandle("5m")).isEqualTo(6);
            assertThat(items(client, format, 6)).allSatisfy(i -> assertThat(i)
                    .containsEntry(simple ? "cdttmu" : "candle_date_time_utc", "2026-09-03T04:55:00"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DEFAULT", "SIMPLE"})
    void signalItemsCarryTheirTriggerAndEventParams(String format) {
        boolean simple = "SIMPLE".equals(format);
        try (UpbitSimulator sim = fresh(); WsClient client = infoClient(sim)) {
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"indicator_signal\",\"codes\":[\"KRW-ETH\"],"
                    + "\"timeframe\":\"15m\",\"indicators\":["
                    + "{\"type\":\"moving_average\",\"params\":{\"type\":\"SMA\",\"period\":5},"
                    + "\"trigger\":\"price_cross_above\"},"
                    + "{\"type\":\"volume\",\"params\":{\"period\":20},\"trigger\":\"volume_spike\","
                    + "\"event_params\":{\"multiplier\":2}},"
                    + "{\"type\":\"rsi\",\"params\":{\"period\":14},\"trigger\":\"overbought\","
                    + "\"event_params\":{\"threshold\":70}}]},{\"format\":\"" + format + "\"}]");
            BigDecimal price = sim.market().lastPrice("KRW-ETH");
            // Slowly falling closes of volume 1: below their average, no spike, RSI low.
            for (int i = 1; i <= 25; i++) {
                assertThat(sim.closeCandle("15m", "KRW-ETH", scaled(price, 0.5 - i * 0.001), BigDecimal.ONE))
                        .isZero();
            }
            // Then a close at twice the price with ten times the volume meets all three at once.
            assertThat(sim.closeCandle("15m", "KRW-ETH", price, BigDecimal.TEN)).isEqualTo(3);
            List<Map<String, Object>> signals = items(client, format, 3);
            for (Map<String, Object> s : signals) {
                List<String> keys = new ArrayList<>(simple ? DocFields.INDICATOR_SIMPLE : DocFields.INDICATOR);
                keys.addAll(simple ? DocFields.SIGNAL_EXTRA_SIMPLE : DocFields.SIGNAL_EXTRA);
                assertThat(s.keySet()).containsExactlyInAnyOrderElementsOf(keys);
                assertThat(s).containsEntry(simple ? "ty" : "type", "indicator_signal")
                        .containsEntry(simple ? "cdttmu" : "candle_date_time_utc", "2026-09-03T11:00:00");
            }
            assertThat(signals.get(0)).containsEntry(simple ? "tr" : "trigger", "price_cross_above")
                    .containsEntry(simple ? "ep" : "event_params", Map.of());
            assertThat(signals.get(1)).containsEntry(simple ? "tr" : "trigger", "volume_spike");
            assertThat(map(signals.get(1), simple ? "ep" : "event_params").get(simple ? "mul" : "multiplier"))
                    .hasToString("2.0");
            assertThat((BigDecimal) map(signals.get(1), simple ? "v" : "value").get(simple ? "rto" : "ratio"))
                    .isGreaterThanOrEqualTo(new BigDecimal("2"));
            assertThat(signals.get(2)).containsEntry(simple ? "tr" : "trigger", "overbought")
                    .containsEntry(simple ? "ep" : "event_params", Map.of(simple ? "th" : "threshold",
                            new BigDecimal("70")));
            assertThat(sim.sentLog().items("indicator_signal", "KRW-ETH")).extracting(SentItem::key).contains(
                    "15m|rsi|period=14|overbought|threshold=70|2026-09-03T11:00:00",
                    "15m|moving_average|type=SMA,period=5|price_cross_above||2026-09-03T11:00:00");
        }
    }

    @Test
    void rsiStaysWithinZeroAndOneHundredOverManyCloses() {
        UpbitSimulator sim = upbit.simulator();
        try (WsClient client = infoClient(sim)) {
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":[\"KRW-XRP\"],"
                    + "\"timeframe\":\"5m\","
                    + "\"indicators\":[{\"type\":\"rsi\",\"params\":{\"period\":2}},"
                    + "{\"type\":\"rsi\",\"params\":{\"period\":14}}]}]");
            Random random = new Random(5);
            BigDecimal price = sim.market().lastPrice("KRW-XRP");
            List<BigDecimal> rsi = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // Wild moves, long runs up and down, and flat stretches.
                double factor = i < 40 ? 1 + random.nextGaussian() * 0.3 : i < 80 ? 1.05 : i < 120 ? 0.95
                        : i < 150 ? 1 : 1 + random.nextGaussian() * 0.01;
                price = scaled(price, Math.max(0.2, factor));
                assertThat(sim.closeCandle("5m", "KRW-XRP", price, BigDecimal.ONE)).isEqualTo(2);
                for (WsClient.Frame frame : client.next(2)) {
                    rsi.add((BigDecimal) map(Json.object(frame.text()), "value").get("rsi"));
                }
            }
            assertThat(rsi).hasSize(400).allSatisfy(r -> assertThat(r).isBetween(BigDecimal.ZERO,
                    new BigDecimal("100")));
            // After forty rises in a row the short RSI is all but 100, after forty falls all but 0.
            assertThat(rsi.get(2 * 79)).isGreaterThan(new BigDecimal("99"));
            assertThat(rsi.get(2 * 119)).isLessThan(BigDecimal.ONE);
        }
    }

    @Test
    void aSignalFiresOnceWhenItsConditionTurnsMetAndAgainOnlyAfterItWasUnmet() {
        UpbitSimulator sim = upbit.simulator();
        try (WsClient client = infoClient(sim)) {
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"indicator_signal\",\"codes\":[\"KRW-SOL\"],"
                    + "\"timeframe\":\"60m\",\"indicators\":[{\"type\":\"rsi\",\"params\":{\"period\":7},"
                    + "\"trigger\":\"overbought\",\"event_params\":{\"threshold\":70}}]}]");
            BigDecimal price = sim.market().lastPrice("KRW-SOL");
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 20; i++) {
                    price = scaled(price, 0.99);
                    assertThat(sim.closeCandle("60m", "KRW-SOL", price, BigDecimal.ONE)).isZero();
                }
                price = scaled(price, 1.5);
                assertThat(sim.closeCandle("60m", "KRW-SOL", price, BigDecimal.ONE)).isEqualTo(1);
                Map<String, Object> signal = Json.object(client.next().text());
                assertThat(signal).containsEntry("trigger", "overbought");
                assertThat((BigDecimal) map(signal, "value").get("rsi")).isGreaterThanOrEqualTo(new BigDecimal("70"));
                // Still overbought: no repeat.
                for (int i = 0; i < 3; i++) {
                    price = scaled(price, 1.01);
                    assertThat(sim.closeCandle("60m", "KRW-SOL", price, BigDecimal.ONE)).isZero();
                }
            }
            assertThat(sim.sentLog().items("indicator_signal", "KRW-SOL")).hasSize(2);
            assertThat(client.drain()).isEmpty();
        }
    }

    @Test
    void crossoverSignalsAgreeWithTheMovingAveragesOfTheirClose() {
        UpbitSimulator sim = upbit.simulator();
        try (WsClient client = infoClient(sim)) {
            String crossover = "{\"type\":\"ma_crossover\",\"params\":{\"type\":\"SMA\",\"short_period\":5,"
                    + "\"long_period\":20}";
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":[\"KRW-DOGE\"],"
                    + "\"timeframe\":\"240m\",\"indicators\":[" + crossover + "}]},"
                    + "{\"type\":\"indicator_signal\",\"codes\":[\"KRW-DOGE\"],\"timeframe\":\"240m\",\"indicators\":["
                    + crossover + ",\"trigger\":\"golden_cross\"}," + crossover + ",\"trigger\":\"dead_cross\"}]}]");
            BigDecimal price = sim.market().lastPrice("KRW-DOGE");
            BigDecimal previousGap = null;
            int golden = 0;
            int dead = 0;
            for (int i = 0; i < 90; i++) {
                price = scaled(price, (i / 30) % 2 == 0 ? 0.98 : 1.02);
                int written = sim.closeCandle("240m", "KRW-DOGE", price, BigDecimal.ONE);
                List<Map<String, Object>> items = client.next(written).stream().map(f -> Json.object(f.text()))
                        .toList();
                Map<String, Object> averages = map(items.get(0), "value");
                assertThat(items.get(0)).containsEntry("type", "indicator");
                BigDecimal gap = ((BigDecimal) averages.get("ma_short")).subtract((BigDecimal) averages.get("ma_long"));
                for (Map<String, Object> signal : items.subList(1, items.size())) {
                    assertThat(signal).containsEntry("type", "indicator_signal")
                            .containsEntry("candle_date_time_utc", items.get(0).get("candle_date_time_utc"));
                    assertThat(map(signal, "value")).isEqualTo(averages);
                    if ("golden_cross".equals(signal.get("trigger"))) {
                        assertThat(gap).isPositive();
                        golden++;
                    } else {
                        assertThat(gap).isNegative();
                        dead++;
                    }
                }
                if (previousGap != null) {
                    boolean up = previousGap.signum() < 0 && gap.signum() > 0;
                    boolean down = previousGap.signum() > 0 && gap.signum() < 0;
                    assertThat(items).as("close %d", i).hasSize(1 + (up || down ? 1 : 0));
                }
                previousGap = gap;
            }
            assertThat(golden).isEqualTo(1);
            assertThat(dead).isBetween(1, 2);
        }
    }

    @Test
    void codesThatAreNoKrwMarketGetNothing() {
        UpbitSimulator sim = upbit.simulator();
        try (WsClient client = infoClient(sim)) {
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":[\"BTC-ETH\",\"USDT-BTC\","
                    + "\"krw-btc\",\"KRW-ETH\"],\"timeframe\":\"1d\",\"indicators\":[{\"type\":\"rsi\","
                    + "\"params\":{\"period\":14}}]}]");
            assertThat(sim.closeCandle("1d")).isEqualTo(1);
            assertThat(Json.object(client.next().text())).containsEntry("code", "KRW-ETH");
            assertThat(sim.sentLog().items()).extracting(SentItem::code).containsOnly("KRW-ETH");
            assertThatThrownBy(() -> sim.closeCandle("1d", "BTC-ETH", BigDecimal.ONE, BigDecimal.ONE))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.closeCandle("1m")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void identicalCombinationsAreServedOnce() {
        UpbitSimulator sim = upbit.simulator();
        try (WsClient client = infoClient(sim)) {
            String bands = "{\"type\":\"bollinger_bands\",\"params\":{\"period\":20,\"multiplier\":%s}}";
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":[\"KRW-ADA\",\"KRW-ADA\"],"
                    + "\"timeframe\":\"15m\",\"indicators\":[" + String.format(bands, "2") + ","
                    + String.format(bands, "2.0") + "," + String.format(bands, "2.00") + "]},"
                    + "{\"type\":\"indicator\",\"codes\":[\"KRW-ADA\"],\"timeframe\":\"15m\",\"indicators\":["
                    + String.format(bands, "2.5") + "]}]");
            assertThat(sim.closeCandle("15m", "KRW-ADA", new BigDecimal("1000"), BigDecimal.ONE)).isEqualTo(2);
            assertThat(client.next(2)).extracting(f -> map(Json.object(f.text()), "params").get("multiplier"))
                    .extracting(Object::toString).containsExactly("2.0", "2.5");
        }
    }

    @Test
    void candlesCloseByThemselvesWhenTheSimulatedClockPassesTheirEnd() {
        MutableClock clock = new MutableClock(Instant.parse("2026-09-03T04:54:59.900Z"));
        try (UpbitSimulator sim = UpbitSimulator.builder().apiKey(AK, SK).clock(clock)
                .simulatedStart(clock.instant()).build().start();
             WsClient client = infoClient(sim)) {
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":[\"KRW-BTC\"],"
                    + "\"timeframe\":\"5m\","
                    + "\"indicators\":[{\"type\":\"rsi\",\"params\":{\"period\":14}}]},"
                    + "{\"type\":\"indicator\",\"codes\":[\"KRW-BTC\"],\"timeframe\":\"15m\","
                    + "\"indicators\":[{\"type\":\"rsi\",\"params\":{\"period\":14}}]}]");
            clock.advance(Duration.ofMillis(200));
            Map<String, Object> first = Json.object(client.next().text());
            assertThat(first).containsEntry("timeframe", "5m")
                    .containsEntry("candle_date_time_utc", "2026-09-03T04:50:00")
                    .containsEntry("timestamp", new BigDecimal(Instant.parse("2026-09-03T04:55:00.100Z")
                            .toEpochMilli()));
            // Five minutes on: the next 5m candle and the 15m one of 04:45 close, nothing else.
            clock.advance(Duration.ofMinutes(5));
            List<Map<String, Object>> next = client.next(2).stream().map(f -> Json.object(f.text())).toList();
            assertThat(next).extracting(i -> i.get("timeframe") + " " + i.get("candle_date_time_utc"))
                    .containsExactlyInAnyOrder("5m 2026-09-03T04:55:00", "15m 2026-09-03T04:45:00");
            assertThat(sim.sentLog().items("indicator", "KRW-BTC")).hasSize(3);
        }
    }

    private static void configure(UpbitSimulator.Builder b) {
        b.seed(11).apiKey(AK, SK).clock(new MutableClock(NOW)).simulatedStart(NOW)
                .connectLimitPerSecond(1000).messageLimits(1000, 10_000);
    }

    /** A simulator of its own, for a test that asserts candle times (the shared one's series move on). */
    private static UpbitSimulator fresh() {
        UpbitSimulator.Builder b = UpbitSimulator.builder();
        configure(b);
        return b.build().start();
    }

    private static WsClient infoClient(UpbitSimulator sim) {
        return WsClient.connect(sim.infoUrl(), Jwts.bearer(Jwts.hs512(AK, SK)));
    }

    /** The next n items, from n frames or one list frame. */
    private static List<Map<String, Object>> items(WsClient client, String format, int n) {
        if (format.endsWith("LIST")) {
            List<Map<String, Object>> items = Json.list(client.next().text());
            assertThat(items).hasSize(n);
            return items;
        }
        return client.next(n).stream().map(f -> Json.object(f.text())).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> item, String key) {
        return (Map<String, Object>) item.get(key);
    }

    private static BigDecimal scaled(BigDecimal price, double factor) {
        return price.multiply(BigDecimal.valueOf(factor), MathContext.DECIMAL64);
    }
}
