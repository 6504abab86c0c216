package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Connection fault injection over real loopback connections: an abrupt drop, a silent (half-open) peer that may
 * resume, dropped and held-back items. Absence is proved by order, not by waiting: the simulator counts a ping sent
 * after the frames it must ignore, and a close frame it sends last carries everything it wrote before to the client
 * ahead of it. (What such faults on one line do to another line: {@link IdenticalLinesTest}.)
 */
class ConnectionFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void pingFramesAreAnsweredWithPongsAndCounted() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start();
             WsClient client = WsClient.connect(sim.url())) {
            SimConnection connection = sim.awaitConnection(WAIT);
            assertThat(connection.isSilent()).isFalse();
            assertThat(connection.pingsReceived()).isZero();

            assertThat(client.ping("one").nextPong()).isEqualTo("one");
            assertThat(client.ping("two").nextPong()).isEqualTo("two");
            assertThat(connection.pingsReceived()).isEqualTo(2);
            // Ping frames are keep-alive, not requests: neither recorded nor answered with a frame of ours.
            assertThat(sim.received()).isEmpty();
            assertThat(connection.sentFrames()).isEmpty();
        }
    }

    @Test
    void aSilentConnectionSendsNothingAndIgnoresWhatArrivesButCountsPings() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start();
             WsClient client = WsClient.connect(sim.url())) {
            SimConnection connection = sim.awaitConnection(WAIT);
            connection.goSilent();
            assertThat(connection.isSilent()).isTrue();

            client.send(SimTestSupport.SUBSCRIBE_BTC_ETH);
            client.send("PING");
            connection.push("{\"pushed\":true}");
            client.ping("anyone there?");
            // The ping went after the subscribe and the text PING: once it is counted, both were read and ignored.
            await().atMost(WAIT).until(() -> connection.pingsReceived() == 1);
            assertThat(connection.subscription()).isEmpty();
            assertThat(connection.framesSent()).isZero();
            assertThat(connection.sentFrames()).isEmpty();
            assertThat(sim.received()).isEmpty();
            assertThat(connection.isOpen()).isTrue();

            // The close frame goes out last: any pong, status or data frame written before it would arrive first.
            connection.close(1000, "bye");
            assertThat(client.awaitClose()).isEqualTo(1000);
            assertThat(client.drainPongs()).isEmpty();
            assertThat(client.drain()).isEmpty();
        }
    }

    @Test
    void goingSilentStopsTheMarketDataStream() {
        try (UpbitSimulator sim = UpbitSimulator.builder().speed(10).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            client.send(SimTestSupport.SUBSCRIBE_BTC_ETH);
            client.next(4); // the two snapshots and realtime updates: the timer is running
            SimConnection connection = sim.awaitConnection(WAIT);

            connection.goSilent();
            client.ping("barrier");
            await().atMost(WAIT).until(() -> connection.pingsReceived() == 1);
            int sentBeforeSilence = connection.framesSent();
            connection.close(1000, "bye");
            assertThat(client.awaitClose()).isEqualTo(1000);

            // Nothing was written after silence took hold, and the client got exactly what was written before.
            assertThat(connection.framesSent()).isEqualTo(sentBeforeSilence);
            assertThat(4 + client.drain().size()).isEqualTo(sentBeforeSilence);
            assertThat(client.drainPongs()).isEmpty();
        }
    }

    @Test
    void theIdleTimeoutDoesNotCloseASilentConnection() {
        // One second of idleness: far more than the test needs between its keep-alive ping and going silent.
        try (UpbitSimulator sim = UpbitSimulator.builder().idleTimeout(Duration.ofSeconds(1)).build().start();
             WsClient silentClient = WsClient.connect(sim.url())) {
            SimConnection silent = sim.awaitConnection(WAIT);
            silentClient.ping("keep-alive").nextPong();
            silent.goSilent();

            // A connection opened later, and so idle for less time, is closed by the idle timeout (1000)...
            try (WsClient later = WsClient.connect(sim.url())) {
                assertThat(later.awaitClose()).isEqualTo(1000);
            }
            // ...while the silent one, a half-open peer, stays.
            await().atMost(WAIT).until(() -> sim.connections().size() == 1);
            assertThat(sim.connections()).containsExactly(silent);
            assertThat(silent.isOpen()).isTrue();
            assertThat(silentClient.closeStatus()).isNotDone();
        }
    }

    @Test
    void dropAbruptlyEndsTheConnectionWithoutACloseFrame() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start();
             WsClient client = WsClient.connect(sim.url())) {
            SimConnection connection = sim.awaitConnection(WAIT);
            connection.dropAbruptly();

            // No close frame came: the JDK client reports the reset through onError (or, elsewhere, 1006).
            try {
                Integer status = client.closeStatus().orTimeout(10, TimeUnit.SECONDS).join();
                assertThat(status).isEqualTo(1006);
            } catch (CompletionException e) {
                assertThat(e.getCause()).isInstanceOf(IOException.class);
            }
            await().atMost(WAIT).until(() -> !connection.isOpen() && sim.connections().isEmpty());
            assertThat(connection.sentFrames()).isEmpty();
            assertThat(List.of(client.drain(), client.drainPongs())).allMatch(List::isEmpty);
        }
    }

    @Test
    void resumeEndsASilence() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start();
             WsClient client = WsClient.connect(sim.url())) {
            SimConnection connection = sim.awaitConnection(WAIT);
            connection.resume(); // not silent: nothing happens
            assertThat(connection.isSilent()).isFalse();
            connection.goSilent();
            client.send("PING");
            client.ping("unanswered");
            await().atMost(WAIT).until(() -> connection.pingsReceived() == 1);

            connection.resume();
            assertThat(connection.isSilent()).isFalse();
            // What arrived while silent stays unanswered; what arrives now is answered, in order.
            client.send("PING");
            assertThat(client.next().text()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(client.ping("answered").nextPong()).isEqualTo("answered");
            assertThat(client.drainPongs()).isEmpty();
            assertThat(sim.received()).extracting(ReceivedMessage::text).containsExactly("PING");
            assertThat(connection.withheldItems()).isEmpty();
        }
    }

    @Test
    void dropCountsAddUpPerTypeAndZeroClearsThem() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start();
             WsClient ignored = WsClient.connect(sim.url())) {
            SimConnection connection = sim.awaitConnection(WAIT);
            connection.dropNextItems("trade", 2);
            connection.dropNextItems("trade", 3);
            connection.dropNextItems("ticker", 1);
            connection.dropNextItems(4);
            assertThat(connection.itemsToDrop()).isEqualTo(10);
            connection.dropNextItems("trade", 0);
            assertThat(connection.itemsToDrop()).isEqualTo(5);
            connection.dropNextItems(0);
            assertThat(connection.itemsToDrop()).isEqualTo(1);
            assertThatThrownBy(() -> connection.dropNextItems(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> connection.dropNextItems("trade", -1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> connection.dropNextItems(null, 1)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void aDroppedItemLeavesTheRestOfItsListFrameAndIsRecorded() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start();
             WsClient client = WsClient.connect(sim.url())) {
            SimConnection connection = sim.awaitConnection(WAIT);
            connection.dropNextItems("ticker", 1);
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\",\"KRW-ETH\",\"KRW-DOGE\"],"
                    + "\"is_only_snapshot\":true},{\"format\":\"JSON_LIST\"}]");
            assertThat(Json.list(client.next().text())).extracting(m -> m.get("code"))
                    .containsExactly("KRW-ETH", "KRW-DOGE");
            assertThat(connection.itemsToDrop()).isZero();
            assertThat(connection.withheldItems()).singleElement().satisfies(w -> {
                assertThat(w.reason()).isEqualTo(WithheldItem.Reason.DROPPED);
                assertThat(w.connectionId()).isEqualTo(connection.id());
                assertThat(w.type()).isEqualTo("ticker");
                assertThat(w.code()).isEqualTo("KRW-BTC");
                assertThat(w.streamType()).isEqualTo("SNAPSHOT");
                assertThat(w.withheldAt()).isNotNull();
            });
            assertThat(connection.itemsWithheld()).isEqualTo(1);
            assertThat(sim.sentLog().items()).extracting(SentItem::code).containsExactly("KRW-ETH", "KRW-DOGE");
        }
    }

    @Test
    void heldItemsGoOutInOrderOnReleaseWhileRepliesDoNotWait() {
        try (UpbitSimulator sim = UpbitSimulator.builder().apiKey("ak", "sk").build().start();
             WsClient client = WsClient.connect(sim.privateUrl(), Jwts.bearer(Jwts.hs512("ak", "sk")))) {
            SimConnection connection = sim.awaitConnection(WAIT);
            SimTestSupport.subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"myAsset\"}]");
            connection.holdItems();
            assertThat(connection.isHoldingItems()).isTrue();
            SimAccount account = sim.account("ak");
            account.deposit("KRW", new BigDecimal("1"));
            account.deposit("BTC", new BigDecimal("2"));
            account.deposit("ETH", new BigDecimal("3"));
            await().atMost(WAIT).until(() -> connection.itemsHeld() == 3);
            // Replies are not held: the PING's answer comes first.
            client.send("PING");
            assertThat(client.next().text()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(connection.sentItems()).isEmpty();

            connection.releaseItems();
            List<String> currencies = new ArrayList<>();
            for (WsClient.Frame frame : client.next(3)) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> assets = (List<Map<String, Object>>) Json.object(frame.text()).get("assets");
                currencies.add((String) assets.get(0).get("currency"));
            }
            assertThat(currencies).containsExactly("KRW", "BTC", "ETH");
            await().atMost(WAIT).until(() -> !connection.isHoldingItems());
            assertThat(connection.itemsHeld()).isZero();
            assertThat(connection.sentItems()).hasSize(3);
            assertThat(connection.withheldItems()).isEmpty();

            // No longer held: the next event goes out as it comes.
            account.deposit("XRP", new BigDecimal("4"));
            assertThat(client.next().text()).contains("\"currency\":\"XRP\"");
        }
    }

    @Test
    void aSilentConnectionRecordsTheEventsItWithholds() {
        try (UpbitSimulator sim = UpbitSimulator.builder().apiKey("ak", "sk").build().start();
             WsClient client = WsClient.connect(sim.privateUrl(), Jwts.bearer(Jwts.hs512("ak", "sk")))) {
            SimConnection connection = sim.awaitConnection(WAIT);
            SimTestSupport.subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"myAsset\"}]");
            connection.goSilent();
            sim.account("ak").deposit("KRW", new BigDecimal("1"));
            await().atMost(WAIT).until(() -> connection.itemsWithheld() == 1);
            assertThat(connection.withheldItems()).singleElement().satisfies(w -> {
                assertThat(w.reason()).isEqualTo(WithheldItem.Reason.SILENT);
                assertThat(w.type()).isEqualTo("myAsset");
                assertThat(w.code()).isNull();
                assertThat(w.streamType()).isEqualTo("REALTIME");
                assertThat(w.key()).isNotBlank();
            });
            assertThat(sim.sentLog().items()).isEmpty();

            connection.resume();
            sim.account("ak").deposit("BTC", new BigDecimal("2"));
            Map<String, Object> asset = Json.object(client.next().text());
            assertThat(asset.get("asset_uuid")).isNotEqualTo(connection.withheldItems().get(0).key());
            assertThat(sim.sentLog().items()).extracting(SentItem::key).containsExactly((String) asset.get("asset_uuid"));
        }
    }

    @Test
    void dropAbruptlyResetsTheTcpConnection() throws IOException {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start(); Socket socket = new Socket()) {
            assertThat(RawHttp.upgradeAndKeep(socket, sim.port(), "/websocket/v1")).isEqualTo(101);
            sim.awaitConnection(WAIT).dropAbruptly();
            // An orderly close (FIN) would read as end of stream; a RST fails the read.
            assertThatThrownBy(() -> socket.getInputStream().read())
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        }
    }
}
