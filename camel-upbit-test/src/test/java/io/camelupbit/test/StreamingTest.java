package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.camelupbit.test.SimTestSupport.SUBSCRIBE_BTC_ETH;
import static io.camelupbit.test.SimTestSupport.awaitLatestConnection;
import static io.camelupbit.test.TickerAssertions.assertCompleteTicker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StreamingTest {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b
            .seed(7).speed(10).connectLimitPerSecond(1000).messageLimits(1000, 10_000));

    @Test
    void subscribeGetsSnapshotsThenRealtimeTickersWithEveryField() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send(SUBSCRIBE_BTC_ETH);

            List<WsClient.Frame> snapshots = client.next(2);
            assertThat(snapshots).allMatch(WsClient.Frame::binary);
            assertCompleteTicker(Json.object(snapshots.get(0).text()), "KRW-BTC", "SNAPSHOT", false);
            assertCompleteTicker(Json.object(snapshots.get(1).text()), "KRW-ETH", "SNAPSHOT", false);

            for (WsClient.Frame frame : client.next(10)) {
                assertThat(frame.binary()).isTrue();
                Map<String, Object> ticker = Json.object(frame.text());
                assertCompleteTicker(ticker, (String) ticker.get("code"), "REALTIME", false);
            }
            SimConnection connection = awaitLatestConnection(upbit.simulator());
            assertThat(connection.subscribedCodes("ticker")).containsExactly("KRW-BTC", "KRW-ETH");
            assertThat(connection.framesSent()).isGreaterThanOrEqualTo(12);
            assertThat(upbit.simulator().subscribeMessages()).extracting(ReceivedMessage::text)
                    .containsExactly(SUBSCRIBE_BTC_ETH);
            assertThat(connection.handshake().hasHeader("Origin")).isFalse();
        }
    }

    @Test
    void numbersKeepUpbitsDecimalText() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]}]");
            String text = client.next().text();
            assertThat(text).containsPattern("\"prev_closing_price\":\\d+\\.\\d{8},");
            assertThat(text).containsPattern("\"trade_price\":\\d+,");
            assertThat(text).containsPattern("\"acc_trade_price_24h\":\\d+\\.\\d{8},");
            assertThat(text).containsPattern("\"trade_volume\":0\\.\\d{8},");
            assertThat(text).contains("\"delisting_date\":null");
            assertThat(text).doesNotContain("E-", "E+");
        }
    }

    @Test
    void aNewSubscribeMessageReplacesTheWholeSet() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send(SUBSCRIBE_BTC_ETH);
            SimConnection connection = awaitLatestConnection(upbit.simulator());
            await().until(() -> connection.subscribedCodes("ticker").size() == 2);

            client.send("[{\"ticket\":\"t-2\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]},"
                    + "{\"type\":\"trade\",\"codes\":[\"KRW-XRP\"]},{\"format\":\"SIMPLE\"}]");
            await().until(() -> connection.subscribedCodes("ticker").size() == 1);
            assertThat(connection.subscribedCodes("ticker")).containsExactly("KRW-BTC");
            assertThat(connection.subscribedCodes("trade")).containsExactly("KRW-XRP");
            assertThat(connection.subscription()).extracting(Subscription::type).containsExactly("ticker", "trade");

            // Frames are ordered: after the new set's snapshots (the first SIMPLE frames) only KRW-BTC tickers and
            // KRW-XRP trades flow.
            WsClient.Frame snapshot = client.next(text -> text.contains("\"st\":"));
            assertThat(Json.object(snapshot.text())).containsEntry("st", "SNAPSHOT").containsEntry("cd", "KRW-BTC")
                    .containsEntry("ty", "ticker");
            assertThat(Json.object(client.next().text())).containsEntry("st", "SNAPSHOT").containsEntry("cd", "KRW-XRP")
                    .containsEntry("ty", "trade");
            for (WsClient.Frame frame : client.next(10)) {
                Map<String, Object> item = Json.object(frame.text());
                assertThat(item).containsEntry("st", "REALTIME");
                assertThat(item.get("ty") + " " + item.get("cd")).isIn("ticker KRW-BTC", "trade KRW-XRP");
            }
        }
    }

    @Test
    void snapshotOnlyAndRealtimeOnlyFlags() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"],\"is_only_realtime\":true}]");
            assertThat(Json.object(client.next().text())).containsEntry("stream_type", "REALTIME");

            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-SOL\"],\"is_only_snapshot\":true}]");
            Map<String, Object> snapshot = Json.object(client.next(t -> t.contains("KRW-SOL")).text());
            assertThat(snapshot).containsEntry("stream_type", "SNAPSHOT");
            SimConnection connection = awaitLatestConnection(upbit.simulator());
            int framesAfterSnapshot = connection.framesSent();
            client.send("PING");
            assertThat(Json.object(client.next(t -> t.contains("status")).text())).containsEntry("status", "UP");
            assertThat(connection.framesSent()).isEqualTo(framesAfterSnapshot);
            assertThat(connection.subscription().get(0).onlySnapshot()).isTrue();
        }
    }

    @Test
    void simpleFormatAbbreviatesEveryKey() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-XRP\"]},{\"format\":\"SIMPLE\"}]");
            assertCompleteTicker(Json.object(client.next().text()), "KRW-XRP", "SNAPSHOT", true);
            assertCompleteTicker(Json.object(client.next().text()), "KRW-XRP", "REALTIME", true);
            assertThat(awaitLatestConnection(upbit.simulator()).format()).isEqualTo("SIMPLE");
        }
    }

    @Test
    void jsonListFormatSendsSnapshotsDueTogetherInOneListFrame() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\",\"KRW-ETH\",\"KRW-DOGE\"]},"
                    + "{\"format\":\"JSON_LIST\"}]");
            List<Map<String, Object>> snapshots = Json.list(client.next().text());
            assertThat(snapshots).extracting(m -> m.get("code")).containsExactly("KRW-BTC", "KRW-ETH", "KRW-DOGE");
            snapshots.forEach(s -> assertCompleteTicker(s, (String) s.get("code"), "SNAPSHOT", false));

            List<Map<String, Object>> realtime = Json.list(client.next().text());
            assertThat(realtime).isNotEmpty();
            realtime.forEach(s -> assertCompleteTicker(s, (String) s.get("code"), "REALTIME", false));
        }
    }

    @Test
    void simpleListFormat() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]},{\"format\":\"SIMPLE_LIST\"}]");
            List<Map<String, Object>> items = Json.list(client.next().text());
            assertThat(items).hasSize(1);
            assertCompleteTicker(items.get(0), "KRW-BTC", "SNAPSHOT", true);
        }
    }

    @Test
    void listSubscriptionsEchoesTheSetAndTicketInTheConnectionsFormat() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"a\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\",\"KRW-ETH\"]},"
                    + "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.15\"],\"level\":10000},"
                    + "{\"type\":\"orderbook\",\"codes\":[\"KRW-ETH\"],\"level\":\"1000\"},"
                    + "{\"type\":\"candle.1m\",\"codes\":[\"KRW-XRP\"]}]");
            client.send("[{\"method\":\"LIST_SUBSCRIPTIONS\"},{\"ticket\":\"list-1\"}]");
            WsClient.Frame reply = client.next(t -> t.contains("LIST_SUBSCRIPTIONS"));
            assertThat(reply.text()).isEqualTo("{\"method\":\"LIST_SUBSCRIPTIONS\",\"result\":["
                    + "{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\",\"KRW-ETH\"]},"
                    + "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.15\"],\"level\":10000},"
                    + "{\"type\":\"orderbook\",\"codes\":[\"KRW-ETH\"],\"level\":1000},"
                    + "{\"type\":\"candle.1m\",\"codes\":[\"KRW-XRP\"]}],\"ticket\":\"list-1\"}");

            // A LIST_SUBSCRIPTIONS with another format switches the whole connection (upbit-protocol.md §2.4).
            client.send("[{\"ticket\":\"list-2\"},{\"method\":\"LIST_SUBSCRIPTIONS\"},{\"format\":\"SIMPLE\"}]");
            Map<String, Object> simple = Json.object(client.next(t -> t.contains("\"mthd\"")).text());
            assertThat(simple).containsOnlyKeys("mthd", "rslt", "tckt").containsEntry("tckt", "list-2");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> result = (List<Map<String, Object>>) simple.get("rslt");
            assertThat(result.get(1)).containsOnlyKeys("ty", "cds", "lv");
            Map<String, Object> nextTicker = Json.object(client.next(t -> t.contains("\"ty\":\"ticker\"")).text());
            assertThat(nextTicker).containsKey("tp").doesNotContainKey("trade_price");
            assertThat(upbit.simulator().subscribeMessages()).hasSize(1);
        }
    }

    @Test
    void textPingGetsStatusUp() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("PING");
            WsClient.Frame frame = client.next();
            assertThat(frame.text()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(frame.binary()).isTrue();
            assertThat(upbit.simulator().received()).extracting(ReceivedMessage::text).containsExactly("PING");
            assertThat(upbit.simulator().subscribeMessages()).isEmpty();
        }
    }

    @Test
    void pushSendsAnExactPayloadToEveryConnection() {
        try (WsClient a = WsClient.connect(upbit.url()); WsClient b = WsClient.connect(upbit.url())) {
            await().until(() -> upbit.simulator().acceptedConnections() == 2
                    && upbit.simulator().connections().size() >= 2);
            upbit.simulator().pushToAll("{\"status\":\"UP\"}");
            assertThat(a.next()).isEqualTo(new WsClient.Frame(true, "{\"status\":\"UP\"}"));
            assertThat(b.next()).isEqualTo(new WsClient.Frame(true, "{\"status\":\"UP\"}"));
            awaitLatestConnection(upbit.simulator()).pushText("{\"x\":1.50}");
            assertThat(b.next()).isEqualTo(new WsClient.Frame(false, "{\"x\":1.50}"));
        }
    }

    @Test
    void serverCloseReachesTheClient() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            awaitLatestConnection(upbit.simulator()).close(4000, "test");
            assertThat(client.awaitClose()).isEqualTo(4000);
        }
    }

    @Test
    void marketAccessorsFollowTheSimulatedClock() {
        Market market = upbit.simulator().market();
        assertThat(market.lastPrice("KRW-BTC")).isPositive();
        java.time.Instant before = market.now();
        await().atMost(Duration.ofSeconds(10)).until(() -> market.now().isAfter(before.plusSeconds(1)));
    }
}
