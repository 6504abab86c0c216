package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.camelupbit.test.SimTestSupport.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

/** Placing, checking, cancelling and listing orders over REST, on the key's {@link SimAccount}. */
class RestOrdersTest {

    private static final String SK = "orders-secret";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.market("KRW-BTC",
                    new BigDecimal("140000000"))
            .apiKey("validation", SK).apiKey("identifiers", SK).apiKey("dry-run", SK).apiKey("cancel", SK)
            .apiKey("pages", SK).apiKey("ids", SK).apiKey("stream", SK)
            .restLimit("default", 1000).restLimit("order", 1000).restLimit("order-test", 1000));

    private static RestTestClient client(String key) {
        return new RestTestClient(upbit.restUrl(), key, SK);
    }

    private static String limitBid(String volume, String price, String extra) {
        return "{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"volume\":\"" + volume + "\",\"price\":\"" + price
                + "\",\"ord_type\":\"limit\"" + extra + "}";
    }

    @Test
    void ordersAreCheckedAsUpbitDoes() {
        SimAccount account = upbit.simulator().account("validation");
        account.deposit("KRW", new BigDecimal("100000"));
        account.deposit("BTC", new BigDecimal("0.0001"));
        RestTestClient rest = client("validation");

        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("{\"side\":\"bid\",\"ord_type\":\"limit\",\"price\":\"1\",\"volume\":\"1\"}", "validation_error");
        refusals.put("{\"market\":\"KRW-btc\",\"side\":\"bid\",\"ord_type\":\"price\",\"price\":\"6000\"}",
                "notfoundmarket");
        refusals.put("{\"market\":\"KRW-BTC\",\"side\":\"buy\",\"ord_type\":\"price\",\"price\":\"6000\"}",
                "invalid_parameter");
        refusals.put("{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"ord_type\":\"stop\",\"price\":\"6000\"}",
                "invalid_parameter");
        refusals.put("{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"ord_type\":\"limit\",\"price\":\"6000\"}",
                "validation_error");
        refusals.put(limitBid("-1", "6000", ""), "invalid_parameter");
        refusals.put(limitBid("one", "6000", ""), "invalid_parameter");
        refusals.put("{\"market\":\"KRW-BTC\",\"side\":\"ask\",\"ord_type\":\"market\",\"volume\":\"0.0001\","
                + "\"price\":\"140000000\"}", "create_ask_error");
        refusals.put("{\"market\":\"KRW-BTC\",\"side\":\"ask\",\"ord_type\":\"price\",\"price\":\"6000\"}",
                "create_ask_error");
        refusals.put("{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"ord_type\":\"best\",\"price\":\"6000\"}",
                "invalid_time_in_force");
        refusals.put("{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"ord_type\":\"price\",\"price\":\"6000\","
                + "\"time_in_force\":\"ioc\"}", "invalid_time_in_force");
        refusals.put(limitBid("0.0001", "100000000", ",\"time_in_force\":\"post_only\",\"smp_type\":\"reduce\""),
                "invalid_post_only");
        refusals.put(limitBid("0.0001", "100000000", ",\"time_in_force\":\"gtc\""), "invalid_parameter");
        refusals.put(limitBid("0.0001", "100000000", ",\"identifier\":\"" + "x".repeat(65) + "\""),
                "invalid_parameter");
        refusals.put(limitBid("0.00001", "100000000", ""), "under_min_total_bid"); // 1,000 KRW
        refusals.put("{\"market\":\"KRW-BTC\",\"side\":\"ask\",\"ord_type\":\"market\",\"volume\":\"0.00001\"}",
                "under_min_total_ask"); // about 1,400 KRW at the market's price
        refusals.put(limitBid("10", "200000000", ""), "over_krw_funds_bid");
        refusals.put(limitBid("0.001", "100000000", ""), "insufficient_funds_bid"); // 100,050 KRW
        refusals.put("{\"market\":\"KRW-BTC\",\"side\":\"ask\",\"ord_type\":\"limit\",\"volume\":\"0.001\","
                + "\"price\":\"140000000\"}", "insufficient_funds_ask");

        refusals.forEach((body, name) -> {
            RestTestClient.Response response = rest.post("/v1/orders", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.errorName()).as(body).isEqualTo(name);
        });
        // No hash can be computed from these: refused before the token is looked at.
        for (String unreadable : List.of("[1,2]", "{\"market\":{\"code\":\"KRW-BTC\"}}", "{\"market\":",
                "{\"side\":\"bid\",\"side\":\"ask\"}")) {
            assertThat(rest.send("POST", "/v1/orders", "", unreadable, rest.bearer("")).errorName()).as(unreadable)
                    .isEqualTo("validation_error");
        }
        assertThat(account.orders()).isEmpty();
        assertThat(account.balances().get("KRW").balance()).isEqualByComparingTo("100000");

        RestTestClient.Response postOnly = rest.post("/v1/orders",
                limitBid("0.0001", "100000000", ",\"time_in_force\":\"post_only\",\"smp_type\":\"none\""));
        assertThat(postOnly.status()).isEqualTo(201);
        assertThat(postOnly.object()).containsEntry("time_in_force", "post_only").containsEntry("smp_type", "none");
    }

    @Test
    void anIdentifierServesOnceEvenWhenItsRequestFailed() {
        SimAccount account = upbit.simulator().account("identifiers");
        RestTestClient rest = client("identifiers");
        String order = limitBid("0.0001", "100000000", ",\"identifier\":\"retry-1\"");

        RestTestClient.Response failed = rest.post("/v1/orders", order);
        account.deposit("KRW", new BigDecimal("1000000"));
        RestTestClient.Response again = rest.post("/v1/orders", order);
        account.place(OrderRequest.limit("KRW-BTC", Side.BID, new BigDecimal("100000000"), new BigDecimal("0.0001"))
                .identifier("placed-by-the-test"));
        RestTestClient.Response taken = rest.post("/v1/orders",
                limitBid("0.0001", "100000000", ",\"identifier\":\"placed-by-the-test\""));
        RestTestClient.Response fresh = rest.post("/v1/orders",
                limitBid("0.0001", "100000000", ",\"identifier\":\"retry-2\""));

        assertThat(failed.errorName()).isEqualTo("insufficient_funds_bid");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorName()).isEqualTo("duplicated_identifier");
        assertThat(taken.errorName()).isEqualTo("duplicated_identifier");
        assertThat(fresh.status()).isEqualTo(201);
        assertThat(fresh.object()).containsEntry("identifier", "retry-2");
        assertThat(account.orders()).extracting(SimOrder::identifier)
                .containsExactly("placed-by-the-test", "retry-2");
    }

    @Test
    void aTestOrderIsCheckedAndAnsweredButNothingIsPlacedNorClaimed() {
        SimAccount account = upbit.simulator().account("dry-run");
        account.deposit("KRW", new BigDecimal("1000000"));
        RestTestClient rest = client("dry-run");
        String order = limitBid("0.0001", "100000000", ",\"identifier\":\"dry-1\"");

        RestTestClient.Response first = rest.post("/v1/orders/test", order);
        RestTestClient.Response second = rest.post("/v1/orders/test", order);
        RestTestClient.Response refused = rest.post("/v1/orders/test", limitBid("1", "100000000", ""));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.remainingReq()).startsWith("group=order-test; min=60000; sec=");
        assertThat(first.object()).containsEntry("state", "wait").containsEntry("locked", "10005")
                .containsEntry("identifier", "dry-1");
        assertThat(second.object().get("uuid")).isNotEqualTo(first.object().get("uuid"));
        assertThat(refused.errorName()).isEqualTo("insufficient_funds_bid");
        assertThat(account.orders()).isEmpty();
        assertThat(account.balances().get("KRW").locked()).isEqualByComparingTo("0");
        assertThat(rest.get("/v1/order", "uuid=" + first.object().get("uuid")).status()).isEqualTo(404);

        RestTestClient.Response real = rest.post("/v1/orders", order);
        assertThat(real.status()).isEqualTo(201);
        assertThat(rest.post("/v1/orders/test", order).errorName()).isEqualTo("duplicated_identifier");
    }

    @Test
    void cancelAndLookUpByUuidOrIdentifier() {
        SimAccount account = upbit.simulator().account("cancel");
        account.deposit("KRW", new BigDecimal("1000000"));
        RestTestClient rest = client("cancel");
        String uuid = (String) rest.post("/v1/orders", limitBid("0.0001", "100000000", ",\"identifier\":\"c-1\""))
                .object().get("uuid");

        Map<String, Object> byIdentifier = rest.get("/v1/order", "identifier=c-1").object();
        // Both given: the uuid wins.
        RestTestClient.Response uuidWins = rest.get("/v1/order", "uuid=" + uuid + "&identifier=no-such");
        RestTestClient.Response cancelled = rest.delete("/v1/order", "identifier=c-1");
        RestTestClient.Response twice = rest.delete("/v1/order", "uuid=" + uuid);
        RestTestClient.Response neither = rest.delete("/v1/order", "");

        assertThat(byIdentifier).containsEntry("uuid", uuid);
        assertThat(uuidWins.status()).isEqualTo(200);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.remainingReq()).startsWith("group=default; min=60000; sec=");
        assertThat(cancelled.object()).containsEntry("uuid", uuid).containsEntry("state", "wait");
        assertThat(account.orders()).singleElement().satisfies(o -> assertThat(o.state()).isEqualTo("cancel"));
        assertThat(account.balances().get("KRW").balance()).isEqualByComparingTo("1000000");
        assertThat(twice.status()).isEqualTo(404);
        assertThat(twice.errorName()).isEqualTo("order_not_found");
        assertThat(neither.errorName()).isEqualTo("validation_error");
    }

    @Test
    void openOrdersComeInPagesOfAtMostOneHundred() {
        SimAccount account = upbit.simulator().account("pages");
        account.deposit("KRW", new BigDecimal("100000000"));
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            placed.add(account.place(OrderRequest.limit("KRW-BTC", Side.BID, new BigDecimal("100000000"),
                    new BigDecimal("0.0001"))));
        }
        String watching = account.place(OrderRequest.limit("KRW-BTC", Side.BID, new BigDecimal("100000000"),
                new BigDecimal("0.0001")).stopPrice(new BigDecimal("99000000")));
        RestTestClient rest = client("pages");

        List<Object> pages = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            pages.add(rest.get("/v1/orders/open", "page=" + page).list());
        }
        List<Map<String, Object>> ascending = rest.get("/v1/orders/open", "limit=30&order_by=asc").list();
        List<Map<String, Object>> watch = rest.get("/v1/orders/open", "states[]=watch").list();
        List<Map<String, Object>> both = rest.get("/v1/orders/open", "states[]=wait&states[]=watch&limit=5").list();

        assertThat(pages).extracting(p -> ((List<?>) p).size()).containsExactly(100, 100, 50, 0);
        List<Object> uuids = new ArrayList<>();
        for (Object page : pages) {
            ((List<?>) page).forEach(o -> uuids.add(((Map<?, ?>) o).get("uuid")));
        }
        assertThat(new HashSet<>(uuids)).hasSize(250).containsExactlyInAnyOrderElementsOf(placed);
        // desc by default: the newest first.
        assertThat(uuids.get(0)).isEqualTo(placed.get(249));
        assertThat(ascending).extracting(o -> o.get("uuid")).containsExactlyElementsOf(placed.subList(0, 30));
        assertThat(watch).extracting(o -> o.get("uuid")).containsExactly(watching);
        assertThat(both).extracting(o -> o.get("uuid")).first().isEqualTo(watching);
        for (String bad : List.of("limit=101", "limit=0", "page=0", "page=x", "order_by=newest",
                "state=wait&states[]=watch", "state=done")) {
            assertThat(rest.get("/v1/orders/open", bad).errorName()).as(bad).isEqualTo("invalid_parameter");
        }
    }

    @Test
    void closedOrdersAreTheWindowOfAtMostSevenDays() {
        MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
        try (UpbitSimulator sim = UpbitSimulator.builder().clock(clock).apiKey("closed", SK).build().start()) {
            SimAccount account = sim.account("closed");
            account.deposit("KRW", new BigDecimal("1000000"));
            List<String> uuids = new ArrayList<>();
            for (int daysAgo : new int[] {10, 5, 1}) {
                String uuid = account.place(OrderRequest.limit("KRW-BTC", Side.BID, new BigDecimal("100000000"),
                        new BigDecimal("0.0001")));
                uuids.add(uuid);
                clock.advance(Duration.ofDays(daysAgo == 10 ? 5 : daysAgo == 5 ? 4 : 1));
            }
            // Placed at day 0, 5 and 9; now day 10.
            account.cancel(uuids.get(0));
            account.fill(uuids.get(1), new BigDecimal("0.0001"));
            account.cancel(uuids.get(2));
            Instant now = clock.instant();
            RestTestClient rest = new RestTestClient(sim.restUrl(), "closed", SK);

            assertThat(closed(rest, "")).containsExactly(uuids.get(2), uuids.get(1));
            assertThat(closed(rest, "state=done")).containsExactly(uuids.get(1));
            assertThat(closed(rest, "states[]=cancel&order_by=asc")).containsExactly(uuids.get(2));
            // A start only: the 7 days after it (ISO 8601 with an offset, encoded on the wire).
            assertThat(closed(rest, "start_time=2026-05-01T09%3A00%3A00%2B09%3A00"))
                    .containsExactly(uuids.get(1), uuids.get(0));
            // An end only: the 7 days before it (epoch milliseconds).
            assertThat(closed(rest, "end_time=" + now.minus(Duration.ofDays(5)).toEpochMilli()))
                    .containsExactly(uuids.get(1), uuids.get(0));
            assertThat(closed(rest, "start_time=" + now.minus(Duration.ofDays(10)).toEpochMilli() + "&end_time="
                    + now.minus(Duration.ofDays(3)).toEpochMilli() + "&limit=1")).containsExactly(uuids.get(1));
            for (String bad : List.of("start_time=" + now.minus(Duration.ofDays(8)).toEpochMilli() + "&end_time="
                    + now.toEpochMilli(), "start_time=" + now.toEpochMilli() + "&end_time="
                    + now.minusSeconds(1).toEpochMilli(), "start_time=2026-05-01T09:00:00", "limit=1001",
                    "state=wait")) {
                assertThat(rest.get("/v1/orders/closed", bad).errorName()).as(bad).isEqualTo("invalid_parameter");
            }
        }
    }

    private static List<Object> closed(RestTestClient rest, String query) {
        RestTestClient.Response response = rest.get("/v1/orders/closed", query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.list().stream().map(o -> o.get("uuid")).toList();
    }

    @Test
    void ordersByUuidsOrIdentifiers() {
        SimAccount account = upbit.simulator().account("ids");
        account.deposit("KRW", new BigDecimal("1000000"));
        String a = account.place(OrderRequest.limit("KRW-BTC", Side.BID, new BigDecimal("100000000"),
                new BigDecimal("0.0001")).identifier("id-a"));
        String b = account.place(OrderRequest.limit("KRW-ETH", Side.BID, new BigDecimal("5000000"),
                new BigDecimal("0.01")).identifier("id-b"));
        RestTestClient rest = client("ids");
        StringBuilder tooMany = new StringBuilder("uuids[]=0");
        for (int i = 1; i <= 100; i++) {
            tooMany.append("&uuids[]=").append(i);
        }

        assertThat(rest.get("/v1/orders/uuids", "uuids[]=" + a + "&uuids[]=" + b + "&uuids[]=unknown").list())
                .extracting(o -> o.get("uuid")).containsExactly(b, a);
        assertThat(rest.get("/v1/orders/uuids", "identifiers[]=id-a&identifiers[]=id-b&order_by=asc").list())
                .extracting(o -> o.get("identifier")).containsExactly("id-a", "id-b");
        assertThat(rest.get("/v1/orders/uuids", "identifiers[]=id-a&identifiers[]=id-b&market=KRW-ETH").list())
                .extracting(o -> o.get("uuid")).containsExactly(b);
        assertThat(rest.get("/v1/orders/uuids", "uuids[]=" + a + "&identifiers[]=id-b").errorName())
                .isEqualTo("invalid_parameter");
        assertThat(rest.get("/v1/orders/uuids", "market=KRW-BTC").errorName()).isEqualTo("validation_error");
        assertThat(rest.get("/v1/orders/uuids", tooMany.toString()).errorName()).isEqualTo("invalid_parameter");
    }

    @Test
    void aRestOrderShowsOnThePrivateWebSocket() {
        upbit.simulator().account("stream").deposit("KRW", new BigDecimal("1000000"));
        try (WsClient ws = WsClient.connect(upbit.privateUrl(), Jwts.bearer(Jwts.hs512("stream", SK)))) {
            subscribe(ws, "[{\"ticket\":\"t\"},{\"type\":\"myOrder\"},{\"type\":\"myAsset\"}]");

            Map<String, Object> placed = client("stream").post("/v1/orders",
                    limitBid("0.0001", "100000000", ",\"identifier\":\"ws-1\"")).object();

            Map<String, Object> myOrder = Json.object(ws.next().text());
            assertThat(myOrder).containsEntry("type", "myOrder").containsEntry("uuid", placed.get("uuid"))
                    .containsEntry("state", "wait").containsEntry("identifier", "ws-1")
                    .containsEntry("ask_bid", "BID");
            Map<String, Object> myAsset = Json.object(ws.next().text());
            assertThat(myAsset).containsEntry("type", "myAsset");
        }
    }
}
