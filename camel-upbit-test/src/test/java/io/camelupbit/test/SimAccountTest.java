package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order types, states and options of {@link SimAccount}, read from its events as the writer sends them. */
class SimAccountTest {

    private final List<DataItem> events = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T01:00:00Z"));
    private final SimAccount account = new SimAccount("key", clock, (key, items) -> events.addAll(items));

    @Test
    void aStopLimitOrderWatchesUntilTriggeredThenWaits() {
        account.deposit("KRW", new BigDecimal("2000000"));
        events.clear();
        String uuid = account.place(OrderRequest.limit("KRW-BTC", Side.BID, new BigDecimal("100000000"),
                new BigDecimal("0.01")).stopPrice(new BigDecimal("99000000")));

        Map<String, Object> watch = order(0);
        assertThat(watch).containsEntry("state", "watch").containsEntry("order_type", "limit")
                .containsEntry("smp_type", "cancel_maker").containsEntry("time_in_force", null);
        assertThat((BigDecimal) watch.get("locked")).isEqualByComparingTo("1000500");
        assertThat(asset(1, "KRW")).containsEntry("locked", new BigDecimal("1000500"));
        assertThatThrownBy(() -> account.fill(uuid, new BigDecimal("0.001"))).isInstanceOf(IllegalStateException.class);

        events.clear();
        account.trigger(uuid);
        assertThat(events).singleElement().isInstanceOf(MyOrderEvent.class);
        assertThat(order(0)).containsEntry("state", "wait");
        assertThatThrownBy(() -> account.trigger(uuid)).isInstanceOf(IllegalStateException.class);

        account.fill(uuid, new BigDecimal("0.01"));
        assertThat(account.orders()).singleElement().satisfies(o -> {
            assertThat(o.state()).isEqualTo("done");
            assertThat(o.stopPrice()).isEqualByComparingTo("99000000");
        });

        // A watching order can be cancelled: its lock goes back.
        String other = account.place(OrderRequest.limit("KRW-BTC", Side.BID, new BigDecimal("90000000"),
                new BigDecimal("0.001")).stopPrice(new BigDecimal("91000000")));
        account.cancel(other);
        assertThat(account.balances().get("KRW")).isEqualTo(new SimBalance("KRW", new BigDecimal("999500"),
                BigDecimal.ZERO));
    }

    @Test
    void selfMatchPreventionReleasesPartThenCancelsWhenNothingRemains() {
        account.deposit("KRW", new BigDecimal("1000500"));
        String uuid = account.place(OrderRequest.limit("KRW-BTC", Side.BID, new BigDecimal("100000000"),
                new BigDecimal("0.01")).smpType(OrderRequest.SMP_REDUCE));
        events.clear();

        account.preventSelfMatch(uuid, new BigDecimal("0.004"));
        Map<String, Object> prevented = order(0);
        assertThat(prevented).containsEntry("state", "prevented").containsEntry("smp_type", "reduce")
                .containsEntry("trade_uuid", null).containsEntry("trade_fee", null).containsEntry("is_maker", null);
        assertThat((BigDecimal) prevented.get("prevented_volume")).isEqualByComparingTo("0.004");
        // 0.004 x 100,000,000 and its reserved fee of 200 are released.
        assertThat((BigDecimal) prevented.get("prevented_locked")).isEqualByComparingTo("400200");
        assertThat((BigDecimal) prevented.get("remaining_volume")).isEqualByComparingTo("0.006");
        assertThat((BigDecimal) prevented.get("locked")).isEqualByComparingTo("600300");
        assertThat((BigDecimal) prevented.get("remaining_fee")).isEqualByComparingTo("300");
        assertThat((BigDecimal) prevented.get("volume")).isEqualByComparingTo("0.01");
        assertThat(asset(1, "KRW")).containsEntry("balance", new BigDecimal("400200"))
                .containsEntry("locked", new BigDecimal("600300"));

        events.clear();
        account.preventSelfMatch(uuid, new BigDecimal("0.006"));
        Map<String, Object> cancel = order(0);
        assertThat(cancel).containsEntry("state", "cancel");
        assertThat((BigDecimal) cancel.get("prevented_volume")).isEqualByComparingTo("0.01");
        assertThat((BigDecimal) cancel.get("prevented_locked")).isEqualByComparingTo("1000500");
        assertThat((BigDecimal) cancel.get("locked")).isZero();
        assertThat(account.balances().get("KRW")).isEqualTo(new SimBalance("KRW", new BigDecimal("1000500"),
                BigDecimal.ZERO));
        assertThatThrownBy(() -> account.preventSelfMatch(uuid, BigDecimal.ONE))
                .isInstanceOf(IllegalStateException.class);

        // An ask's prevention releases quantity.
        account.deposit("ETH", new BigDecimal("1"));
        String ask = account.place(OrderRequest.market("KRW-ETH", new BigDecimal("0.5")));
        events.clear();
        account.preventSelfMatch(ask, new BigDecimal("0.2"));
        assertThat((BigDecimal) order(0).get("prevented_locked")).isEqualByComparingTo("0.2");
        assertThat(account.balances().get("ETH")).isEqualTo(new SimBalance("ETH", new BigDecimal("0.7"),
                new BigDecimal("0.3")));
    }

