package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint's JSON against the keys of Upbit's official examples ({@link RestDocFields}): DEFAULT names,
 * decimals as strings, {@code trades_count} a number, KST times. The simulator adds {@code smp_type} to every order
 * (Upbit since 2026-11-09; the examples are older).
 */
class RestShapeTest {

    private static final String SECRET = "shape-secret";
    private static final String ORDER_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+09:00";
    private static final String TRADE_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+09:00";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.markets("KRW-BTC", "KRW-ETH")
            .apiKey("accounts", SECRET).apiKey("chance", SECRET).apiKey("orders", SECRET).apiKey("lists", SECRET));

    private static RestTestClient client(String key) {
        return new RestTestClient(upbit.restUrl(), key, SECRET);
    }

    @Test
    void accountsListEveryBalanceWithUpbitsKeys() {
        SimAccount account = upbit.simulator().account("accounts");
        account.deposit("KRW", new BigDecimal("1000000"));
        account.deposit("BTC", new BigDecimal("2.0"));
        String bid = account.place(OrderRequest.limit("KRW-ETH", Side.BID, new BigDecimal("5000000"),
                new BigDecimal("0.1")));
        account.fill(bid, new BigDecimal("0.1"));

        RestTestClient.Response response = client("accounts").get("/v1/accounts");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        List<Map<String, Object>> rows = response.list();
        assertThat(rows).extracting(r -> r.get("currency")).containsExactly("KRW", "BTC", "ETH");
        for (Map<String, Object> row : rows) {
            assertThat(row.keySet()).containsExactlyElementsOf(RestDocFields.ACCOUNT);
            assertDecimalsAreStrings(row);
            assertThat(row).containsEntry("avg_buy_price_modified", false).containsEntry("unit_currency", "KRW");
        }
        // 1,000,000 - 500,000 - 250 fee
        assertThat(rows.get(0)).containsEntry("balance", "499750").containsEntry("locked", "0")
                .containsEntry("avg_buy_price", "0");
        assertThat(rows.get(1)).containsEntry("balance", "2");
        assertThat(rows.get(2)).containsEntry("balance", "0.1").containsEntry("avg_buy_price", "5000000");
    }

    @Test
    void orderChanceHasTheExamplesRulesAndAccounts() {
        upbit.simulator().account("chance").deposit("KRW", new BigDecimal("10000"));

        Map<String, Object> chance = client("chance").get("/v1/orders/chance", "market=KRW-BTC").object();

        assertThat(chance.keySet()).containsExactlyElementsOf(RestDocFields.CHANCE);
        assertDecimalsAreStrings(chance);
        assertThat(chance).containsEntry("bid_fee", "0.0005").containsEntry("maker_ask_fee", "0.0005");
        Map<String, Object> market = map(chance.get("market"));
        assertThat(market.keySet()).containsExactlyElementsOf(RestDocFields.CHANCE_MARKET);
        assertThat(market).containsEntry("id", "KRW-BTC").containsEntry("name", "BTC/KRW")
                .containsEntry("max_total", "1000000000").containsEntry("state", "active")
                .containsEntry("order_sides", List.of("ask", "bid"))
                .containsEntry("bid_types", List.of("best_fok", "best_ioc", "limit", "limit_fok", "limit_ioc",
                        "price"))
                .containsEntry("ask_types", List.of("best_fok", "best_ioc", "limit", "limit_fok", "limit_ioc",
                        "market"));
        assertThat(map(market.get("bid")).keySet()).containsExactlyElementsOf(RestDocFields.CHANCE_SIDE);
        assertThat(map(market.get("bid"))).containsEntry("currency", "KRW").containsEntry("min_total", "5000");
        assertThat(map(market.get("ask")).keySet()).containsExactlyElementsOf(RestDocFields.CHANCE_SIDE);
        assertThat(map(market.get("ask"))).containsEntry("currency", "BTC");
        Map<String, Object> bidAccount = map(chance.get("bid_account"));
        assertThat(bidAccount.keySet()).containsExactlyElementsOf(RestDocFields.ACCOUNT);
        assertThat(bidAccount).containsEntry("currency", "KRW").containsEntry("balance", "10000");
        // A currency the account never had: a row of zeros.
        assertThat(map(chance.get("ask_account"))).containsEntry("currency", "BTC").containsEntry("balance", "0");
    }

    @Test
    void ordersOfEveryTypeHaveTheExamplesKeys() {
        SimAccount account = upbit.simulator().account("orders");
        account.deposit("KRW", new BigDecimal("1000000"));
        account.deposit("BTC", new BigDecimal("1"));
        RestTestClient rest = client("orders");

        RestTestClient.Response placed = rest.post("/v1/orders",
                "{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"volume\":\"0.0001\",\"price\":\"100000000\","
                        + "\"ord_type\":\"limit\"}");
        assertThat(placed.status()).isEqualTo(201);
        Map<String, Object> limit = placed.object();
        assertThat(limit.keySet()).containsExactlyElementsOf(withSmp(RestDocFields.LIMIT_ORDER));
        assertDecimalsAreStrings(limit);
        assertThat(limit).containsEntry("side", "bid").containsEntry("ord_type", "limit").containsEntry("state", "wait")
                .containsEntry("price", "100000000").containsEntry("volume", "0.0001")
                .containsEntry("reserved_fee", "5").containsEntry("locked", "10005")
                .containsEntry("trades_count", BigDecimal.ZERO).containsEntry("smp_type", "cancel_maker");
        assertThat((String) limit.get("created_at")).matches(ORDER_TIME);

        // order-test.json is byte-identical to order-post.json.
        RestTestClient.Response dryRun = rest.post("/v1/orders/test",
                "{\"market\":\"KRW-BTC\",\"side\":\"ask\",\"volume\":\"0.1\",\"price\":\"140000000\","
                        + "\"ord_type\":\"limit\"}");
        assertThat(dryRun.status()).isEqualTo(201);
        assertThat(dryRun.object().keySet()).containsExactlyElementsOf(withSmp(RestDocFields.LIMIT_ORDER));
        assertThat(dryRun.object()).containsEntry("side", "ask").containsEntry("locked", "0.1");

        String limitUuid = (String) limit.get("uuid");
        Map<String, Object> unfilled = rest.get("/v1/order", "uuid=" + limitUuid).object();
        assertThat(unfilled.keySet()).containsExactlyElementsOf(append(withSmp(RestDocFields.LIMIT_ORDER), "trades"));
        assertThat(unfilled.get("trades")).isEqualTo(List.of());

        account.fill(limitUuid, new BigDecimal("0.00004"));
        Map<String, Object> partly = rest.get("/v1/order", "uuid=" + limitUuid).object();
        assertThat(partly).containsEntry("trades_count", BigDecimal.ONE).containsEntry("remaining_volume", "0.00006");
        Map<String, Object> trade = map(list(partly.get("trades")).get(0));
        assertThat(trade.keySet()).containsExactlyElementsOf(RestDocFields.TRADE);
        assertDecimalsAreStrings(trade);
        assertThat(trade).containsEntry("market", "KRW-BTC").containsEntry("price", "100000000")
                .containsEntry("volume", "0.00004").containsEntry("funds", "4000").containsEntry("trend", "up")
                .containsEntry("side", "bid");
        assertThat((String) trade.get("created_at")).matches(TRADE_TIME);

        String sell = (String) rest.post("/v1/orders",
                "{\"market\":\"KRW-BTC\",\"side\":\"ask\",\"volume\":\"0.001\",\"ord_type\":\"market\"}")
                .object().get("uuid");
        account.fill(sell, new BigDecimal("0.001"), new BigDecimal("140000000"));
        Map<String, Object> market = rest.get("/v1/order", "uuid=" + sell).object();
        assertThat(market.keySet()).containsExactlyInAnyOrderElementsOf(withSmp(RestDocFields.MARKET_ORDER));
        assertThat(market).containsEntry("state", "done").containsEntry("paid_fee", "70");
        assertThat(map(list(market.get("trades")).get(0))).containsEntry("trend", "down").containsEntry("side", "ask");

        String buy = (String) rest.post("/v1/orders",
                "{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"price\":\"6000\",\"ord_type\":\"price\"}")
                .object().get("uuid");
        account.fill(buy, new BigDecimal("0.00003736"), new BigDecimal("160594000"));
        Map<String, Object> price = rest.get("/v1/order", "uuid=" + buy).object();
        assertThat(price.keySet()).containsExactlyInAnyOrderElementsOf(withSmp(RestDocFields.PRICE_ORDER));
        assertThat(map(list(price.get("trades")).get(0))).containsEntry("funds", "5999.79184");

        Map<String, Object> best = rest.post("/v1/orders", "{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"price\":\"6000\","
                + "\"ord_type\":\"best\",\"time_in_force\":\"fok\"}").object();
        assertThat(best.keySet()).containsExactlyInAnyOrderElementsOf(
                withSmp(RestDocFields.BEST_BID_ORDER.stream().filter(k -> !k.equals("trades")).toList()));
        assertThat(best).containsEntry("time_in_force", "fok");

        RestTestClient.Response cancelled = rest.delete("/v1/order", "uuid=" + limitUuid);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.object().keySet()).containsExactlyElementsOf(withSmp(RestDocFields.LIMIT_ORDER));
        // As Upbit's example: the order as it was when the cancel was accepted.
        assertThat(cancelled.object()).containsEntry("state", "wait").containsEntry("locked", "6003");
        assertThat(rest.get("/v1/order", "uuid=" + limitUuid).object()).containsEntry("state", "cancel")
                .containsEntry("locked", "0");
    }

    @Test
    void orderListsHoldOrdersWithoutTrades() {
        SimAccount account = upbit.simulator().account("lists");
        account.deposit("KRW", new BigDecimal("1000000"));
        String open = account.place(OrderRequest.limit("KRW-BTC", Side.BID, new BigDecimal("100000000"),
                new BigDecimal("0.001")).identifier("list-open"));
        String done = account.place(OrderRequest.limit("KRW-ETH", Side.BID, new BigDecimal("5000000"),
                new BigDecimal("0.01")));
        account.fill(done, new BigDecimal("0.01"));
        RestTestClient rest = client("lists");

        List<Map<String, Object>> opened = rest.get("/v1/orders/open").list();
        List<Map<String, Object>> closed = rest.get("/v1/orders/closed").list();
        List<Map<String, Object>> byIds = rest.get("/v1/orders/uuids", "uuids[]=" + open + "&uuids[]=" + done).list();

        assertThat(opened).extracting(o -> o.get("uuid")).containsExactly(open);
        assertThat(opened.get(0).keySet()).containsExactlyElementsOf(append(withSmp(RestDocFields.LIMIT_ORDER),
                "identifier"));
        assertThat(closed).extracting(o -> o.get("uuid")).containsExactly(done);
        assertThat(closed.get(0).keySet()).containsExactlyElementsOf(withSmp(RestDocFields.LIMIT_ORDER));
        assertThat(closed.get(0)).containsEntry("state", "done").containsEntry("trades_count", BigDecimal.ONE);
        assertThat(byIds).extracting(o -> o.get("uuid")).containsExactly(done, open); // desc: newest first
        byIds.forEach(RestShapeTest::assertDecimalsAreStrings);
    }

    @Test
    void marketListNamesTheSimulatorsMarketsAndTheirEvents() {
        RestTestClient rest = client("accounts");

        RestTestClient.Response plain = rest.anonymous("GET", "/v1/market/all", "");
        List<Map<String, Object>> details = rest.anonymous("GET", "/v1/market/all", "is_details=true").list();

        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.remainingReq()).startsWith("group=market; min=600; sec=");
        assertThat(plain.list()).extracting(m -> m.get("market")).containsExactly("KRW-BTC", "KRW-ETH");
        assertThat(plain.list().get(0).keySet()).containsExactlyElementsOf(RestDocFields.MARKET);
        assertThat(plain.list().get(0)).containsEntry("korean_name", "비트코인").containsEntry("english_name", "Bitcoin");
        assertThat(details.get(1).keySet()).containsExactlyElementsOf(append(RestDocFields.MARKET, "market_event"));
        Map<String, Object> event = map(details.get(1).get("market_event"));
        assertThat(event.keySet()).containsExactlyElementsOf(RestDocFields.MARKET_EVENT);
        assertThat(event).containsEntry("warning", false);
        assertThat(map(event.get("caution")).keySet()).containsExactlyElementsOf(RestDocFields.CAUTION);
        assertThat(map(event.get("caution")).values()).containsOnly(false);
    }

    @Test
    void errorsHaveUpbitsShapeAndTheQuotationApiANumericName() {
        RestTestClient rest = client("accounts");

        RestTestClient.Response notFound = rest.get("/v1/order", "uuid=no-such-order");
        RestTestClient.Response quotation = rest.anonymous("GET", "/v1/market/all", "is_details=yes");

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("{\"error\":{\"name\":\"order_not_found\",\"message\":\"주문을 찾지 못했습니다.\"}}");
        assertThat(notFound.remainingReq()).startsWith("group=default; min=1800; sec=");
        assertThat(quotation.status()).isEqualTo(400);
        assertThat(quotation.body()).isEqualTo("{\"error\":{\"name\":400,"
                + "\"message\":\"Type mismatch error. Check the parameters type!\"}}");
    }

    private static void assertDecimalsAreStrings(Map<String, Object> object) {
        object.forEach((key, value) -> {
            if (RestDocFields.DECIMALS.contains(key)) {
                assertThat(value).as(key).isInstanceOf(String.class);
                assertThat(new BigDecimal((String) value)).as(key).isNotNegative();
            }
        });
    }

    private static List<String> withSmp(List<String> keys) {
        List<String> out = new ArrayList<>(keys);
        int at = out.contains("trades") ? out.indexOf("trades") : out.size();
        out.add(at, "smp_type");
        return out;
    }

    private static List<String> append(List<String> keys, String key) {
        List<String> out = new ArrayList<>(keys);
        out.add(key);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
