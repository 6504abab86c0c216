package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarketTest {

    private static final Instant START = Instant.parse("2026-03-02T05:00:00Z");
    private static final Duration TICK = Duration.ofMillis(200);

    private record Step(BigDecimal price, BigDecimal volume, Trade.Side side) {
        static Step of(Trade t) {
            return new Step(t.price(), t.volume(), t.side());
        }
    }

    @Test
    void sameSeedGivesTheSameTradesWhateverTheTimingOfTheReads() {
        MutableClock wallA = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        MutableClock wallB = new MutableClock(Instant.parse("2031-06-01T12:34:56Z"));
        Market a = new Market(7, new SimClock(wallA, START, 1.0), TICK, Map.of());
        Market b = new Market(7, new SimClock(wallB, START.plusSeconds(3600), 10.0), TICK, Map.of());

        // a: one big step; b: many small irregular steps, at another speed and start, reading other markets too.
        wallA.advance(TICK.multipliedBy(300));
        for (int i = 0; i < 100; i++) {
            wallB.advance(Duration.ofMillis(60 + (i % 7)));
            b.lastPrice("KRW-BTC");
            b.lastPrice("KRW-ETH");
        }

        List<Step> tradesA = a.tradesAfter("KRW-BTC", -1).stream().map(Step::of).toList();
        List<Step> tradesB = b.tradesAfter("KRW-BTC", -1).stream().map(Step::of).toList();
        assertThat(tradesA).hasSizeGreaterThan(250);
        assertThat(tradesB).hasSizeGreaterThan(250);
        int n = Math.min(tradesA.size(), tradesB.size());
        assertThat(tradesA.subList(0, n)).isEqualTo(tradesB.subList(0, n));
    }

    @Test
    void anotherSeedGivesOtherTrades() {
        MutableClock wall = new MutableClock(START);
        Market a = new Market(7, new SimClock(wall, START, 1.0), TICK, Map.of());
        Market b = new Market(8, new SimClock(wall, START, 1.0), TICK, Map.of());
        wall.advance(TICK.multipliedBy(50));
        assertThat(a.tradesAfter("KRW-ETH", 0).stream().map(Step::of).toList())
                .isNotEqualTo(b.tradesAfter("KRW-ETH", 0).stream().map(Step::of).toList());
    }

    @Test
    void tradesAreOnTheTickGridOnTheSimulatedScheduleAndNearTheKnownPrice() {
        MutableClock wall = new MutableClock(START);
        Market market = new Market(42, new SimClock(wall, START, 1.0), TICK, Map.of());
        wall.advance(Duration.ofSeconds(60));
        for (String code : List.of("KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE", "KRW-NEWCOIN", "BTC-ETH",
                "USDT-BTC")) {
            List<Trade> trades = market.tradesAfter(code, 0);
            assertThat(trades).as(code).hasSize(300);
            for (Trade t : trades) {
                assertThat(TickSize.onGrid(MarketCodes.quote(code), t.price())).as("%s %s", code, t).isTrue();
                assertThat(t.volume()).isPositive();
                assertThat(t.volume().scale()).isEqualTo(8);
                assertThat(t.time()).isEqualTo(START.plus(TICK.multipliedBy(t.index())));
            }
        }
        assertThat(market.lastPrice("KRW-BTC")).isBetween(new BigDecimal("120000000"), new BigDecimal("160000000"));
        assertThat(market.lastPrice("KRW-ETH")).isBetween(new BigDecimal("4000000"), new BigDecimal("6000000"));
        assertThat(market.lastPrice("KRW-XRP")).isBetween(new BigDecimal("2500"), new BigDecimal("3500"));
        assertThat(market.lastPrice("KRW-SOL")).isBetween(new BigDecimal("200000"), new BigDecimal("300000"));
        assertThat(market.lastPrice("KRW-DOGE")).isBetween(new BigDecimal("400"), new BigDecimal("600"));
        assertThat(market.now()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void speedScalesSimulatedTime() {
        MutableClock wall = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        Market market = new Market(1, new SimClock(wall, START, 10.0), TICK, Map.of());
        wall.advance(Duration.ofSeconds(2));
        assertThat(market.now()).isEqualTo(START.plusSeconds(20));
        assertThat(market.lastTrade("KRW-BTC").index()).isEqualTo(100);
    }

    @Test
    void aNewUtcDayStartsFromThePreviousClose() {
        Instant lateEvening = Instant.parse("2026-03-02T23:59:50Z");
        MutableClock wall = new MutableClock(lateEvening);
        Market market = new Market(3, new SimClock(wall, lateEvening, 1.0), TICK, Map.of());
        wall.advance(Duration.ofSeconds(9));
        BigDecimal closeOfDay = market.lastPrice("KRW-BTC");
        wall.advance(Duration.ofSeconds(2));
        Ticker ticker = market.ticker("KRW-BTC", Ticker.StreamType.REALTIME);
        assertThat(ticker.tradeDate()).isEqualTo("20260303");
        assertThat(ticker.prevClosingPrice()).isEqualByComparingTo(
                market.tradesAfter("KRW-BTC", -1).stream()
                        .filter(t -> t.time().isBefore(Instant.parse("2026-03-03T00:00:00Z")))
                        .reduce((x, y) -> y).orElseThrow().price());
        assertThat(ticker.accTradeVolume()).isLessThan(new BigDecimal("100"));
        assertThat(closeOfDay).isPositive();
    }

    @Test
    void krwTickSizesFollowUpbitsTable() {
        assertThat(TickSize.of("KRW", new BigDecimal("140000000"))).isEqualByComparingTo("1000");
        assertThat(TickSize.of("KRW", new BigDecimal("1500000"))).isEqualByComparingTo("1000");
        assertThat(TickSize.of("KRW", new BigDecimal("999999"))).isEqualByComparingTo("500");
        assertThat(TickSize.of("KRW", new BigDecimal("250000"))).isEqualByComparingTo("100");
        assertThat(TickSize.of("KRW", new BigDecimal("50000"))).isEqualByComparingTo("50");
        assertThat(TickSize.of("KRW", new BigDecimal("49999"))).isEqualByComparingTo("10");
        assertThat(TickSize.of("KRW", new BigDecimal("5000"))).isEqualByComparingTo("5");
        assertThat(TickSize.of("KRW", new BigDecimal("3000"))).isEqualByComparingTo("1");
        assertThat(TickSize.of("KRW", new BigDecimal("500"))).isEqualByComparingTo("1");
        assertThat(TickSize.of("KRW", new BigDecimal("50"))).isEqualByComparingTo("0.1");
        assertThat(TickSize.of("KRW", new BigDecimal("5"))).isEqualByComparingTo("0.01");
        assertThat(TickSize.of("KRW", new BigDecimal("0.5"))).isEqualByComparingTo("0.001");
        assertThat(TickSize.of("BTC", new BigDecimal("0.035"))).isEqualByComparingTo("0.00000001");
        assertThat(TickSize.snap("KRW", new BigDecimal("140000499"), java.math.RoundingMode.HALF_UP))
                .isEqualTo(new BigDecimal("140000000"));
    }
}
