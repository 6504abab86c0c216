package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Handshake fault injection over real loopback connections: refused, delayed and stalled upgrades. Nothing here
 * measures time: a delay is either tiny (only the outcome is checked) or an hour (the answer is plainly held until
 * the test releases it).
 */
class HandshakeFaultsTest {

    private static final Duration FOREVER = Duration.ofHours(1);
    private static final String PING_TEXT = "PING";
    private static final String UP = "{\"status\":\"UP\"}";

    @Test
    void theNextHandshakesAreRefusedWithTheStatusAndRetryAfterThenOneIsAccepted() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start()) {
            sim.refuseHandshakes(2, 429, Duration.ofSeconds(3));
            assertThat(sim.handshakesToRefuse()).isEqualTo(2);

            for (int remaining = 1; remaining >= 0; remaining--) {
                HttpResponse<?> refused = WsClient.refusedResponse(sim.url(), Map.of());
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.headers().allValues("Retry-After")).containsExactly("3");
                assertThat(sim.handshakesToRefuse()).isEqualTo(remaining);
            }
            try (WsClient third = WsClient.connect(sim.url())) {
                SimConnection connection = sim.awaitConnection(Duration.ofSeconds(10));
                List<HandshakeRecord> records = sim.handshakes();
                assertThat(records).extracting(HandshakeRecord::status).containsExactly(429, 429, 101);
                assertThat(records).extracting(HandshakeRecord::connectionId)
                        .containsExactly(null, null, connection.id());
                assertThat(records).extracting(HandshakeRecord::path).containsOnly("/websocket/v1");
                assertThat(third.send(PING_TEXT).next().text()).isEqualTo(UP);
            }
            // Injected refusals are the test's doing, not the client's: no violation is counted.
            assertThat(sim.rateLimitViolations()).isZero();
        }
    }

    @Test
    void refusalsQueueUpWithOrWithoutRetryAfterAndCarryABody() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start()) {
            sim.refuseHandshakes(1, 418, null);
            sim.refuseHandshakes(1, 401, null);
            sim.refuseHandshakes(1, 503, Duration.ofMillis(1500));
            assertThat(sim.handshakesToRefuse()).isEqualTo(3);

            RawHttp.Response teapot = RawHttp.upgrade(sim.port(), "/websocket/v1", Map.of());
            RawHttp.Response unauthorized = RawHttp.upgrade(sim.port(), "/websocket/v1", Map.of());
            RawHttp.Response unavailable = RawHttp.upgrade(sim.port(), "/websocket/v1", Map.of());

            assertThat(List.of(teapot, unauthorized, unavailable)).extracting(RawHttp.Response::status)
                    .containsExactly(418, 401, 503);
            assertThat(teapot.header("Retry-After")).isNull();
            assertThat(unauthorized.header("Retry-After")).isNull();
            assertThat(unavailable.header("Retry-After")).isEqualTo("2"); // 1.5 s, rounded up
            List.of(teapot, unauthorized, unavailable).forEach(HandshakeFaultsTest::assertPlainRefusal);
            assertThat(sim.handshakes()).extracting(HandshakeRecord::status).containsExactly(418, 401, 503);
            assertThat(sim.handshakesToRefuse()).isZero();
        }
    }

    @Test
    void theJdkClientSeesA418AndA401Too() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start()) {
            sim.refuseHandshakes(1, 418, Duration.ofSeconds(60));
            sim.refuseHandshakes(1, 401, null);
            HttpResponse<?> blocked = WsClient.refusedResponse(sim.url(), Map.of());
            assertThat(blocked.statusCode()).isEqualTo(418);
            assertThat(blocked.headers().firstValue("Retry-After")).hasValue("60");
            HttpResponse<?> unauthorized = WsClient.refusedResponse(sim.url(), Map.of());
            assertThat(unauthorized.statusCode()).isEqualTo(401);
            assertThat(unauthorized.headers().firstValue("Retry-After")).isEmpty();
            assertThat(sim.handshakes()).extracting(HandshakeRecord::status).containsExactly(418, 401);
        }
    }

    @Test
    void anInjectedRefusalComesBeforeAuthenticationAndLeavesTheNonceUnspent() {
        try (UpbitSimulator sim = UpbitSimulator.builder().apiKey("ak", "sk").build().start()) {
            Map<String, String> token = Jwts.bearer(Jwts.hs512("ak", "sk"));
            sim.refuseHandshakes(1, 429, null);
            assertThat(WsClient.refusedStatus(sim.privateUrl(), token)).isEqualTo(429);
            assertThat(sim.jwts()).isEmpty();
            // The very same token (same nonce) is still good: the refused handshake never got to the verifier.
            try (WsClient client = WsClient.connect(sim.privateUrl(), token)) {
                assertThat(sim.awaitConnection(Duration.ofSeconds(10)).accessKey()).isEqualTo("ak");
            }
            assertThat(sim.handshakes()).extracting(HandshakeRecord::path)
                    .containsExactly("/websocket/v1/private", "/websocket/v1/private");
            assertThat(sim.handshakes()).extracting(HandshakeRecord::status).containsExactly(429, 101);
        }
    }

    @Test
    void zeroClearsTheQueueAndBadArgumentsAreRejected() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start()) {
            sim.refuseHandshakes(3, 429, null);
            sim.refuseHandshakes(0, 0, null);
            assertThat(sim.handshakesToRefuse()).isZero();
            try (WsClient client = WsClient.connect(sim.url())) {
                assertThat(sim.handshakes()).extracting(HandshakeRecord::status).containsExactly(101);
            }
            assertThatThrownBy(() -> sim.refuseHandshakes(-1, 429, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.refuseHandshakes(1, 101, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.refuseHandshakes(1, 600, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.refuseHandshakes(1, 429, Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.delayHandshakes(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.delayHandshakes(null)).isInstanceOf(IllegalArgumentException.class);
            assertThat(sim.handshakesToRefuse()).isZero();
        }
    }

    @Test
    void everyKindOfRefusalIsRecordedAndAnsweredWithABody() {
        MutableClock frozen = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
        try (UpbitSimulator sim = UpbitSimulator.builder().clock(frozen).connectLimitPerSecond(3)
                .apiKey("ak", "sk").build().start()) {
            List<WsClient> open = new ArrayList<>();
            List<RawHttp.Response> refusals = new ArrayList<>();
            Map<String, String> origin = Map.of("Origin", "https://example.com");
            try {
                sim.refuseHandshakes(1, 503, null);
                refusals.add(RawHttp.upgrade(sim.port(), "/websocket/v1", Map.of()));          // injected
                open.add(WsClient.connect(sim.url(), origin));                                   // 1st connect
                refusals.add(RawHttp.upgrade(sim.port(), "/websocket/v1", origin));             // Origin limit
                refusals.add(RawHttp.upgrade(sim.port(), "/websocket/v1/private", Map.of()));   // no token
                open.add(WsClient.connect(sim.url()));                                           // 2nd connect
                open.add(WsClient.connect(sim.url()));                                           // 3rd connect
                refusals.add(RawHttp.upgrade(sim.port(), "/websocket/v1", Map.of()));           // connect limit

                assertThat(refusals).extracting(RawHttp.Response::status).containsExactly(503, 429, 401, 429);
                refusals.forEach(HandshakeFaultsTest::assertPlainRefusal);
                List<HandshakeRecord> records = sim.handshakes();
                assertThat(records).extracting(HandshakeRecord::status)
                        .containsExactly(503, 101, 429, 401, 101, 101, 429);
                assertThat(records).extracting(HandshakeRecord::path).containsExactly("/websocket/v1",
                        "/websocket/v1", "/websocket/v1", "/websocket/v1/private", "/websocket/v1",
                        "/websocket/v1", "/websocket/v1");
                assertThat(records).filteredOn(r -> !r.accepted()).extracting(HandshakeRecord::connectionId)
                        .containsOnlyNulls();
                assertThat(records).filteredOn(HandshakeRecord::accepted).extracting(HandshakeRecord::connectionId)
                        .doesNotContainNull();
                assertThat(records.get(2).header("Origin")).isEqualTo("https://example.com");
                assertThat(sim.rateLimitViolations()).isEqualTo(2); // the two limits, not the 503 or the 401
            } finally {
                open.forEach(WsClient::close);
            }
        }
    }

    @Test
    void aDelayedHandshakeStillSucceeds() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start()) {
            sim.delayHandshakes(Duration.ofMillis(50));
            try (WsClient client = WsClient.connect(sim.url())) {
                SimConnection connection = sim.awaitConnection(Duration.ofSeconds(10));
                assertThat(sim.handshakes()).singleElement()
                        .satisfies(r -> assertThat(r.connectionId()).isEqualTo(connection.id()));
                assertThat(client.send(PING_TEXT).next().text()).isEqualTo(UP);
            }
        }
    }

    @Test
    void aHeldAnswerIsRecordedFirstAndGoesOutWhenTheDelayIsLifted() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start()) {
            sim.delayHandshakes(FOREVER);
            CompletableFuture<WsClient> pending = WsClient.connectAsync(sim.url());
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.handshakes().size() == 1);
            HandshakeRecord record = sim.handshakes().get(0);
            assertThat(record.status()).isEqualTo(101);
            // An hour's delay: the answer has certainly not gone out yet.
            assertThat(sim.handshakesWaiting()).isEqualTo(1);
            assertThat(pending).isNotDone();
            assertThat(sim.connections()).isEmpty();

            sim.delayHandshakes(Duration.ZERO);
            try (WsClient client = pending.orTimeout(10, TimeUnit.SECONDS).join()) {
                assertThat(sim.awaitConnection(Duration.ofSeconds(10)).id()).isEqualTo(record.connectionId());
                assertThat(client.send(PING_TEXT).next().text()).isEqualTo(UP);
            }
        }
    }

    @Test
    void aDelayedRefusalKeepsTheVerdictTakenOnArrivalAndResetReleasesIt() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start()) {
            sim.refuseHandshakes(1, 429, Duration.ofSeconds(1));
            sim.delayHandshakes(FOREVER);
            CompletableFuture<WsClient> pending = WsClient.connectAsync(sim.url());
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.handshakes().size() == 1);
            assertThat(sim.handshakes().get(0).status()).isEqualTo(429);
            assertThat(pending).isNotDone();

            sim.reset();
            Throwable failure = catchFailure(pending);
            assertThat(WsClient.handshakeRefusal(failure).statusCode()).isEqualTo(429);
            // reset() cleared the delay too: the next handshake is answered at once.
            try (WsClient client = WsClient.connect(sim.url())) {
                assertThat(sim.handshakes()).extracting(HandshakeRecord::status).containsExactly(101);
            }
        }
    }

    @Test
    void aStalledHandshakeIsRecordedButNeverAnsweredUntilReset() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start()) {
            sim.stallHandshakes(true);
            CompletableFuture<WsClient> pending = WsClient.connectAsync(sim.url());
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.handshakes().size() == 1);
            // Stalled means never answered, so this holds however long the machine took to get here.
            assertThat(pending).isNotDone();
            assertThat(sim.connections()).isEmpty();

            assertThat(sim.handshakesWaiting()).isEqualTo(1);

            sim.reset();
            try (WsClient client = pending.orTimeout(10, TimeUnit.SECONDS).join()) {
                assertThat(sim.handshakesWaiting()).isZero();
                assertThat(sim.awaitConnection(Duration.ofSeconds(10)).isOpen()).isTrue();
                assertThat(client.send(PING_TEXT).next().text()).isEqualTo(UP);
            }
        }
    }

    @Test
    void switchingTheStallOffAnswersTheWaitingHandshakes() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start()) {
            sim.stallHandshakes(true);
            CompletableFuture<WsClient> first = WsClient.connectAsync(sim.url());
            CompletableFuture<WsClient> second = WsClient.connectAsync(sim.url());
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.handshakes().size() == 2);
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();

            sim.stallHandshakes(false);
            try (WsClient a = first.orTimeout(10, TimeUnit.SECONDS).join();
                 WsClient b = second.orTimeout(10, TimeUnit.SECONDS).join()) {
                await().atMost(Duration.ofSeconds(10)).until(() -> sim.connections().size() == 2);
                assertThat(sim.handshakes()).extracting(HandshakeRecord::status).containsExactly(101, 101);
            }
        }
    }

    @Test
    void stopClosesAStalledHandshakeUnansweredAndTheIdleTimeoutLeavesItAlone() {
        // A short idle timeout: it must not end a handshake the simulator itself is holding.
        UpbitSimulator sim = UpbitSimulator.builder().idleTimeout(Duration.ofMillis(200)).build().start();
        try {
            sim.stallHandshakes(true);
            CompletableFuture<WsClient> stalled = WsClient.connectAsync(sim.url());
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.handshakes().size() == 1);
            // A socket that sends nothing at all is closed by the idle timeout; two of them, one after the other,
            // connected after the stalled one's request arrived, so the stalled one has been idle twice as long.
            RawHttp.awaitClosedWithoutRequest(sim.port());
            RawHttp.awaitClosedWithoutRequest(sim.port());
            assertThat(sim.handshakesWaiting()).isEqualTo(1);
            assertThat(stalled).isNotDone();

            sim.close();
            Throwable failure = catchFailure(stalled);
            assertThat(failure).isNotInstanceOf(TimeoutException.class);
            assertThat(sim.connections()).isEmpty();
        } finally {
            sim.close();
        }
    }

    @Test
    void awaitConnectionWaitsForTheNewestOpenConnection() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start()) {
            assertThatThrownBy(() -> sim.awaitConnection(Duration.ofMillis(20)))
                    .isInstanceOf(IllegalStateException.class);
            sim.delayHandshakes(Duration.ofMillis(50)); // so that the wait really waits, most of the time
            CompletableFuture<WsClient> first = WsClient.connectAsync(sim.url());
            SimConnection c1 = sim.awaitConnection(Duration.ofSeconds(10));
            try (WsClient a = first.orTimeout(10, TimeUnit.SECONDS).join();
                 WsClient b = WsClient.connect(sim.url())) {
                // The client may see its 101 a moment before the simulator registers the connection.
                await().atMost(Duration.ofSeconds(10)).until(() -> sim.connections().size() == 2);
                SimConnection c2 = sim.awaitConnection(Duration.ofSeconds(10));
                assertThat(c2.id()).isNotEqualTo(c1.id());
                assertThat(sim.connections()).extracting(SimConnection::id).containsExactly(c1.id(), c2.id());
            }
        }
    }

    private static void assertPlainRefusal(RawHttp.Response response) {
        assertThat(response.body()).isNotBlank();
        assertThat(response.header("Content-Length"))
                .isEqualTo(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
        assertThat(response.header("Upgrade")).isNull();
        assertThat(response.body()).startsWith(String.valueOf(response.status()));
    }

    private static Throwable catchFailure(CompletableFuture<?> future) {
        try {
            future.orTimeout(10, TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the handshake to fail");
    }
}
