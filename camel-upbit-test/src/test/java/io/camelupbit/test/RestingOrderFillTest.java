package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.camelupbit.test.SimTestSupport.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link UpbitSimulator.Builder#fillRestingOrders}: the market's own trades fill waiting limit orders they reach.
 *
 * <p>The wall clock is a {@link MutableClock}: the simulated time stands still, and no trade happens, until the test
 * moves it by a tick, which makes exactly one more trade per market due. The prices come from the market's trade 0
 * (the last one before the simulated start); the random walk moves about 0.015 % per trade at a one-second tick, so
 * 1 % above it is reached at once and twice it never. Each case checks the trades' prices against the orders', so a
 * case cannot pass for want of a reaching trade.
 */
class RestingOrderFillTest {

    private static final String AK = "resting-access";
    private static final String SK = "resting-secret";
    private static final String BTC = "KRW-BTC";
    private static final Instant START = Instant.parse("2026-06-01T01:00:00Z");
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final BigDecimal FEE_RATE = new BigDecimal("0.0005");

    private final MutableClock wall = new MutableClock(START);

    private UpbitSimulator simulator(boolean fillRestingOrders) {
        return UpbitSimulator.builder().seed(17).clock(wall).simulatedStart(START).tickInterval(TICK)
                .market(BTC, new BigDecimal("100000000")).apiKey(AK, SK).fillRestingOrders(fillRestingOrders)
                .build().start();
    }

    @Test
    void aRestBidAboveTheMarketFillsAtItsOwnPriceOnTheNextTrade() {
        try (UpbitSimulator sim = simulator(true)) {
            SimAccount account = sim.account(AK);
            account.deposit("KRW", new BigDecimal("1000000"));
            account.deposit("BTC", new BigDecimal("0.01"));
            BigDecimal last = sim.market().lastPrice(BTC);
            BigDecimal bidPrice = times(last, "1.01");
            BigDecimal askPrice = times(last, "2");
            BigDecimal volume = new BigDecimal("0.001");
            String ask = account.place(OrderRequest.limit(BTC, Side.ASK, askPrice, new BigDecimal("0.005")));
            // Connected after the setup, so that its events (delivered asynchronously) do not reach this socket.
            try (WsClient ws = WsClient.connect(sim.privateUrl(), Jwts.bearer(Jwts.hs512(AK, SK)))) {
                subscribe(ws, "[{\"ticket\":\"t\"},{\"type\":\"myOrder\"},{\"type\":\"myAsset\"}]");

                RestTestClient rest = new RestTestClient(sim.restUrl(), AK, SK);
                RestTestClient.Response placed = rest.post("/v1/orders", limitBid(bidPrice));
                assertThat(placed.status()).as(placed.body()).isEqualTo(201);
                String bid = (String) placed.object().get("uuid");
                assertThat(Json.object(ws.next().text())).containsEntry("uuid", bid).containsEntry("state", "wait");
                assertThat(Json.object(ws.next().text())).containsEntry("type", "myAsset");

                wall.advance(TICK);
                await().until(() -> state(account, bid).equals("done"));

                Trade trade = sim.market().tradesAfter(BTC, 0).get(0);
                assertThat(trade.index()).isEqualTo(1);
                assertThat(trade.price()).isLessThan(bidPrice);
                BigDecimal notional = bidPrice.multiply(volume);
                BigDecimal fee = notional.multiply(FEE_RATE);
                Map<String, Object> filled = Json.object(ws.next().text());
                assertThat(filled).containsEntry("uuid", bid).containsEntry("state", "trade")
                        .containsEntry("is_maker", true);
                assertThat((BigDecimal) filled.get("price")).isEqualByComparingTo(bidPrice);
                assertThat((BigDecimal) filled.get("volume")).isEqualByComparingTo(volume);
                assertThat((BigDecimal) filled.get("trade_fee")).isEqualByComparingTo(fee);
                assertThat((BigDecimal) filled.get("executed_volume")).isEqualByComparingTo(volume);
                Map<String, Object> done = Json.object(ws.next().text());
                assertThat(done).containsEntry("uuid", bid).containsEntry("state", "done");
                assertThat((BigDecimal) done.get("price")).isEqualByComparingTo(bidPrice);
                assertThat((BigDecimal) done.get("remaining_volume")).isEqualByComparingTo("0");
                assertThat((BigDecimal) done.get("locked")).isEqualByComparingTo("0");
                Map<String, Object> asset = Json.object(ws.next().text());
                assertThat(asset).containsEntry("type", "myAsset");
                assertThat(((List<?>) asset.get("assets")).stream()
                        .map(row -> String.valueOf(((Map<?, ?>) row).get("currency")))).containsExactly("KRW", "BTC");

                // The bid's lock (notional + fee) is spent exactly; the ask still locks its BTC.
                SimBalance krw = account.balances().get("KRW");
                SimBalance btc = account.balances().get("BTC");
                assertThat(krw.balance())
                        .isEqualByComparingTo(new BigDecimal("1000000").subtract(notional).subtract(fee));
                assertThat(krw.locked()).isEqualByComparingTo("0");
                assertThat(btc.balance()).isEqualByComparingTo(new BigDecimal("0.006"));
                assertThat(btc.locked()).isEqualByComparingTo(new BigDecimal("0.005"));
                assertThat(state(account, ask)).isEqualTo("wait");

                Map<String, Object> overRest = rest.get("/v1/order", "uuid=" + bid).object();
                assertThat(overRest).containsEntry("state", "done");
                assertThat((List<?>) overRest.get("trades")).singleElement().satisfies(
                        t -> assertThat(((Map<?, ?>) t).get("price")).isEqualTo(bidPrice.toPlainString()));
            }
        }
    }

