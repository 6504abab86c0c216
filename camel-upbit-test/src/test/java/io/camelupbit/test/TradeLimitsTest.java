package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.camelupbit.test.SimTestSupport.awaitLatestConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounds on trades a test can see: the per-tick limit of a trade stream and the per-market history. */
class TradeLimitsTest {

    private static final List<String> CODES = List.of("KRW-BTC", "KRW-ETH");

    @Test
    void tradesOverThePerTickLimitAreSkippedCountedAndNeverLogged() {
        // 10 trades per market per millisecond of wall time, a tick every millisecond, 5 sent per tick.
        try (UpbitSimulator sim = UpbitSimulator.builder().seed(5).speed(10).tickInterval(Duration.ofMillis(1))
                .maxTradesPerTick(5).tradeHistory(500_000).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\",\"KRW-ETH\"]}]");
            SentLogTest.Received received = new SentLogTest.Received(false);
            while (received.count("KRW-BTC") < 100 || received.count("KRW-ETH") < 100) {
                received.add(client.next().text());
            }
            client.send("[{\"ticket\":\"stop\"},{\"type\":\"ticker\",\"codes\":[\"KRW-XRP\"],"
                    + "\"is_only_snapshot\":true}]");
            received.addUntilTicker(client);
            SimConnection connection = awaitLatestConnection(sim);

            assertThat(connection.tradesSkipped()).isPositive();
            assertThat(sim.tradesSkipped()).isEqualTo(connection.tradesSkipped());
            long gaps = 0;
            for (String code : CODES) {
                // The client got exactly what the log says was sent: the skipped trades are in neither.
                assertThat(sim.sentLog().items("trade", code)).extracting(SentItem::key).as(code)
                        .isEqualTo(received.ids(code));
                // Every trade from the snapshot to the last one sent was either sent or counted as skipped.
                Map<String, Trade> byId = sim.market().tradesAfter(code, -1).stream().collect(Collectors.toMap(
                        t -> Long.toString(t.sequentialId()), Function.identity()));
                List<String> ids = received.ids(code);
                long first = byId.get(ids.get(0)).index();
                long last = byId.get(ids.get(ids.size() - 1)).index();
                assertThat(sim.market().tradesEvicted(code)).isLessThanOrEqualTo(first);
                gaps += last - first - (ids.size() - 1);
            }
            assertThat(connection.tradesSkipped()).isEqualTo(gaps);
            assertThat(sim.sentLog().evicted()).isZero();

            sim.reset();
            assertThat(sim.tradesSkipped()).isZero();
            assertThat(connection.tradesSkipped()).isEqualTo(gaps);
        }
    }

    @Test
    void aStreamThatKeepsUpSkipsNothing() {
        try (UpbitSimulator sim = UpbitSimulator.builder().speed(10).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]}]");
            client.next(20);
            assertThat(sim.tradesSkipped()).isZero();
            assertThat(awaitLatestConnection(sim).tradesSkipped()).isZero();
        }
    }

    @Test
    void theTradeHistoryKeepsTheNewestTradesAndCountsTheEvicted() {
        Instant start = Instant.parse("2026-05-01T12:00:00Z");
        MutableClock wall = new MutableClock(start);
        try (UpbitSimulator sim = UpbitSimulator.builder().clock(wall).simulatedStart(start)
                .tickInterval(Duration.ofSeconds(1)).tradeHistory(50).build().start()) {
            Market market = sim.market();
            assertThat(market.tradeHistory()).isEqualTo(50);
            wall.advance(Duration.ofSeconds(30));
            assertThat(market.tradesEvicted("KRW-BTC")).isZero();
            assertThat(market.tradesAfter("KRW-BTC", -1)).hasSize(31);

            // Trades 0 to 120: the oldest 71 have left the history.
            wall.advance(Duration.ofSeconds(90));
            assertThat(market.lastTrade("KRW-BTC").index()).isEqualTo(120);
            assertThat(market.tradesEvicted("KRW-BTC")).isEqualTo(71);
            List<Trade> kept = market.tradesAfter("KRW-BTC", -1);
            assertThat(kept).hasSize(50);
            assertThat(kept.get(0).index()).isEqualTo(market.tradesEvicted("KRW-BTC"));
            assertThat(market.tradesAfter("KRW-BTC", 100)).hasSize(20);
            // Another market keeps its own history.
            assertThat(market.tradesEvicted("KRW-ETH")).isEqualTo(71);
        }
    }

    @Test
    void theDefaultHistoryIsTenThousandAndTheSettingsAreChecked() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start()) {
            assertThat(sim.market().tradeHistory()).isEqualTo(10_000);
            assertThat(sim.market().tradesEvicted("KRW-BTC")).isZero();
        }
        assertThatThrownBy(() -> UpbitSimulator.builder().tradeHistory(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpbitSimulator.builder().maxTradesPerTick(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
