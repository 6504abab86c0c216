package io.camelupbit.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelupbit.UpbitComponent;
import io.camelupbit.UpbitConstants;
import io.camelupbit.UpbitConsumer;
import io.camelupbit.event.CandleEvent;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;
import io.camelupbit.session.DeliveryStats;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.Subscription;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chaos: 20 routes on mixed types, and a seeded sequence of 200+ faults from the simulator's menu with route stops
 * and starts in between. After every fault: the server holds exactly the union of the running routes, every running
 * route receives again, and every route's accounting adds up. Throughout: per route and per connection epoch, events
 * come in order and never twice. Timings are scaled down on both sides.
 */
class ChaosTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosTest.class);
    private static final long SEED = 20261128L;
    private static final int FAULTS = 200;
    private static final String[] TYPES = { "ticker", "trade", "orderbook", "candle.1s" };
    private static final String[] MARKETS = { "KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE", "KRW-ADA" };

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.seed(SEED)
            .speed(5).tickInterval(Duration.ofMillis(100)).connectLimitPerSecond(50));

    private final Random random = new Random(SEED);
    private final Map<String, RouteSpec> routes = new LinkedHashMap<>();
    private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
    private final OrderCheck order = new OrderCheck();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        UpbitComponent component = new UpbitComponent();
        component.setUrl(upbit.url());
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
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routes.values().forEach(route -> addRoute(this, route));
            }
        });
        UpbitSimulator simulator = upbit.simulator();
        recovered("start");

        Map<String, Integer> injected = new TreeMap<>();
        int recoveries = 0;
        for (int i = 0; i < FAULTS; i++) {
            String fault = injectOne(simulator);
            injected.merge(fault, 1, Integer::sum);
            recovered(fault + " #" + i);
            recoveries++;
        }

        long lost = lostEvents();
        LOG.info("chaos summary: faults injected {} ({}), recovered {}, events lost {}, out of order or duplicated {}",
                FAULTS, injected, recoveries, lost, order.violations());
        assertThat(recoveries).isEqualTo(FAULTS);
        assertThat(order.violations()).as("out-of-order or duplicated events: %s", order.examples()).isZero();
        assertThat(lost).isZero();
        assertThat(simulator.acceptedConnections()).isGreaterThan(50);
    }

    /** One fault from the menu, chosen by the seeded random; returns its name. */
    private String injectOne(UpbitSimulator simulator) throws Exception {
        SimConnection connection = simulator.connections().get(0);
        int pick = random.nextInt(12);
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
            default -> "slowHandshake";
        };
    }

    /** Stops one route and starts another one (a new spec, or a stopped one again). */
    private String restartSomeRoutes() throws Exception {
        List<String> running = runningRouteIds();
        String stop = running.get(random.nextInt(running.size()));
        context.getRouteController().stopRoute(stop);
        routes.get(stop).running = false;
        RouteSpec start = randomRoute("r" + routes.size());
        routes.put(start.id(), start);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                addRoute(this, start);
            }
        });
        return "routeChurn";
    }

    private void addRoute(RouteBuilder builder, RouteSpec route) {
        received.put(route.id(), new AtomicLong());
        builder.from(route.uri()).routeId(route.id()).process(exchange -> {
            order.check(route.id(), exchange);
            received.get(route.id()).incrementAndGet();
        });
    }

    /** The session is back with exactly the union, every running route receives, every account balances. */
    private void recovered(String after) {
        UpbitSimulator simulator = upbit.simulator();
        upbit.simulator().delayHandshakes(Duration.ZERO);
        Map<String, Set<String>> union = union();
        await().alias("union after " + after).atMost(Duration.ofSeconds(20)).until(() -> {
            List<SimConnection> open = simulator.connections();
            return open.size() == 1 && byType(open.get(0)).equals(union);
        });
        Map<String, Long> before = new HashMap<>();
        runningRouteIds().forEach(id -> before.put(id, received.get(id).get()));
        await().alias("every route receives after " + after).atMost(Duration.ofSeconds(20))
                .until(() -> before.entrySet().stream().allMatch(e -> received.get(e.getKey()).get() > e.getValue()));
        assertThat(lostEvents()).as("accounting after " + after).isZero();
    }

    /** Routes whose counters do not add up: routed ≠ filtered + conflated + dropped + delivered + pending. */
    private long lostEvents() {
        long unbalanced = 0;
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof UpbitConsumer consumer) {
                DeliveryStats stats = consumer.stats();
                unbalanced += Math.abs(stats.routed()
                        - (stats.filtered() + stats.conflated() + stats.dropped() + stats.delivered() + stats.pending()));
                unbalanced += stats.dropped() + stats.conflated();
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

    /** What the server should hold, worked out here from the running routes. */
    private Map<String, Set<String>> union() {
        Map<String, Set<String>> byType = new TreeMap<>();
        Map<String, Integer> depth = new TreeMap<>();
        for (RouteSpec route : routes.values()) {
            if (!route.running) {
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
            return "upbit:" + type + "?codes=" + String.join(",", codes) + (depth > 0 ? "&depth=" + depth : "");
        }
    }

    /**
     * Per route and market: within a connection epoch (a resync header starts a new one) trades come with rising
     * sequential ids, tickers with rising times, books and candles never older than the one before.
     */
    private static final class OrderCheck {
        private final Map<String, Long> last = new ConcurrentHashMap<>();
        private final AtomicLong violations = new AtomicLong();
        private final List<String> examples = new ArrayList<>();

        void check(String routeId, Exchange exchange) {
            UpbitEvent event = exchange.getMessage().getBody(UpbitEvent.class);
            String key = routeId + "|" + event.code();
            if (Boolean.TRUE.equals(exchange.getMessage().getHeader(UpbitConstants.RESYNC))) {
                last.remove(key);
            }
            long position;
            boolean strict;
            if (event instanceof TradeEvent trade) {
                position = trade.sequentialId();
                strict = true;
            } else if (event instanceof TickerEvent ticker) {
                position = ticker.timestamp();
                strict = true;
            } else if (event instanceof OrderbookEvent book) {
                position = book.timestamp();
                strict = false;
            } else {
                position = ((CandleEvent) event).timestamp();
                strict = false;
            }
            Long previous = last.put(key, position);
            if (previous != null && (strict ? position <= previous : position < previous)) {
                violations.incrementAndGet();
                synchronized (examples) {
                    if (examples.size() < 5) {
                        examples.add(key + ": " + previous + " then " + position);
                    }
                }
            }
        }

        long violations() {
            return violations.get();
        }

        List<String> examples() {
            synchronized (examples) {
                return List.copyOf(examples);
            }
        }
    }
}
