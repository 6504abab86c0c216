package io.camelupbit.reliability;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelupbit.UpbitComponent;
import io.camelupbit.UpbitConsumer;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.UpbitEvent;
import io.camelupbit.reliability.SourceLoss.Received;
import io.camelupbit.reliability.SourceLoss.Result;
import io.camelupbit.session.DeliveryStats;
import io.camelupbit.test.Side;
import io.camelupbit.test.SimAccount;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.SimOrder;
import io.camelupbit.test.Subscription;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chaos: 20 public routes on mixed types and 3 private routes with fills flowing all the time, and a seeded sequence of
 * 200+ faults from the simulator's menu (on the public and the private connection) with route stops and starts in
 * between. After every fault: the server holds exactly the union of the running public routes, every running route
 * receives again, and every route's accounting adds up. At the end, every route's events of every market are walked
 * along what the simulator sent (its sent log): nothing sent to a subscribed route is lost outside a window the
 * component marked, nothing arrives twice. The private routes reconcile over the simulator's REST API after each gap,
 * and every fill of the account, sent or lost with a connection, reaches the myOrder route of every market: its last
 * event of each order, streamed or reconciled, is the order's final state in the simulator. Timings are scaled down
 * on both sides.
 */
class ChaosTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosTest.class);
    private static final long SEED = 20261128L;
    private static final int FAULTS = 200;
    private static final String ACCESS_KEY = "chaos-access";
    private static final String SECRET_KEY = "chaos-secret";
    private static final String PUBLIC_PATH = "/websocket/v1";
    private static final String[] TYPES = { "ticker", "trade", "orderbook", "candle.1s" };
    private static final String[] MARKETS = { "KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE", "KRW-ADA" };
    private static final String[] TRADED = { "KRW-BTC", "KRW-ETH", "KRW-XRP" };

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.seed(SEED)
            .speed(5).tickInterval(Duration.ofMillis(100)).connectLimitPerSecond(50).apiKey(ACCESS_KEY, SECRET_KEY)
            .sentLog(2_000_000));

    private final Random random = new Random(SEED);
    private final Map<String, RouteSpec> routes = new LinkedHashMap<>();
    private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
    /** Route → market → what it received, in order. */
    private final Map<String, Map<String, List<Received>>> events = new ConcurrentHashMap<>();
    private final AtomicBoolean trading = new AtomicBoolean(true);
    /** The last myOrder event of each order, per route, streamed or reconciled. */
    private final Map<String, Map<String, MyOrderEvent>> lastOrderStates = new ConcurrentHashMap<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        UpbitComponent component = new UpbitComponent();
        component.setUrl(upbit.url());
        component.setRestUrl(upbit.restUrl());
        component.setAccessKey(ACCESS_KEY);
        component.setSecretKey(SECRET_KEY);
        component.setShutdownQuietPeriod(0);
        component.setBaseDelay(10);
        component.setMaxDelay(80);
        component.setBanPause(80);
        component.setHeartbeatInterval(100);
        component.setIdleTimeout(400);
        component.setSendLinger(10);
        component.setConnectionLinger(2000);
        component.setRecoveryDelay(2000);
        context.addComponent("upbit", component);
        return context;
    }

    @Test
    void twoHundredFaultsAndEveryRecoveryIsComplete() throws Exception {
        for (int i = 0; i < 20; i++) {
            RouteSpec route = randomRoute("r" + i);
            routes.put(route.id(), route);
        }
        routes.put("orders", new RouteSpec("orders", "myOrder", new TreeSet<>(), 0));
        routes.put("assets", new RouteSpec("assets", "myAsset", new TreeSet<>(), 0));
        routes.put("p0", privateRoute("p0"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routes.values().forEach(route -> addRoute(this, route));
            }
        });
        UpbitSimulator simulator = upbit.simulator();
        Thread trader = new Thread(this::trade, "chaos-trader");
        trader.start();
        try {
            recovered("start");

            Map<String, Integer> injected = new TreeMap<>();
            int recoveries = 0;
            for (int i = 0; i < FAULTS; i++) {
                String fault = injectOne(simulator);
                injected.merge(fault, 1, Integer::sum);
                recovered(fault + " #" + i);
                recoveries++;
            }
            trading.set(false);
            trader.join();
            soon().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ordersNotAtFinalState("orders"))
                    .as("orders whose final state did not reach the route of every market").isEmpty());
            int orders = simulator.account(ACCESS_KEY).orders().size();
            long reconciles = context.getRoutes().stream().map(Route::getConsumer)
                    .filter(UpbitConsumer.class::isInstance).mapToLong(c -> ((UpbitConsumer) c).getReconciles()).sum();
            context.getRouteController().stopAllRoutes();

            Map<String, Result> byType = lossByType(simulator);
            Result generated = tradesAgainstGenerated(simulator);
            long unmarked = byType.values().stream().mapToLong(Result::unmarked).sum();
            long duplicates = byType.values().stream().mapToLong(Result::duplicates).sum();
            StringBuilder perType = new StringBuilder();
            byType.forEach((type, r) -> perType.append(perType.length() == 0 ? "" : "; ").append(type)
                    .append(" sent ").append(r.sent()).append(" received ").append(r.received())
                    .append(" marked ").append(r.marked()).append(" unmarked ").append(r.unmarked())
                    .append(" duplicates ").append(r.duplicates()));
            long lost = lostEvents();
            LOG.info("chaos summary: faults injected {} ({}), recovered {}, accounting gaps {}, unmarked loss {}, "
                    + "duplicates {}; per type, events the simulator sent to subscribed routes vs received: {}; trades "
                    + "against those generated: unmarked {}; orders placed {}, gaps closed by reconciliation {}",
                    FAULTS, injected, recoveries, lost, unmarked, duplicates, perType, generated.unmarked(), orders,
                    reconciles);
            assertThat(recoveries).isEqualTo(FAULTS);
            assertThat(simulator.sentLog().evicted()).as("sent log complete").isZero();
            assertThat(unmarked).as("unmarked loss against the sent log").isZero();
            assertThat(duplicates).as("duplicated or out-of-order events").isZero();
            assertThat(simulator.tradesSkipped()).as("trades the simulator skipped").isZero();
            assertThat(generated.unmarked()).as("unmarked loss against the generated trades").isZero();
            assertThat(lost).isZero();
            assertThat(byType.get("myOrder").received()).as("fills and order updates received").isGreaterThan(100);
            assertThat(orders).as("orders placed").isGreaterThan(100);
            assertThat(reconciles).as("gaps the private routes closed over REST").isGreaterThan(10);
            assertThat(simulator.acceptedConnections()).isGreaterThan(50);
        } finally {
            trading.set(false);
            trader.join();
        }
    }

    /** Places, fills and cancels orders all the time: the private routes' traffic. */
    private void trade() {
        SimAccount account = upbit.simulator().account(ACCESS_KEY);
        account.deposit("KRW", new BigDecimal("1000000000000"));
        Random orders = new Random(SEED + 1);
        while (trading.get()) {
            String code = TRADED[orders.nextInt(TRADED.length)];
            String uuid = account.placeLimitOrder(code, Side.BID, new BigDecimal("1000"), new BigDecimal("0.5"), null);
            if (orders.nextInt(4) == 0) {
                account.cancel(uuid);
            } else {
                account.fill(uuid, new BigDecimal("0.2"));
                account.fill(uuid, new BigDecimal("0.3"));
            }
            LockSupport.parkNanos(20_000_000);
        }
    }

    /** One fault from the menu, chosen by the seeded random; returns its name. */
    private String injectOne(UpbitSimulator simulator) throws Exception {
        SimConnection connection = open(simulator, true);
        int pick = random.nextInt(15);
        switch (pick) {
            case 0 -> connection.dropAbruptly();
            case 1 -> connection.close(1001, "going away");
            case 2 -> connection.close(1011, "internal error");
            case 3 -> connection.goSilent();
            case 4 -> connection.push("{\"type\":\"ticker\",\"code\":\"KRW-BTC\",\"trade_price\":");
            case 5 -> connection.push("{\"error\":{\"name\":\"SERVER_BUSY\",\"message\":\"chaos\"}}");
            case 6 -> {
                simulator.refuseHandshakes(1 + random.nextInt(2), 429, null);
                connection.dropAbruptly();
            }
            case 7 -> {
                simulator.refuseHandshakes(1, 418, null);
                connection.dropAbruptly();
            }
            case 8 -> {
                simulator.refuseHandshakes(1, 401, null);
                connection.dropAbruptly();
            }
            case 9 -> {
                simulator.delayHandshakes(Duration.ofMillis(50 + random.nextInt(100)));
                connection.dropAbruptly();
            }
            case 10 -> open(simulator, false).dropAbruptly();
            case 11 -> open(simulator, false).close(1008, "too many requests");
            case 12 -> {
                return restartPrivateRoute();
            }
            default -> {
                return restartSomeRoutes();
            }
        }
        return switch (pick) {
            case 0 -> "drop";
            case 1 -> "close1001";
            case 2 -> "close1011";
            case 3 -> "silence";
            case 4 -> "malformed";
            case 5 -> "errorFrame";
            case 6 -> "refuse429";
            case 7 -> "refuse418";
            case 8 -> "refuse401";
            case 9 -> "slowHandshake";
            case 10 -> "privateDrop";
            default -> "privateClose1008";
        };
    }

    /** An await that looks at once and then often: 200 recoveries should not wait for a default poll each. */
    private static ConditionFactory soon() {
        return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
    }

    /** The open connection of the public or the private channel. */
    private static SimConnection open(UpbitSimulator simulator, boolean publicChannel) {
        soon().until(() -> simulator.connections().stream().anyMatch(c -> PUBLIC_PATH.equals(c.path()) == publicChannel));
        return simulator.connections().stream().filter(c -> PUBLIC_PATH.equals(c.path()) == publicChannel)
                .findFirst().orElseThrow();
    }

    /** Stops one public route and starts another one (a new spec, or a stopped one again). */
    private String restartSomeRoutes() throws Exception {
        List<String> running = runningRouteIds().stream().filter(id -> id.startsWith("r")).toList();
        String stop = running.get(random.nextInt(running.size()));
        context.getRouteController().stopRoute(stop);
        routes.get(stop).running = false;
        RouteSpec start = randomRoute("r" + routes.size());
        startRoute(start);
        return "routeChurn";
    }

    /** Stops the churning private route and starts a new one: the private subscription is sent again. */
    private String restartPrivateRoute() throws Exception {
        String stop = runningRouteIds().stream().filter(id -> id.startsWith("p")).findFirst().orElseThrow();
        context.getRouteController().stopRoute(stop);
        routes.get(stop).running = false;
        startRoute(privateRoute("p" + routes.size()));
        return "privateRouteChurn";
    }

    private void startRoute(RouteSpec start) throws Exception {
        routes.put(start.id(), start);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                addRoute(this, start);
            }
        });
    }

    private void addRoute(RouteBuilder builder, RouteSpec route) {
        received.put(route.id(), new AtomicLong());
        Map<String, List<Received>> byCode = new ConcurrentHashMap<>();
        events.put(route.id(), byCode);
        Map<String, MyOrderEvent> lastStates = new ConcurrentHashMap<>();
        lastOrderStates.put(route.id(), lastStates);
        builder.from(route.uri()).routeId(route.id()).process(exchange -> {
            UpbitEvent event = exchange.getMessage().getBody(UpbitEvent.class);
            if (event instanceof MyOrderEvent order) {
                lastStates.put(order.uuid(), order);
            }
            byCode.computeIfAbsent(String.valueOf(event.code()), c -> Collections.synchronizedList(new ArrayList<>()))
                    .add(Received.of(exchange));
            received.get(route.id()).incrementAndGet();
        });
    }

    /** The session is back with exactly the union, every running route receives, every account balances. */
    private void recovered(String after) {
        UpbitSimulator simulator = upbit.simulator();
        upbit.simulator().delayHandshakes(Duration.ZERO);
        Map<String, Set<String>> union = union();
        soon().alias("union after " + after).atMost(Duration.ofSeconds(20)).until(() -> {
            List<SimConnection> open = simulator.connections().stream().filter(c -> PUBLIC_PATH.equals(c.path()))
                    .toList();
            return open.size() == 1 && byType(open.get(0)).equals(union);
        });
        Map<String, Long> before = new HashMap<>();
        runningRouteIds().forEach(id -> before.put(id, received.get(id).get()));
        soon().alias("every route receives after " + after).atMost(Duration.ofSeconds(20))
                .until(() -> before.entrySet().stream().allMatch(e -> received.get(e.getKey()).get() > e.getValue()));
        assertThat(lostEvents()).as("accounting after " + after).isZero();
    }

    /** Every route's events of every market walked along what the simulator sent of that market, summed per type. */
    private Map<String, Result> lossByType(UpbitSimulator simulator) {
        Map<String, Result> byType = new TreeMap<>();
        events.forEach((routeId, byCode) -> {
            String type = routes.get(routeId).type();
            byCode.forEach((code, list) -> {
                String market = "null".equals(code) ? null : code;
                List<Received> got;
                synchronized (list) {
                    got = List.copyOf(list);
                }
                List<String> gaps = new ArrayList<>();
                byType.merge(type, SourceLoss.walkAcross(simulator.sentLog().items(type, market),
                        SourceLoss.streamOrder(simulator, type, market), got, gaps), Result::plus);
                gaps.forEach(g -> LOG.warn("chaos: route {} {} {}: {}", routeId, type, code, g));
            });
        });
        return byType;
    }

    /**
     * Every trade route's trades walked along the trades the simulator generated: a trade never sent (a reconnect's
     * gap, a restarted stream) must also fall just before a marked event.
     */
    private Result tradesAgainstGenerated(UpbitSimulator simulator) {
        Result total = Result.NONE;
        for (Map.Entry<String, Map<String, List<Received>>> route : events.entrySet()) {
            if (!"trade".equals(routes.get(route.getKey()).type())) {
                continue;
            }
            for (Map.Entry<String, List<Received>> market : route.getValue().entrySet()) {
                assertThat(simulator.market().tradesEvicted(market.getKey())).as("trade history complete").isZero();
                List<String> generated = SourceLoss.generatedTradeKeys(simulator, market.getKey());
                List<Received> got;
                synchronized (market.getValue()) {
                    got = List.copyOf(market.getValue());
                }
                List<String> gaps = new ArrayList<>();
                total = total.plus(SourceLoss.walk(generated, got, gaps));
                gaps.forEach(g -> LOG.warn("chaos: route {} {} against generated: {}", route.getKey(),
                        market.getKey(), g));
            }
        }
        return total;
    }

    /** The account's orders whose last event on the route is not their state in the simulator, described. */
    private List<String> ordersNotAtFinalState(String routeId) {
        Map<String, MyOrderEvent> last = lastOrderStates.get(routeId);
        List<String> behind = new ArrayList<>();
        for (SimOrder order : upbit.simulator().account(ACCESS_KEY).orders()) {
            MyOrderEvent seen = last.get(order.uuid());
            if (seen == null || !seen.state().name().equalsIgnoreCase(order.state())
                    || seen.executedVolume().compareTo(order.executedVolume()) != 0) {
                behind.add(order.uuid() + " is " + order.state() + " " + order.executedVolume().toPlainString()
                        + ", the route has " + (seen == null ? "nothing" : seen.state() + " "
                                + seen.executedVolume().toPlainString()));
            }
        }
        return behind;
    }

    /** Routes whose counters do not add up, plus events they lost by policy or failure. */
    private long lostEvents() {
        long unbalanced = 0;
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof UpbitConsumer consumer) {
                DeliveryStats stats = consumer.stats();
                unbalanced += stats.balanced() ? 0 : 1;
                unbalanced += stats.dropped() + stats.conflated() + stats.failed();
            }
        }
        return unbalanced;
    }

    private List<String> runningRouteIds() {
        return routes.values().stream().filter(r -> r.running).map(RouteSpec::id).toList();
    }

    private RouteSpec randomRoute(String id) {
        String type = TYPES[random.nextInt(TYPES.length)];
        Set<String> codes = new TreeSet<>();
        for (int n = 1 + random.nextInt(2); codes.size() < n; ) {
            codes.add(MARKETS[random.nextInt(MARKETS.length)]);
        }
        int depth = "orderbook".equals(type) ? new int[] { 1, 5, 15, 30 }[random.nextInt(4)] : 0;
        return new RouteSpec(id, type, codes, depth);
    }

    /** A myOrder route on two of the traded markets. */
    private RouteSpec privateRoute(String id) {
        Set<String> codes = new TreeSet<>();
        while (codes.size() < 2) {
            codes.add(TRADED[random.nextInt(TRADED.length)]);
        }
        return new RouteSpec(id, "myOrder", codes, 0);
    }

    /** What the server should hold, worked out here from the running public routes. */
    private Map<String, Set<String>> union() {
        Map<String, Set<String>> byType = new TreeMap<>();
        Map<String, Integer> depth = new TreeMap<>();
        for (RouteSpec route : routes.values()) {
            if (!route.running || route.type().startsWith("my")) {
                continue;
            }
            for (String code : route.codes()) {
                if ("orderbook".equals(route.type())) {
                    depth.merge(code, route.depth(), Math::max);
                } else {
                    byType.computeIfAbsent(route.type(), t -> new TreeSet<>()).add(code);
                }
            }
        }
        depth.forEach((code, rows) -> byType.computeIfAbsent("orderbook", t -> new TreeSet<>())
                .add(rows == 30 ? code : code + "." + rows));
        return byType;
    }

    private static Map<String, Set<String>> byType(SimConnection connection) {
        Map<String, Set<String>> byType = new TreeMap<>();
        for (Subscription s : connection.subscription()) {
            byType.computeIfAbsent(s.type(), t -> new TreeSet<>()).addAll(s.codes());
        }
        return byType;
    }

    private static final class RouteSpec {
        private final String id;
        private final String type;
        private final Set<String> codes;
        private final int depth;
        private volatile boolean running = true;

        RouteSpec(String id, String type, Set<String> codes, int depth) {
            this.id = id;
            this.type = type;
            this.codes = codes;
            this.depth = depth;
        }

        String id() {
            return id;
        }

        String type() {
            return type;
        }

        Set<String> codes() {
            return codes;
        }

        int depth() {
            return depth;
        }

        String uri() {
            String query = codes.isEmpty() ? "" : "?codes=" + String.join(",", codes) + (depth > 0 ? "&depth=" + depth : "");
            return "upbit:" + type + query;
        }
    }
}