    @Test
    void aPriceOrderHasNoVolumeUntilItsFillsAndSpendsItsAmount() {
        account.deposit("KRW", new BigDecimal("50025"));
        events.clear();
        String uuid = account.place(OrderRequest.price("KRW-ETH", new BigDecimal("50000")).identifier("buy-1"));
        Map<String, Object> wait = order(0);
        assertThat(wait).containsEntry("order_type", "price").containsEntry("ask_bid", "BID")
                .containsEntry("state", "wait").containsEntry("volume", null).containsEntry("remaining_volume", null)
                .containsEntry("identifier", "buy-1").containsEntry("smp_type", "cancel_maker");
        assertThat((BigDecimal) wait.get("price")).isEqualByComparingTo("50000");
        assertThat((BigDecimal) wait.get("reserved_fee")).isEqualByComparingTo("25");
        assertThat((BigDecimal) wait.get("locked")).isEqualByComparingTo("50025");
        assertThatThrownBy(() -> account.fill(uuid, new BigDecimal("0.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> account.fill(uuid, new BigDecimal("0.02"), new BigDecimal("5000000")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> account.preventSelfMatch(uuid, new BigDecimal("0.001")))
                .isInstanceOf(IllegalArgumentException.class);

        events.clear();
        account.fill(uuid, new BigDecimal("0.004"), new BigDecimal("5000000"));
        Map<String, Object> trade = order(0);
        // A fill carries its own price and volume, and is a taker fill.
        assertThat(trade).containsEntry("state", "trade").containsEntry("is_maker", false)
                .containsEntry("remaining_volume", null);
        assertThat((BigDecimal) trade.get("price")).isEqualByComparingTo("5000000");
        assertThat((BigDecimal) trade.get("volume")).isEqualByComparingTo("0.004");
        assertThat((BigDecimal) trade.get("trade_fee")).isEqualByComparingTo("10");
        assertThat((BigDecimal) trade.get("locked")).isEqualByComparingTo("30015");

        events.clear();
        account.fill(uuid, new BigDecimal("0.006"), new BigDecimal("5000000"));
        Map<String, Object> done = order(1);
        assertThat(done).containsEntry("state", "done").containsEntry("volume", null).containsEntry("trade_fee", null);
        assertThat((BigDecimal) done.get("price")).isEqualByComparingTo("50000");
        assertThat((BigDecimal) done.get("executed_volume")).isEqualByComparingTo("0.01");
        assertThat((BigDecimal) done.get("executed_funds")).isEqualByComparingTo("50000");
        assertThat((BigDecimal) done.get("avg_price")).isEqualByComparingTo("5000000");
        assertThat((BigDecimal) done.get("paid_fee")).isEqualByComparingTo("25");
        assertThat((BigDecimal) done.get("remaining_fee")).isZero();
        assertThat(account.balances()).containsEntry("KRW", new SimBalance("KRW", BigDecimal.ZERO, BigDecimal.ZERO))
                .containsEntry("ETH", new SimBalance("ETH", new BigDecimal("0.01"), BigDecimal.ZERO));
    }

    @Test
    void aMarketSellHasNoPriceUntilItsFillsAndPaysItsFeeFromTheProceeds() {
        account.deposit("XRP", new BigDecimal("100"));
        events.clear();
        String uuid = account.place(OrderRequest.market("KRW-XRP", new BigDecimal("40")));
        Map<String, Object> wait = order(0);
        assertThat(wait).containsEntry("order_type", "market").containsEntry("ask_bid", "ASK")
                .containsEntry("price", null).containsEntry("time_in_force", null);
        assertThat((BigDecimal) wait.get("volume")).isEqualByComparingTo("40");
        assertThat((BigDecimal) wait.get("reserved_fee")).isZero();

        events.clear();
        account.fill(uuid, new BigDecimal("40"), new BigDecimal("3000"));
        assertThat((BigDecimal) order(0).get("price")).isEqualByComparingTo("3000");
        assertThat(order(1)).containsEntry("state", "done").containsEntry("price", null);
        assertThat(account.balances()).containsEntry("XRP", new SimBalance("XRP", new BigDecimal("60"),
                BigDecimal.ZERO)).containsEntry("KRW", new SimBalance("KRW", new BigDecimal("119940"),
                BigDecimal.ZERO));
    }

    @Test
    void bestOrdersCarryTheirTimeInForce() {
        account.deposit("KRW", new BigDecimal("100050"));
        account.deposit("SOL", new BigDecimal("1"));
        events.clear();
        String bid = account.place(OrderRequest.best("KRW-SOL", Side.BID, new BigDecimal("100000"),
                OrderRequest.FOK));
        assertThat(order(0)).containsEntry("order_type", "best").containsEntry("time_in_force", "fok")
                .containsEntry("volume", null);
        account.fill(bid, new BigDecimal("0.4"), new BigDecimal("250000"));
        assertThat(account.orders().get(0).state()).isEqualTo("done");

        events.clear();
        String ask = account.place(OrderRequest.best("KRW-SOL", Side.ASK, new BigDecimal("1"), OrderRequest.IOC)
                .smpType(OrderRequest.SMP_CANCEL_TAKER));
        assertThat(order(0)).containsEntry("time_in_force", "ioc").containsEntry("smp_type", "cancel_taker")
                .containsEntry("price", null);
        account.fill(ask, new BigDecimal("0.3"), new BigDecimal("249900"));
        events.clear();
        account.cancel(ask);
        Map<String, Object> cancel = order(0);
        assertThat(cancel).containsEntry("state", "cancel").containsEntry("price", null);
        assertThat((BigDecimal) cancel.get("remaining_volume")).isEqualByComparingTo("0.7");
        assertThat(account.balances().get("SOL")).isEqualTo(new SimBalance("SOL", new BigDecimal("1.1"),
                BigDecimal.ZERO));
    }

    @Test
    void smpTypeDefaultsAsUpbitSinceNovember2026AndRefusedCombinationsFail() {
        assertThat(OrderRequest.limit("KRW-BTC", Side.BID, BigDecimal.ONE, BigDecimal.ONE).appliedSmpType())
                .isEqualTo("cancel_maker");
        assertThat(OrderRequest.limit("KRW-BTC", Side.BID, BigDecimal.ONE, BigDecimal.ONE)
                .timeInForce(OrderRequest.POST_ONLY).appliedSmpType()).isEqualTo("none");
        assertThat(OrderRequest.price("KRW-BTC", BigDecimal.TEN).smpType(OrderRequest.SMP_NONE).appliedSmpType())
                .isEqualTo("none");

        OrderRequest limit = OrderRequest.limit("KRW-BTC", Side.BID, BigDecimal.ONE, BigDecimal.ONE);
        assertThatThrownBy(() -> limit.timeInForce(OrderRequest.POST_ONLY).smpType(OrderRequest.SMP_REDUCE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderRequest.best("KRW-BTC", Side.BID, BigDecimal.TEN, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderRequest.best("KRW-BTC", Side.ASK, BigDecimal.TEN, OrderRequest.POST_ONLY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderRequest.market("KRW-BTC", BigDecimal.ONE).timeInForce(OrderRequest.IOC))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderRequest.price("KRW-BTC", BigDecimal.TEN).stopPrice(BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderRequest("KRW-BTC", Side.ASK, "price", BigDecimal.TEN, null, null, null,
                null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limit.smpType("cancel_both")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomActivityIsSeededCoversEveryKindAndLeavesConsistentBalances() {
        List<String> uuids = account.randomActivity(3, 28, "KRW-BTC", "KRW-DOGE", "BTC-ETH");
        assertThat(uuids).hasSize(28).doesNotHaveDuplicates();

        List<Map<String, Object>> orders = new ArrayList<>();
        for (DataItem item : events) {
            if (item instanceof MyOrderEvent) {
                orders.add(Json.object(new String(PayloadWriter.data(List.of(item), Format.DEFAULT),
                        StandardCharsets.UTF_8)));
            }
        }
        assertThat(valuesOf(orders, "order_type")).containsExactlyInAnyOrder("limit", "price", "market", "best");
        assertThat(valuesOf(orders, "state"))
                .containsExactlyInAnyOrder("wait", "watch", "trade", "done", "cancel", "prevented");
        assertThat(valuesOf(orders, "time_in_force")).containsExactlyInAnyOrder("ioc", "fok", "post_only", null);
        assertThat(valuesOf(orders, "smp_type"))
                .containsExactlyInAnyOrder("reduce", "cancel_maker", "cancel_taker", "none");
        assertThat(valuesOf(orders, "is_maker")).containsExactlyInAnyOrder(true, false, null);
        assertThat(valuesOf(orders, "identifier")).contains((Object) null).hasSizeGreaterThan(2);

        // Every order ended; nothing stays locked; each currency holds exactly its deposits and its trades' flows.
        assertThat(account.orders()).allSatisfy(o -> assertThat(o.state()).isIn("done", "cancel"));
        Map<String, BigDecimal> expected = new HashMap<>();
        for (DataItem item : events) {
            if (item instanceof MyOrderEvent e && "trade".equals(e.state())) {
                String quote = MarketCodes.quote(e.order().code());
                String base = MarketCodes.base(e.order().code());
                BigDecimal notional = e.price().multiply(e.volume());
                boolean bid = e.order().side() == Side.BID;
                expected.merge(quote, bid ? notional.add(e.tradeFee()).negate() : notional.subtract(e.tradeFee()),
                        BigDecimal::add);
                expected.merge(base, bid ? e.volume() : e.volume().negate(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> deposited = deposits();
        account.balances().forEach((currency, b) -> {
            assertThat(b.locked()).as(currency).isZero();
            assertThat(b.balance()).as(currency).isNotNegative().isEqualByComparingTo(
                    deposited.getOrDefault(currency, BigDecimal.ZERO)
                            .add(expected.getOrDefault(currency, BigDecimal.ZERO)));
        });

        // The same seed on another account gives the same orders.
        List<DataItem> again = new ArrayList<>();
        SimAccount other = new SimAccount("other", clock, (key, items) -> again.addAll(items));
        other.randomActivity(3, 28, "KRW-BTC", "KRW-DOGE", "BTC-ETH");
        assertThat(other.orders()).extracting(SimOrder::code, SimOrder::orderType, SimOrder::side, SimOrder::price,
                        SimOrder::volume, SimOrder::state, SimOrder::timeInForce, SimOrder::smpType,
                        SimOrder::identifier, SimOrder::executedVolume, SimOrder::preventedVolume)
                .isEqualTo(account.orders().stream().map(o -> org.assertj.core.groups.Tuple.tuple(o.code(),
                        o.orderType(), o.side(), o.price(), o.volume(), o.state(), o.timeInForce(), o.smpType(),
                        o.identifier(), o.executedVolume(), o.preventedVolume())).toList());
    }

    /** The deposits among the events: a myAsset row whose currency gained balance with its lock unchanged. */
    private Map<String, BigDecimal> deposits() {
        Map<String, BigDecimal> out = new HashMap<>();
        Map<String, SimBalance> last = new HashMap<>();
        for (DataItem item : events) {
            if (item instanceof MyAssetEvent a && a.assets().size() == 1) {
                SimBalance row = a.assets().get(0);
                SimBalance before = last.getOrDefault(row.currency(),
                        new SimBalance(row.currency(), BigDecimal.ZERO, BigDecimal.ZERO));
                if (row.locked().compareTo(before.locked()) == 0 && row.balance().compareTo(before.balance()) > 0) {
                    out.merge(row.currency(), row.balance().subtract(before.balance()), BigDecimal::add);
                }
            }
            if (item instanceof MyAssetEvent a) {
                a.assets().forEach(row -> last.put(row.currency(), row));
            }
        }
        return out;
    }

    private static Set<Object> valuesOf(List<Map<String, Object>> orders, String key) {
        Set<Object> values = new HashSet<>();
        orders.forEach(o -> values.add(o.get(key)));
        return values;
    }

    /** The i-th event, a myOrder, as the DEFAULT format writes it. */
    private Map<String, Object> order(int i) {
        assertThat(events.get(i)).isInstanceOf(MyOrderEvent.class);
        return Json.object(new String(PayloadWriter.data(List.of(events.get(i)), Format.DEFAULT),
                StandardCharsets.UTF_8));
    }

    /** The row of this currency in the i-th event, a myAsset, as written. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> asset(int i, String currency) {
        assertThat(events.get(i)).isInstanceOf(MyAssetEvent.class);
        Map<String, Object> asset = Json.object(new String(PayloadWriter.data(List.of(events.get(i)),
                Format.DEFAULT), StandardCharsets.UTF_8));
        return ((List<Map<String, Object>>) asset.get("assets")).stream()
                .filter(r -> currency.equals(r.get("currency"))).findFirst().orElseThrow();
    }
}