    @Test
    void anAskFarAboveTheMarketStaysWaitingWhileOneBelowFillsAtItsOwnPrice() {
        try (UpbitSimulator sim = simulator(true)) {
            SimAccount account = sim.account(AK);
            account.deposit("BTC", new BigDecimal("0.01"));
            BigDecimal last = sim.market().lastPrice(BTC);
            BigDecimal farPrice = times(last, "2");
            BigDecimal lowPrice = times(last, "0.99");
            BigDecimal volume = new BigDecimal("0.002");
            String far = account.place(OrderRequest.limit(BTC, Side.ASK, farPrice, volume));

            wall.advance(TICK.multipliedBy(30));
            // Placed now, so only the next trade can fill it: when it is done, the 30 trades before were matched.
            String low = account.place(OrderRequest.limit(BTC, Side.ASK, lowPrice, volume));
            wall.advance(TICK);
            await().until(() -> state(account, low).equals("done"));

            List<Trade> trades = sim.market().tradesAfter(BTC, 0);
            assertThat(trades).hasSize(31).allSatisfy(t -> assertThat(t.price()).isLessThan(farPrice));
            assertThat(trades.get(30).price()).isGreaterThan(lowPrice);
            assertThat(state(account, far)).isEqualTo("wait");
            // The ask sells at its own price: proceeds less the fee.
            BigDecimal notional = lowPrice.multiply(volume);
            assertThat(account.balances().get("KRW").balance())
                    .isEqualByComparingTo(notional.subtract(notional.multiply(FEE_RATE)));
            assertThat(account.balances().get("BTC").balance()).isEqualByComparingTo("0.006");
            assertThat(account.balances().get("BTC").locked()).isEqualByComparingTo("0.002");
        }
    }

    @Test
    void anOrderPlacedAtATradesTimeIsFilledOnlyByTheNextTrade() {
        try (UpbitSimulator sim = simulator(true)) {
            SimAccount account = sim.account(AK);
            account.deposit("KRW", new BigDecimal("1000000"));
            BigDecimal price = times(sim.market().lastPrice(BTC), "1.01");
            String before = account.place(OrderRequest.limit(BTC, Side.BID, price, new BigDecimal("0.001")));

            wall.advance(TICK);
            // Trade 1 is due at this simulated time, generated or not yet: it came before this order.
            String after = account.place(OrderRequest.limit(BTC, Side.BID, price, new BigDecimal("0.001")));
            // Both were offered trade 1 together: the first is filled by it, the second was not.
            await().until(() -> state(account, before).equals("done"));
            assertThat(sim.market().tradesAfter(BTC, 0)).singleElement()
                    .satisfies(t -> assertThat(t.price()).isLessThan(price));
            assertThat(state(account, after)).isEqualTo("wait");

            wall.advance(TICK);
            await().until(() -> state(account, after).equals("done"));
            assertThat(account.orders()).allSatisfy(o -> {
                assertThat(o.tradesCount()).isEqualTo(1);
                assertThat(o.executedFunds()).isEqualByComparingTo(price.multiply(new BigDecimal("0.001")));
            });
        }
    }

