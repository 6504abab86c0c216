package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.camelupbit.test.SimTestSupport.awaitLatestConnection;
import static io.camelupbit.test.SimTestSupport.errorName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The switches for what upbit-protocol.md leaves open, and the connection life cycle. */
class BehaviourSwitchesTest {

    private static final String SUBSCRIBE_SIMPLE =
            "[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]},{\"format\":\"SIMPLE\"}]";
    private static final String LIST = "[{\"ticket\":\"l\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}]";

    @Test
    void idleConnectionIsClosedWithACloseFrame() {
        try (UpbitSimulator sim = UpbitSimulator.builder().idleTimeout(Duration.ofMillis(300)).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            assertThat(client.awaitClose()).isEqualTo(1000);
            await().until(() -> sim.connections().isEmpty());
        }
    }

    @Test
    void formatKeptOrResetByAMessageWithoutFormatObject() {
        try (UpbitSimulator keep = UpbitSimulator.builder().build().start();
             WsClient client = WsClient.connect(keep.url())) {
            client.send(SUBSCRIBE_SIMPLE).send(LIST);
            assertThat(client.next(t -> t.contains("LIST_SUBSCRIPTIONS")).text()).startsWith("{\"mthd\"");
        }
        try (UpbitSimulator reset = UpbitSimulator.builder().formatWithoutFormatObject(FormatReset.RESET_TO_DEFAULT)
                .build().start(); WsClient client = WsClient.connect(reset.url())) {
            client.send(SUBSCRIBE_SIMPLE).send(LIST);
            assertThat(client.next(t -> t.contains("LIST_SUBSCRIPTIONS")).text()).startsWith("{\"method\"");
            assertThat(awaitLatestConnection(reset).format()).isEqualTo("DEFAULT");
        }
    }

    @Test
    void framesAsTextWhenAsked() {
        try (UpbitSimulator sim = UpbitSimulator.builder().statusFramesAsText(true).dataFramesAsText(true)
                .build().start(); WsClient client = WsClient.connect(sim.url())) {
            client.send("PING");
            assertThat(client.next()).isEqualTo(new WsClient.Frame(false, "{\"status\":\"UP\"}"));
            client.send(SUBSCRIBE_SIMPLE);
            assertThat(client.next().binary()).isFalse();
        }
    }

    @Test
    void closeAfterErrorClosesTheSocket() {
        try (UpbitSimulator sim = UpbitSimulator.builder().closeAfterError(true).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\"}]");
            assertThat(errorName(client.next())).isEqualTo("NO_CODES");
            assertThat(client.awaitClose()).isEqualTo(1000);
        }
    }

    @Test
    void emptySubscriptionAcceptedWhenAsked() {
        try (UpbitSimulator sim = UpbitSimulator.builder().emptySubscription(EmptySubscription.ACCEPT_EMPTY)
                .build().start(); WsClient client = WsClient.connect(sim.url())) {
            client.send(SUBSCRIBE_SIMPLE);
            SimConnection connection = awaitLatestConnection(sim);
            client.next();
            client.send("[{\"ticket\":\"t\"},{\"format\":\"SIMPLE\"}]").send(LIST);
            assertThat(client.next(t -> t.contains("mthd")).text()).contains("\"rslt\":[]");
            assertThat(connection.subscription()).isEmpty();
            assertThat(sim.subscribeMessages()).hasSize(1);
        }
    }

    @Test
    void camelCaseFlagsHonouredWhenAsked() {
        try (UpbitSimulator sim = UpbitSimulator.builder().acceptCamelCaseFlags(true).speed(10).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"],\"isOnlyRealtime\":true}]");
            assertThat(Json.object(client.next().text())).containsEntry("stream_type", "REALTIME");
        }
    }

    @Test
    void privatePathNeedsAValidToken() {
        try (UpbitSimulator sim = UpbitSimulator.builder().apiKey("ak", "sk").build().start()) {
            assertThat(sim.privateUrl()).isEqualTo(sim.url() + "/private");
            assertThat(WsClient.refusedStatus(sim.privateUrl(), Map.of())).isEqualTo(401);
            assertThat(WsClient.refusedStatus(sim.privateUrl(), Map.of("Authorization", "Bearer abc.def.ghi")))
                    .isEqualTo(401);
            assertThat(WsClient.refusedStatus(sim.url() + "/other", Map.of())).isEqualTo(404);
            assertThat(sim.handshakes()).extracting(HandshakeRecord::status).containsExactly(401, 401, 404);
            assertThat(sim.jwts()).singleElement().satisfies(j -> {
                assertThat(j.valid()).isFalse();
                assertThat(j.rejection()).isEqualTo("malformed token");
            });
        }
    }

    @Test
    void urlsAndPorts() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start()) {
            assertThat(sim.port()).isPositive();
            assertThat(sim.url()).isEqualTo("ws://127.0.0.1:" + sim.port() + "/websocket/v1");
        }
    }
}
