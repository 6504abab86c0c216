package io.camelupbit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.Asset;
import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.StreamType;
import io.camelupbit.test.SimAccount;
import io.camelupbit.test.SimBalance;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.SimOrder;
import io.camelupbit.test.Side;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;
import io.camelupbit.trading.Order;
import io.camelupbit.trading.OrderRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a gap in the private stream the routes get the account's state exactly as the simulator holds it, marked as
 * reconciled, then the stream again with no order moving backwards: orders placed with upbit:placeOrder are filled,
 * cancelled, and others created and filled while the connection is down and reconnects are refused, and balances
 * change; the same with REST down for the first reads (health DOWN, then UP); and a fill streamed in while the account
 * is read comes after the state read.
 */
class ReconciliationRouteTest extends UpbitRouteTestSupport {

    private static final String ACCESS_KEY = "reconcile-access";
    private static final String SECRET_KEY = "reconcile-secret-0123456789";
    private static final List<String> ROUTES = List.of("orders", "btcOrders", "assets");

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.apiKey(ACCESS_KEY, SECRET_KEY)
            .markets("KRW-BTC", "KRW-ETH").connectLimitPerSecond(100));

    private final List<Seen<MyOrderEvent>> orders = new CopyOnWriteArrayList<>();
    private final List<Seen<MyOrderEvent>> btcOrders = new CopyOnWriteArrayList<>();
    private final List<Seen<MyAssetEvent>> assets = new CopyOnWriteArrayList<>();
    private final List<ConnectionEvent> lifecycle = new CopyOnWriteArrayList<>();

    /** An event as the route got it, with its reconciled mark. */
    record Seen<T>(T event, boolean reconciled) {
    }

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey(ACCESS_KEY);
        component.setSecretKey(SECRET_KEY);
        component.setRestUrl(upbit.restUrl());
        component.setBaseDelay(10);
        component.setMaxDelay(200);
        component.setConsecutiveErrorsThreshold(2);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:myOrder").routeId("orders").process(e -> orders.add(seen(e, MyOrderEvent.class)));
                from("upbit:myOrder?codes=KRW-BTC").routeId("btcOrders")
                        .process(e -> btcOrders.add(seen(e, MyOrderEvent.class)));
                from("upbit:myAsset").routeId("assets").process(e -> assets.add(seen(e, MyAssetEvent.class)));
                from("direct:place").to("upbit:placeOrder");
                from("upbit:connection?channel=private").routeId("lifecycle")
                        .process(e -> lifecycle.add(e.getMessage().getBody(ConnectionEvent.class)));
            }
        };
    }

    private static <T> Seen<T> seen(Exchange exchange, Class<T> type) {
        return new Seen<>(exchange.getMessage().getBody(type),
                Boolean.TRUE.equals(exchange.getMessage().getHeader(UpbitConstants.RECONCILED)));
    }

    @Test
    void afterAGapTheRoutesGetTheAccountExactlyThenTheStreamWithNothingMovingBackwards() {
        closeAGap(false);
    }

    @Test
    void theSameWhenTheFirstReadsFailHealthDownThenUp() {
        closeAGap(true);
    }

    /**
     * Orders placed over REST, the private connection dropped and reconnects refused while one order fills, one is
     * cancelled, one is created and filled and balances change; then the routes must get the account exactly.
     *
     * @param restFailsFirst whether REST is down for the first reads after the reconnect
     */
    private void closeAGap(boolean restFailsFirst) {
        UpbitSimulator simulator = upbit.simulator();
        SimAccount account = simulator.account(ACCESS_KEY);
        awaitReconcilesAfter(0);
        // a route starting today learns its balances at once
        assertThat(assets).first().satisfies(first -> assertThat(first.reconciled()).isTrue());

        account.deposit("KRW", new BigDecimal("10000000"));
        account.deposit("BTC", new BigDecimal("1.5"));
        String filled = place(OrderRequest.limit("KRW-BTC", AskBid.BID, new BigDecimal("50000000"),
                new BigDecimal("0.02")));
        String cancelled = place(OrderRequest.limit("KRW-ETH", AskBid.BID, new BigDecimal("3000000"),
                new BigDecimal("0.5")));
        String partly = place(OrderRequest.limit("KRW-BTC", AskBid.ASK, new BigDecimal("90000000"),
                BigDecimal.ONE));
        await().until(() -> streamed(orders, filled) && streamed(orders, cancelled) && streamed(orders, partly));

        int before = orders.size();
        int assetsBefore = assets.size();
        long reconciles = reconciles();
        cutPrivateConnection();

        account.fill(filled, new BigDecimal("0.02"));
        account.cancel(cancelled);
        account.fill(partly, new BigDecimal("0.25"));
        String bornAndDone = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("40000000"),
                new BigDecimal("0.01"), null);
        account.fill(bornAndDone, new BigDecimal("0.01"));
        String bornOpen = account.placeLimitOrder("KRW-ETH", Side.BID, new BigDecimal("2000000"), BigDecimal.ONE,
                null);
        account.deposit("KRW", new BigDecimal("123.45"));

        simulator.restDown(restFailsFirst);
        simulator.refuseHandshakes(0, 503, null);
        if (restFailsFirst) {
            await().until(() -> consumer("orders").reconciliation().consecutiveFailures() >= 2);
            await().until(() -> health("orders").getState() == HealthCheck.State.DOWN);
            assertThat(health("orders").getMessage()).hasValueSatisfying(m -> assertThat(m).contains("Reconciling"));
            assertThat(lifecycle).extracting(ConnectionEvent::state).contains(ConnectionState.RECONCILE_FAILED);
            // nothing of the gap is skipped: the route still waits for its state, and says so
            assertThat(consumer("orders").reconciliation().isPending()).isTrue();
            DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                    .resolveById("upbit");
            assertThat((String) console.call(DevConsole.MediaType.TEXT)).containsPattern(
                    "Route orders \\(upbit://myOrder\\): .* reconciling=true failures=[2-9]");
            simulator.restDown(false);
        }
        awaitReconcilesAfter(reconciles);
        await().until(() -> health("orders").getState() == HealthCheck.State.UP);

        List<Seen<MyOrderEvent>> after = orders.subList(before, orders.size());
        Map<String, MyOrderEvent> reconciled = reconciledByUuid(after);
        List<String> mine = List.of(filled, cancelled, partly, bornAndDone, bornOpen);
        assertThat(reconciled.keySet()).containsAll(mine);
        for (SimOrder order : account.orders()) {
            if (mine.contains(order.uuid())) {
                assertSameState(reconciled.get(order.uuid()), order);
            }
        }
        assertThat(after).filteredOn(Seen::reconciled).extracting(s -> s.event().streamType())
                .containsOnly(StreamType.SNAPSHOT);
        // the route of one market gets its market only
        assertThat(btcOrders).filteredOn(Seen::reconciled).extracting(s -> s.event().code()).containsOnly("KRW-BTC");
        assertThat(reconciledByUuid(btcOrders).keySet()).contains(filled, partly, bornAndDone)
                .doesNotContain(cancelled, bornOpen);

        MyAssetEvent balances = assets.subList(assetsBefore, assets.size()).stream().filter(Seen::reconciled)
                .reduce((a, b) -> b).orElseThrow().event();
        assertSameBalances(balances, account.balances());

        // the stream resumes behind the reconciled states
        account.fill(partly, new BigDecimal("0.25"));
        await().until(() -> orders.stream().anyMatch(s -> !s.reconciled() && s.event().uuid().equals(partly)
                && s.event().executedVolume().compareTo(new BigDecimal("0.5")) == 0));
        assertNothingMovesBackwards(orders);
        assertNothingMovesBackwards(btcOrders);
        assertThat(lifecycle).extracting(ConnectionEvent::state).contains(ConnectionState.RECONCILED);
    }

    @Test
    void aRouteResumedAfterASuspendGetsWhatEndedMeanwhile() throws Exception {
        SimAccount account = upbit.simulator().account(ACCESS_KEY);
        awaitReconcilesAfter(0);
        account.deposit("KRW", new BigDecimal("5000000"));
        String open = place(OrderRequest.limit("KRW-BTC", AskBid.BID, new BigDecimal("25000000"),
                new BigDecimal("0.1")));
        await().until(() -> streamed(orders, open));
        int before = orders.size();
        long reconciles = consumer("orders").reconciliation().reconciles();

        context.getRouteController().suspendRoute("orders");
        account.fill(open, new BigDecimal("0.1"));
        String bornAndDone = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("24000000"),
                new BigDecimal("0.05"), null);
        account.fill(bornAndDone, new BigDecimal("0.05"));
        context.getRouteController().resumeRoute("orders");

        await().until(() -> consumer("orders").reconciliation().reconciles() > reconciles
                && !consumer("orders").reconciliation().isPending() && consumer("orders").stats().pending() == 0);
        Map<String, MyOrderEvent> reconciled = reconciledByUuid(orders.subList(before, orders.size()));
        for (SimOrder order : account.orders()) {
            if (order.uuid().equals(open) || order.uuid().equals(bornAndDone)) {
                assertThat(reconciled).as("reconciled state of %s", order.uuid()).containsKey(order.uuid());
                assertSameState(reconciled.get(order.uuid()), order);
            }
        }
        assertNothingMovesBackwards(orders);
    }

    @Test
    void anotherPrivateRouteJoiningHandsOverToANewConnectionWithNothingLostAndNoReconcile() throws Exception {
        SimAccount account = upbit.simulator().account(ACCESS_KEY);
        awaitReconcilesAfter(0);
        long reconciles = reconciles();
        SimConnection first = upbit.simulator().awaitConnection(Duration.ofSeconds(10));
        account.deposit("KRW", new BigDecimal("5000000"));

        context.addRoutes(ethOrdersRoute());
        // resubscribe=overlap (the default): the new subscription goes on a new connection, the old one leaves later
        await().until(() -> upbit.simulator().connections().size() == 2);
        String during = place(OrderRequest.limit("KRW-BTC", AskBid.BID, new BigDecimal("25000000"),
                new BigDecimal("0.1")));
        await().until(() -> !first.isOpen());
        String after = place(OrderRequest.limit("KRW-BTC", AskBid.BID, new BigDecimal("24000000"),
                new BigDecimal("0.1")));

        await().until(() -> streamed(orders, during) && streamed(orders, after));
        assertThat(reconciles()).isEqualTo(reconciles);
        // each once, though two connections carried the route while the first was placed
        assertThat(orders).filteredOn(s -> during.equals(s.event().uuid())).hasSize(1);
        assertThat(orders).filteredOn(s -> after.equals(s.event().uuid())).hasSize(1);
    }

    @Test
    void anOldConnectionGoneSilentIsHandedOverToANewConnectionAfterTheBoundAndWhatItMissedIsReconciled() throws Exception {
        SimAccount account = upbit.simulator().account(ACCESS_KEY);
        awaitReconcilesAfter(0);
        long reconciles = consumer("orders").reconciliation().reconciles();
        int before = orders.size();
        account.deposit("KRW", new BigDecimal("5000000"));
        SimConnection first = upbit.simulator().awaitConnection(Duration.ofSeconds(10));
        first.goSilent();
        // withheld on the only connection: the route can only learn of it by reading the account
        String missed = place(OrderRequest.limit("KRW-BTC", AskBid.BID, new BigDecimal("25000000"),
                new BigDecimal("0.1")));

        context.addRoutes(ethOrdersRoute());
        // the old connection answers no ping: it goes after the hand-over bound, and the route reads the account
        // while the new connection carries it
        await().atMost(Duration.ofSeconds(30)).until(() -> !first.isOpen()
                && consumer("orders").reconciliation().reconciles() > reconciles
                && !consumer("orders").reconciliation().isPending());
        assertThat(reconciledByUuid(orders.subList(before, orders.size()))).containsKey(missed);
        String after = place(OrderRequest.limit("KRW-BTC", AskBid.BID, new BigDecimal("24000000"),
                new BigDecimal("0.1")));
        await().until(() -> streamed(orders, after));
    }

    @Test
    void withReplaceAnotherPrivateRouteJoiningRestartsTheStreamsSoTheRoutesReconcile() throws Exception {
        awaitReconcilesAfter(0);
        long reconciles = consumer("orders").reconciliation().reconciles();
        int subscribes = upbit.simulator().subscribeMessages().size();

        context.addRoutes(ethOrdersRoute());

        // Upbit replaces the whole subscription with the new message and restarts every stream of the connection
        await().until(() -> upbit.simulator().subscribeMessages().size() > subscribes);
        await().until(() -> consumer("orders").reconciliation().reconciles() > reconciles
                && !consumer("orders").reconciliation().isPending());
    }

    private static RouteBuilder ethOrdersRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:myOrder?codes=KRW-ETH").routeId("ethOrders").to("mock:eth");
            }
        };
    }

    /** Places an order with upbit:placeOrder; returns its uuid. */
    private String place(OrderRequest request) {
        return template.requestBody("direct:place", request, Order.class).uuid();
    }

    @Test
    void aFillWhileTheAccountIsReadComesAfterTheStateReadNotBeforeIt() {
        SimAccount account = upbit.simulator().account(ACCESS_KEY);
        UpbitSimulator simulator = upbit.simulator();
        awaitReconcilesAfter(0);
        account.deposit("KRW", new BigDecimal("5000000"));
        String open = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("20000000"),
                new BigDecimal("0.1"), null);
        await().until(() -> streamed(orders, open));
        int before = orders.size();
        long reconciles = reconciles();
        cutPrivateConnection();

        // Upbit reads the account when the request comes; its answer is slow, and a fill streams in meanwhile
        int restCalls = simulator.restCalls().size();
        simulator.delayRest(Duration.ofSeconds(3));
        simulator.refuseHandshakes(0, 503, null);
        await().until(() -> simulator.restCalls().subList(restCalls, simulator.restCalls().size()).stream()
                .anyMatch(call -> call.path().equals("/v1/orders/open")));
        account.fill(open, new BigDecimal("0.04"));
        awaitReconcilesAfter(reconciles);

        List<Seen<MyOrderEvent>> after = orders.subList(before, orders.size()).stream()
                .filter(s -> s.event().uuid().equals(open)).toList();
        assertThat(after).extracting(Seen::reconciled).containsExactly(true, false);
        assertThat(after.get(0).event().executedVolume()).isEqualByComparingTo("0");
        assertThat(after.get(1).event().executedVolume()).isEqualByComparingTo("0.04");
        assertNothingMovesBackwards(orders);
    }

    /** Drops the private connection and refuses reconnects until the test clears the refusals. */
    private void cutPrivateConnection() {
        UpbitSimulator simulator = upbit.simulator();
        simulator.refuseHandshakes(1_000, 503, null);
        simulator.connections().forEach(c -> c.dropAbruptly());
        await().until(() -> simulator.connections().isEmpty()
                && !consumer("orders").isConnected() && consumer("orders").reconciliation().isPending());
    }

    /** The gaps the three account routes closed so far, added up. */
    private long reconciles() {
        return ROUTES.stream().mapToLong(id -> consumer(id).reconciliation().reconciles()).sum();
    }

    /** Until each route closed a gap since {@code before} was counted and has nothing left to deliver. */
    private void awaitReconcilesAfter(long before) {
        await().atMost(Duration.ofSeconds(30)).until(() -> reconciles() >= before + ROUTES.size()
                && ROUTES.stream().allMatch(id -> !consumer(id).reconciliation().isPending()
                        && consumer(id).stats().pending() == 0));
    }

    private UpbitConsumer consumer(String routeId) {
        return (UpbitConsumer) context.getRoute(routeId).getConsumer();
    }

    private static boolean streamed(List<Seen<MyOrderEvent>> seen, String uuid) {
        return seen.stream().anyMatch(s -> !s.reconciled() && uuid.equals(s.event().uuid()));
    }

    /** The last reconciled state per order. */
    private static Map<String, MyOrderEvent> reconciledByUuid(List<Seen<MyOrderEvent>> seen) {
        Map<String, MyOrderEvent> last = new HashMap<>();
        seen.stream().filter(Seen::reconciled).forEach(s -> last.put(s.event().uuid(), s.event()));
        return last;
    }

    /** Every field Upbit's REST order has (executed funds is not one: docs/trading.md). */
    private static void assertSameState(MyOrderEvent event, SimOrder order) {
        assertThat(event.state().name()).as("state of %s", order.uuid()).isEqualToIgnoringCase(order.state());
        assertThat(event.code()).isEqualTo(order.code());
        assertThat(event.executedVolume()).isEqualByComparingTo(order.executedVolume());
        assertThat(event.paidFee()).isEqualByComparingTo(order.paidFee());
        assertThat(event.remainingFee()).isEqualByComparingTo(order.remainingFee());
        assertThat(event.reservedFee()).isEqualByComparingTo(order.reservedFee());
        assertThat(event.locked()).isEqualByComparingTo(order.locked());
        assertThat(event.tradesCount()).isEqualTo(order.tradesCount());
        if (order.remainingVolume() != null) {
            assertThat(event.remainingVolume()).isEqualByComparingTo(order.remainingVolume());
        }
    }

    private static void assertSameBalances(MyAssetEvent event, Map<String, SimBalance> balances) {
        Map<String, Asset> byCurrency = new HashMap<>();
        event.assets().forEach(a -> byCurrency.put(a.currency(), a));
        assertThat(byCurrency.keySet()).containsExactlyInAnyOrderElementsOf(balances.keySet());
        balances.forEach((currency, balance) -> {
            assertThat(byCurrency.get(currency).balance()).as(currency).isEqualByComparingTo(balance.balance());
            assertThat(byCurrency.get(currency).locked()).as(currency).isEqualByComparingTo(balance.locked());
        });
    }

    /**
     * The test's own reading of "forward": per order, a state that is not earlier (watch, then wait or trade, then an
     * end) and an executed volume that never shrinks.
     */
    private static void assertNothingMovesBackwards(List<Seen<MyOrderEvent>> seen) {
        Map<String, List<MyOrderEvent>> byOrder = new HashMap<>();
        seen.forEach(s -> byOrder.computeIfAbsent(s.event().uuid(), k -> new ArrayList<>()).add(s.event()));
        byOrder.forEach((uuid, events) -> {
            for (int i = 1; i < events.size(); i++) {
                MyOrderEvent earlier = events.get(i - 1);
                MyOrderEvent later = events.get(i);
                assertThat(later.executedVolume()).as("executed volume of %s, event %d", uuid, i)
                        .isGreaterThanOrEqualTo(earlier.executedVolume());
                if (later.executedVolume().compareTo(earlier.executedVolume()) == 0) {
                    assertThat(rank(later.state())).as("state of %s, event %d", uuid, i)
                            .isGreaterThanOrEqualTo(rank(earlier.state()));
                }
            }
        });
    }

    private static int rank(OrderState state) {
        return switch (state) {
            case WATCH -> 0;
            case WAIT, TRADE -> 1;
            default -> 2;
        };
    }
}