    @Test
    void aWatchingStopLimitOrderIsNotFilledUntilTriggeredThenOnlyByLaterTrades() {
        try (UpbitSimulator sim = simulator(true)) {
            SimAccount account = sim.account(AK);
            account.deposit("KRW", new BigDecimal("1000000"));
            BigDecimal last = sim.market().lastPrice(BTC);
            BigDecimal price = times(last, "1.01");
            String watch = account.place(OrderRequest.limit(BTC, Side.BID, price, new BigDecimal("0.001"))
                    .stopPrice(times(last, "1.005")));
            String first = account.place(OrderRequest.limit(BTC, Side.BID, price, new BigDecimal("0.001")));

            wall.advance(TICK);
            // Offered trade 1 in the same round as the first sentinel, which the trade filled.
            await().until(() -> state(account, first).equals("done"));
            assertThat(state(account, watch)).isEqualTo("watch");

            String second = account.place(OrderRequest.limit(BTC, Side.BID, price, new BigDecimal("0.001")));
            wall.advance(TICK);
            // Triggered when trade 2 is due: trade 2 came before, so it fills the second sentinel only.
            account.trigger(watch);
            await().until(() -> state(account, second).equals("done"));
            assertThat(state(account, watch)).isEqualTo("wait");

            wall.advance(TICK);
            await().until(() -> state(account, watch).equals("done"));
            assertThat(sim.market().tradesAfter(BTC, 0)).hasSize(3)
                    .allSatisfy(t -> assertThat(t.price()).isLessThan(price));
        }
    }

    @Test
    void withoutTheOptionNothingFillsByItself() {
        try (UpbitSimulator sim = simulator(false)) {
            SimAccount account = sim.account(AK);
            account.deposit("KRW", new BigDecimal("1000000"));
            BigDecimal price = times(sim.market().lastPrice(BTC), "1.01");
            RestTestClient.Response placed = new RestTestClient(sim.restUrl(), AK, SK).post("/v1/orders",
                    limitBid(price));
            String bid = (String) placed.object().get("uuid");

            wall.advance(TICK.multipliedBy(10));
            // Generated here, on the test's thread: without the option nothing matches them.
            assertThat(sim.market().tradesAfter(BTC, 0)).hasSize(10)
                    .allSatisfy(t -> assertThat(t.price()).isLessThan(price));
            assertThat(state(account, bid)).isEqualTo("wait");
            assertThat(account.balances().get("KRW").locked()).isPositive();

            account.fill(bid, new BigDecimal("0.001")); // the test still fills by hand
            assertThat(state(account, bid)).isEqualTo("done");
        }
    }

    @Test
    void closeStopsTheThreadThatFills() {
        UpbitSimulator sim = simulator(true);
        assertThat(fillThreads()).isNotEmpty();

        sim.close();

        await().until(() -> fillThreads().isEmpty());
    }

    private static List<String> fillThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(UpbitSimulator.THREAD_PREFIX + "-fills")).toList();
    }

    /** A REST limit bid for 0.001 BTC at this price. */
    private static String limitBid(BigDecimal price) {
        return "{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"volume\":\"0.001\",\"price\":\""
                + price.toPlainString() + "\",\"ord_type\":\"limit\"}";
    }

    private static String state(SimAccount account, String uuid) {
        return account.orders().stream().filter(o -> o.uuid().equals(uuid)).findFirst().orElseThrow().state();
    }

    /** The price times this factor, on the KRW tick grid. */
    private static BigDecimal times(BigDecimal price, String factor) {
        return TickSize.snap("KRW", price.multiply(new BigDecimal(factor)), RoundingMode.HALF_UP);
    }
}
