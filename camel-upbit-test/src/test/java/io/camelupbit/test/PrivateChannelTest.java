package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.camelupbit.test.SimTestSupport.awaitLatestConnection;
import static io.camelupbit.test.SimTestSupport.errorName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateChannelTest {

    private static final String AK = "access-key-1";
    private static final String SK = "secret-key-1";
    private static final String AK2 = "access-key-2";
    private static final String SK2 = "secret-key-2";
    /** Accounts keep their state across the tests of the class: the order tests each use their own. */
    private static final String BIDDER = "bidder";
    private static final String ASKER = "asker";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b
            .apiKey(AK, SK).apiKey(AK2, SK2).apiKey(BIDDER, "bidder-secret").apiKey(ASKER, "asker-secret")
            .connectLimitPerSecond(1000).messageLimits(1000, 10_000));

    @Test
    void aValidHs512TokenIsAcceptedAndRecorded() {
        String nonce = UUID.randomUUID().toString();
        try (WsClient client = WsClient.connect(upbit.privateUrl(), Jwts.bearer(Jwts.hs512(AK, SK, nonce)))) {
            SimConnection connection = awaitLatestConnection(upbit.simulator());
            assertThat(connection.accessKey()).isEqualTo(AK);
            assertThat(connection.path()).isEqualTo("/websocket/v1/private");
            assertThat(upbit.simulator().jwts()).singleElement().satisfies(j -> {
                assertThat(j.valid()).isTrue();
                assertThat(j.accessKey()).isEqualTo(AK);
                assertThat(j.nonce()).isEqualTo(nonce);
                assertThat(j.algorithm()).isEqualTo("HS512");
                assertThat(j.rejection()).isNull();
                assertThat(j.at()).isNotNull();
            });
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"myAsset\"}]");
            upbit.simulator().account(AK).deposit("BTC", new BigDecimal("0.5"));
            String frame = client.next().text();
            // The connection keeps the text of what it sent, status frames included.
            assertThat(connection.sentFrames()).containsExactly("{\"status\":\"UP\"}", frame);
        }
    }

    @Test
    void aValidHs256TokenIsAcceptedToo() {
        try (WsClient client = WsClient.connect(upbit.privateUrl(), Jwts.bearer(Jwts.hs256(AK2, SK2)))) {
            assertThat(awaitLatestConnection(upbit.simulator()).accessKey()).isEqualTo(AK2);
            assertThat(upbit.simulator().jwts()).singleElement()
                    .satisfies(j -> assertThat(j.algorithm()).isEqualTo("HS256"));
        }
    }

    @Test
    void aWrongSecretUnknownKeyOrMissingHeaderGets401() {
        assertThat(WsClient.refusedStatus(upbit.privateUrl(), Jwts.bearer(Jwts.hs512(AK, "not-the-secret"))))
                .isEqualTo(401);
        assertThat(WsClient.refusedStatus(upbit.privateUrl(), Jwts.bearer(Jwts.hs512("unknown", SK))))
                .isEqualTo(401);
        assertThat(WsClient.refusedStatus(upbit.privateUrl(), Map.of())).isEqualTo(401);
        // A public connection has no access key.
        try (WsClient ignored = WsClient.connect(upbit.url())) {
            assertThat(awaitLatestConnection(upbit.simulator()).accessKey()).isNull();
        }
        assertThat(upbit.simulator().jwts()).extracting(JwtRecord::valid, JwtRecord::accessKey, JwtRecord::rejection)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(false, AK, "signature verification failed"),
                        org.assertj.core.groups.Tuple.tuple(false, "unknown", "unknown access_key"));
        assertThat(upbit.simulator().handshakes()).extracting(HandshakeRecord::status)
                .containsExactly(401, 401, 401, 101);
    }

    @Test
    void aReusedNonceIsRefused() {
        String nonce = UUID.randomUUID().toString();
        try (WsClient first = WsClient.connect(upbit.privateUrl(), Jwts.bearer(Jwts.hs512(AK, SK, nonce)))) {
            assertThat(first.socket().isInputClosed()).isFalse();
        }
        assertThat(WsClient.refusedStatus(upbit.privateUrl(), Jwts.bearer(Jwts.hs512(AK, SK, nonce))))
                .isEqualTo(401);
        assertThat(upbit.simulator().jwts()).extracting(JwtRecord::valid).containsExactly(true, false);
        assertThat(upbit.simulator().jwts().get(1).rejection()).isEqualTo("nonce reused");
    }

    @Test
    void authFailureAsErrorFrameAcceptsTheUpgradeThenAnswersInvalidAuthAndCloses() {
        try (UpbitSimulator sim = UpbitSimulator.builder().apiKey(AK, SK)
                .authFailure(AuthFailure.ERROR_FRAME_INVALID_AUTH).build().start();
             WsClient client = WsClient.connect(sim.privateUrl(), Jwts.bearer(Jwts.hs512(AK, "wrong")))) {
            SimConnection connection = awaitLatestConnection(sim);
            assertThat(connection.accessKey()).isNull();
            client.send("[{\"ticket\":\"t\"},{\"type\":\"myAsset\"}]");
            assertThat(errorName(client.next())).isEqualTo("INVALID_AUTH");
            assertThat(client.awaitClose()).isEqualTo(1000);
            assertThat(sim.jwts()).singleElement().satisfies(j -> assertThat(j.valid()).isFalse());
            assertThat(sim.handshakes()).extracting(HandshakeRecord::status).containsExactly(101);
        }
    }

    @Test
    void requestValidationOnThePrivatePath() {
        try (WsClient client = privateClient(AK, SK)) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"myAsset\",\"codes\":[\"KRW-BTC\"]}]");
            assertThat(errorName(client.next())).isEqualTo("WRONG_FORMAT");
            client.send("[{\"ticket\":\"t\"},{\"type\":\"myAsset\",\"codes\":[]}]");
            assertThat(errorName(client.next())).isEqualTo("WRONG_FORMAT");
            // Public types are not documented on the private path: refused by default.
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]}]");
            assertThat(errorName(client.next())).isEqualTo("INVALID_PARAM");
            client.send("[{\"ticket\":\"t\"},{\"type\":\"myOrder\",\"codes\":[\"KRW-BTC\"]},{\"type\":\"myAsset\"}]");
            client.send("[{\"ticket\":\"l\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}]");
            assertThat(client.next().text()).isEqualTo("{\"method\":\"LIST_SUBSCRIPTIONS\",\"result\":["
                    + "{\"type\":\"myOrder\",\"codes\":[\"KRW-BTC\"]},{\"type\":\"myAsset\",\"codes\":[]}],"
                    + "\"ticket\":\"l\"}");
        }
        // Private types on the public path keep answering INVALID_AUTH.
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"myOrder\"}]");
            assertThat(errorName(client.next())).isEqualTo("INVALID_AUTH");
        }
    }

    @Test
    void publicTypesServedOnThePrivatePathWhenAsked() {
        try (UpbitSimulator sim = UpbitSimulator.builder().apiKey(AK, SK)
                .publicTypesOnPrivate(PublicTypesOnPrivate.SERVE).build().start();
             WsClient client = WsClient.connect(sim.privateUrl(), Jwts.bearer(Jwts.hs512(AK, SK)))) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]},{\"type\":\"myAsset\"}]");
            assertThat(Json.object(client.next().text())).containsEntry("type", "ticker")
                    .containsEntry("stream_type", "SNAPSHOT");
        }
    }

    @Test
    void aBidPlacedFilledInTwoPartsAndCancelledGivesExactMyOrderAndMyAssetEvents() {
        try (WsClient client = privateClient(BIDDER, "bidder-secret")) {
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"myOrder\"},{\"type\":\"myAsset\"}]");
            SimAccount account = upbit.simulator().account(BIDDER);
            BigDecimal deposit = new BigDecimal("1386929.37231066771348207123");
            account.deposit("KRW", deposit);
            String depositFrame = client.next().text();
            assertThat(depositFrame).contains("\"balance\":1386929.37231066771348207123,\"locked\":0");
            assertAsset(Json.object(depositFrame), false, "KRW", "1386929.37231066771348207123", "0");

            String uuid = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("100000000"),
                    new BigDecimal("0.01"), "id-1");
            Map<String, Object> wait = Json.object(client.next().text());
            assertOrder(wait, false, uuid, "wait", "100000000", "0.01", "0.01", "0", 0, "500", "500", "0",
                    "1000500", "0");
            assertThat(wait).containsEntry("trade_uuid", null).containsEntry("trade_fee", null)
                    .containsEntry("is_maker", null).containsEntry("trade_timestamp", null)
                    .containsEntry("identifier", "id-1").containsEntry("ask_bid", "BID");
            assertAsset(Json.object(client.next().text()), false, "KRW", "386429.37231066771348207123", "1000500");

            account.fill(uuid, new BigDecimal("0.004"));
            Map<String, Object> trade1 = Json.object(client.next().text());
            assertOrder(trade1, false, uuid, "trade", "100000000", "0.004", "0.006", "0.004", 1, "500", "300",
                    "200", "600300", "400000");
            assertThat((BigDecimal) trade1.get("trade_fee")).isEqualByComparingTo("200");
            assertThat(trade1).containsEntry("is_maker", true);
            assertThat((String) trade1.get("trade_uuid")).isNotBlank().isNotEqualTo(uuid);
            assertThat((BigDecimal) trade1.get("trade_timestamp")).isPositive();
            assertThat((BigDecimal) trade1.get("avg_price")).isEqualByComparingTo("100000000");
            Map<String, Object> asset1 = Json.object(client.next().text());
            assertAsset(asset1, false, "KRW", "386429.37231066771348207123", "600300");
            assertAsset(asset1, false, "BTC", "0.004", "0");

            account.fill(uuid, new BigDecimal("0.003"));
            Map<String, Object> trade2 = Json.object(client.next().text());
            assertOrder(trade2, false, uuid, "trade", "100000000", "0.003", "0.003", "0.007", 2, "500", "150",
                    "350", "300150", "700000");
            assertThat((BigDecimal) trade2.get("trade_fee")).isEqualByComparingTo("150");
            assertThat(trade2.get("trade_uuid")).isNotEqualTo(trade1.get("trade_uuid"));
            Map<String, Object> asset2 = Json.object(client.next().text());
            assertAsset(asset2, false, "KRW", "386429.37231066771348207123", "300150");
            assertAsset(asset2, false, "BTC", "0.007", "0");

            account.cancel(uuid);
            Map<String, Object> cancel = Json.object(client.next().text());
            assertOrder(cancel, false, uuid, "cancel", "100000000", "0.01", "0.003", "0.007", 2, "500", "0",
                    "350", "0", "700000");
            assertThat(cancel).containsEntry("trade_uuid", null).containsEntry("trade_fee", null);
            assertAsset(Json.object(client.next().text()), false, "KRW", "686579.37231066771348207123", "0");

            assertThat(account.balances().get("KRW")).isEqualTo(new SimBalance("KRW",
                    new BigDecimal("686579.37231066771348207123"), BigDecimal.ZERO));
            assertThat(account.balances().get("BTC").balance()).isEqualByComparingTo("0.007");
            assertThat(account.orders()).singleElement().satisfies(o -> {
                assertThat(o.state()).isEqualTo("cancel");
                assertThat(o.executedVolume()).isEqualByComparingTo("0.007");
                assertThat(o.paidFee()).isEqualByComparingTo("350");
            });
            assertThatThrownBy(() -> account.fill(uuid, BigDecimal.ONE)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anAskFilledCompletelyEndsDoneInSimpleKeys() {
        try (WsClient client = privateClient(ASKER, "asker-secret")) {
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"myOrder\",\"codes\":[]},{\"type\":\"myAsset\"},"
                    + "{\"format\":\"SIMPLE\"}]");
            SimAccount account = upbit.simulator().account(ASKER);
            account.deposit("ETH", new BigDecimal("2.5"));
            assertAsset(Json.object(client.next().text()), true, "ETH", "2.5", "0");
            String uuid = account.placeLimitOrder("KRW-ETH", Side.ASK, new BigDecimal("5000000"),
                    new BigDecimal("0.2"), null);
            Map<String, Object> wait = Json.object(client.next().text());
            assertThat(wait.keySet()).containsExactlyInAnyOrderElementsOf(DocFields.MY_ORDER_SIMPLE);
            assertThat(wait).containsEntry("s", "wait").containsEntry("ab", "ASK").containsEntry("id", null)
                    .containsEntry("ot", "limit").containsEntry("st", "REALTIME");
            assertThat((BigDecimal) wait.get("l")).isEqualByComparingTo("0.2");
            assertAsset(Json.object(client.next().text()), true, "ETH", "2.3", "0.2");

            account.fill(uuid, new BigDecimal("0.2"));
            Map<String, Object> trade = Json.object(client.next().text());
            assertThat(trade).containsEntry("s", "trade");
            assertThat((BigDecimal) trade.get("tf")).isEqualByComparingTo("500");
            Map<String, Object> done = Json.object(client.next().text());
            assertThat(done).containsEntry("s", "done").containsEntry("tuid", null).containsEntry("tf", null)
                    .containsEntry("im", null);
            assertThat((BigDecimal) done.get("rv")).isZero();
            assertThat((BigDecimal) done.get("ev")).isEqualByComparingTo("0.2");
            assertThat((BigDecimal) done.get("pf")).isEqualByComparingTo("500");
            Map<String, Object> asset = Json.object(client.next().text());
            assertThat(asset.keySet()).containsExactlyInAnyOrderElementsOf(DocFields.MY_ASSET_SIMPLE);
            assertAsset(asset, true, "KRW", "999500", "0");
            assertAsset(asset, true, "ETH", "2.3", "0");
        }
    }

    @Test
    void myOrderCodesFilterOtherMarketsAndOtherAccountsStayApart() {
        try (WsClient eth = privateClient(AK, SK); WsClient other = privateClient(AK2, SK2)) {
            subscribe(eth, "[{\"ticket\":\"t\"},{\"type\":\"myOrder\",\"codes\":[\"KRW-ETH\"]}]");
            subscribe(other, "[{\"ticket\":\"t\"},{\"type\":\"myOrder\"},{\"type\":\"myAsset\"}]");
            SimAccount account = upbit.simulator().account(AK);
            account.deposit("KRW", new BigDecimal("100000000"));
            String btc = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("90000000"),
                    new BigDecimal("0.001"), "btc");
            String ethOrder = account.placeLimitOrder("KRW-ETH", Side.BID, new BigDecimal("4000000"),
                    new BigDecimal("0.1"), "eth");
            // Events arrive in order: had the KRW-BTC order or a myAsset event come through, it would be first.
            Map<String, Object> first = Json.object(eth.next().text());
            assertThat(first).containsEntry("code", "KRW-ETH").containsEntry("uuid", ethOrder);
            assertThat(first.keySet()).containsExactlyInAnyOrderElementsOf(DocFields.MY_ORDER);
            account.cancel(btc);
            account.cancel(ethOrder);
            assertThat(Json.object(eth.next().text())).containsEntry("uuid", ethOrder).containsEntry("state", "cancel");

            // The other account's connection saw none of it: its first event is its own.
            upbit.simulator().account(AK2).deposit("KRW", new BigDecimal("1"));
            Map<String, Object> own = Json.object(other.next().text());
            assertThat(own).containsEntry("type", "myAsset");
            assertThat(own.keySet()).containsExactlyInAnyOrderElementsOf(DocFields.MY_ASSET);
        }
    }

    @Test
    void listFormatsCarryPrivateEventsInArrays() {
        try (WsClient client = privateClient(AK, SK)) {
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"myAsset\"},{\"format\":\"JSON_LIST\"}]");
            upbit.simulator().account(AK).deposit("USDT", new BigDecimal("10.50"));
            List<Map<String, Object>> items = Json.list(client.next().text());
            assertThat(items).singleElement().satisfies(item -> assertAsset(item, false, "USDT", "10.5", "0"));
        }
    }

    @Test
    void unknownAccountsAndOverdrawnOrdersAreRefused() {
        assertThatThrownBy(() -> upbit.simulator().account("nobody")).isInstanceOf(IllegalArgumentException.class);
        SimAccount account = upbit.simulator().account(AK2);
        assertThatThrownBy(() -> account.placeLimitOrder("KRW-DOGE", Side.BID, new BigDecimal("500"),
                new BigDecimal("1000000000"), null)).isInstanceOf(IllegalStateException.class);
    }

    private static WsClient privateClient(String accessKey, String secretKey) {
        return WsClient.connect(upbit.privateUrl(), Jwts.bearer(Jwts.hs512(accessKey, secretKey)));
    }

    /**
     * Sends the subscribe message and waits until the simulator has applied it (events before that reach nobody):
     * a connection handles its messages in order, so the answer to a following text PING proves it.
     */
    private static void subscribe(WsClient client, String request) {
        client.send(request).send("PING");
        assertThat(client.next().text()).isEqualTo("{\"status\":\"UP\"}");
    }

    private static void assertOrder(Map<String, Object> o, boolean simple, String uuid, String state, String price,
                                    String volume, String remaining, String executed, int tradesCount,
                                    String reservedFee, String remainingFee, String paidFee, String locked,
                                    String executedFunds) {
        assertThat(o.keySet()).containsExactlyInAnyOrderElementsOf(simple ? DocFields.MY_ORDER_SIMPLE
                : DocFields.MY_ORDER);
        assertThat(o).containsEntry("type", "myOrder").containsEntry("uuid", uuid).containsEntry("state", state)
                .containsEntry("order_type", "limit").containsEntry("stream_type", "REALTIME")
                .containsEntry("time_in_force", null);
        assertThat((BigDecimal) o.get("price")).isEqualByComparingTo(price);
        assertThat((BigDecimal) o.get("volume")).isEqualByComparingTo(volume);
        assertThat((BigDecimal) o.get("remaining_volume")).isEqualByComparingTo(remaining);
        assertThat((BigDecimal) o.get("executed_volume")).isEqualByComparingTo(executed);
        assertThat((BigDecimal) o.get("trades_count")).isEqualByComparingTo(BigDecimal.valueOf(tradesCount));
        assertThat((BigDecimal) o.get("reserved_fee")).isEqualByComparingTo(reservedFee);
        assertThat((BigDecimal) o.get("remaining_fee")).isEqualByComparingTo(remainingFee);
        assertThat((BigDecimal) o.get("paid_fee")).isEqualByComparingTo(paidFee);
        assertThat((BigDecimal) o.get("locked")).isEqualByComparingTo(locked);
        assertThat((BigDecimal) o.get("executed_funds")).isEqualByComparingTo(executedFunds);
        assertThat((BigDecimal) o.get("order_timestamp")).isPositive();
        assertThat((BigDecimal) o.get("timestamp")).isGreaterThanOrEqualTo((BigDecimal) o.get("order_timestamp"));
    }

    @SuppressWarnings("unchecked")
    private static void assertAsset(Map<String, Object> a, boolean simple, String currency, String balance,
                                    String locked) {
        assertThat(a.keySet()).containsExactlyInAnyOrderElementsOf(simple ? DocFields.MY_ASSET_SIMPLE
                : DocFields.MY_ASSET);
        assertThat(a).containsEntry(simple ? "ty" : "type", "myAsset")
                .containsEntry(simple ? "st" : "stream_type", "REALTIME");
        assertThat((String) a.get(simple ? "astuid" : "asset_uuid")).isNotBlank();
        assertThat((BigDecimal) a.get(simple ? "asttms" : "asset_timestamp")).isPositive();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) a.get(simple ? "ast" : "assets");
        Map<String, Object> row = rows.stream().filter(r -> currency.equals(r.get(simple ? "cu" : "currency")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + currency + " row in " + rows));
        assertThat(row.keySet()).containsExactlyInAnyOrderElementsOf(simple ? DocFields.ASSET_SIMPLE
                : DocFields.ASSET);
        assertThat(row.get(simple ? "b" : "balance")).isEqualTo(new BigDecimal(balance));
        assertThat((BigDecimal) row.get(simple ? "l" : "locked")).isEqualByComparingTo(locked);
    }
}
