package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.camelupbit.test.SimTestSupport.errorName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rolling limits, over real connections. The simulators here run on a wall clock the test holds still, so
 * "within one second" and "within ten seconds" are exact, whatever the speed of the machine.
 */
class LimitsTest {

    private static final String LIST = "[{\"ticket\":\"t\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}]";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));

    private UpbitSimulator.Builder frozen() {
        return UpbitSimulator.builder().clock(clock);
    }

    @Test
    void sixthMessageInsideOneSecondClosesWith1008ByDefault() {
        try (UpbitSimulator sim = frozen().build().start(); WsClient client = WsClient.connect(sim.url())) {
            for (int i = 0; i < 5; i++) {
                client.send(LIST);
            }
            for (WsClient.Frame reply : client.next(5)) {
                assertThat(reply.text()).startsWith("{\"method\":\"LIST_SUBSCRIPTIONS\"");
            }
            client.send(LIST);
            assertThat(client.awaitClose()).isEqualTo(1008);
            assertThat(sim.rateLimitViolations()).isEqualTo(1);
            assertThat(sim.received()).hasSize(6);
        }
    }

    @Test
    void overLimitErrorFrameKeepsTheSocketAndDoesNotApplyTheMessage() {
        try (UpbitSimulator sim = frozen().overLimit(OverLimitBehavior.ERROR_FRAME).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            for (int i = 0; i < 5; i++) {
                client.send(LIST);
            }
            client.next(5);
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]}]");
            assertThat(errorName(client.next())).isEqualTo("TOO_MANY_REQUESTS");
            SimConnection connection = sim.connections().get(0);
            assertThat(connection.subscription()).isEmpty();
            assertThat(connection.isOpen()).isTrue();
            assertThat(sim.subscribeMessages()).hasSize(1);
            assertThat(sim.rateLimitViolations()).isEqualTo(1);
        }
    }

    @Test
    void overLimitIgnoreDropsSilentlyAndTextPingIsNotCountedByDefault() {
        try (UpbitSimulator sim = frozen().overLimit(OverLimitBehavior.IGNORE).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            for (int i = 0; i < 6; i++) {
                client.send(LIST);
            }
            client.send("PING");
            client.next(5);
            // The 6th got nothing: the next frame is the PING's answer.
            assertThat(client.next().text()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(sim.rateLimitViolations()).isEqualTo(1);
        }
    }

    @Test
    void pingCanBeCountedTowardTheLimit() {
        try (UpbitSimulator sim = frozen().pingCountsTowardLimit(true).overLimit(OverLimitBehavior.ERROR_FRAME)
                .build().start(); WsClient client = WsClient.connect(sim.url())) {
            for (int i = 0; i < 6; i++) {
                client.send("PING");
            }
            client.next(5);
            assertThat(errorName(client.next())).isEqualTo("TOO_MANY_REQUESTS");
        }
    }

    @Test
    void messagesWithinTheLimitAgainOnceTheWindowHasRolled() {
        try (UpbitSimulator sim = frozen().overLimit(OverLimitBehavior.ERROR_FRAME).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            for (int i = 0; i < 6; i++) {
                client.send(LIST);
            }
            client.next(5);
            assertThat(errorName(client.next())).isEqualTo("TOO_MANY_REQUESTS");
            clock.advance(java.time.Duration.ofSeconds(1));
            client.send(LIST);
            assertThat(client.next().text()).startsWith("{\"method\"");
        }
    }

    @Test
    void connectLimitRefusesTheSixthHandshakeInsideOneSecondWith429() {
        try (UpbitSimulator sim = frozen().build().start()) {
            WsClient[] clients = new WsClient[5];
            for (int i = 0; i < 5; i++) {
                clients[i] = WsClient.connect(sim.url());
            }
            assertThat(WsClient.refusedStatus(sim.url(), Map.of())).isEqualTo(429);
            assertThat(sim.handshakes()).hasSize(6);
            assertThat(sim.handshakes().get(5).status()).isEqualTo(429);
            assertThat(sim.handshakes().get(5).connectionId()).isNull();
            assertThat(sim.acceptedConnections()).isEqualTo(5);
            assertThat(sim.rateLimitViolations()).isEqualTo(1);

            clock.advance(java.time.Duration.ofSeconds(1));
            try (WsClient again = WsClient.connect(sim.url())) {
                assertThat(sim.acceptedConnections()).isGreaterThanOrEqualTo(5);
            }
            for (WsClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void originHandshakesAreRecordedAndLimitedToOnePerTenSeconds() {
        try (UpbitSimulator sim = frozen().build().start()) {
            Map<String, String> origin = Map.of("Origin", "https://example.com");
            try (WsClient first = WsClient.connect(sim.url(), origin)) {
                assertThat(WsClient.refusedStatus(sim.url(), origin)).isEqualTo(429);
                try (WsClient withoutOrigin = WsClient.connect(sim.url())) {
                    assertThat(sim.handshakes()).extracting(HandshakeRecord::status).containsExactly(101, 429, 101);
                }
            }
            HandshakeRecord recorded = sim.handshakes().get(0);
            assertThat(recorded.hasHeader("ORIGIN")).isTrue();
            assertThat(recorded.header("origin")).isEqualTo("https://example.com");
            assertThat(recorded.path()).isEqualTo("/websocket/v1");
            assertThat(sim.handshakes().get(2).hasHeader("Origin")).isFalse();
            assertThat(sim.rateLimitViolations()).isEqualTo(1);

            clock.advance(java.time.Duration.ofSeconds(10));
            try (WsClient later = WsClient.connect(sim.url(), origin)) {
                assertThat(sim.handshakes().get(3).status()).isEqualTo(101);
            }
        }
    }

    @Test
    void originLimitCanBeSwitchedOff() {
        try (UpbitSimulator sim = frozen().originLimit(false).build().start()) {
            Map<String, String> origin = Map.of("Origin", "https://example.com");
            try (WsClient a = WsClient.connect(sim.url(), origin); WsClient b = WsClient.connect(sim.url(), origin)) {
                assertThat(sim.handshakes()).extracting(HandshakeRecord::status).containsExactly(101, 101);
            }
        }
    }
}
