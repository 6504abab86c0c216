package io.camelupbit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 200 routes on mixed types and codes start in one burst: the pending-state sender turns them into a handful of
 * subscribe messages within the rolling limits, and the server ends up with exactly the union.
 */
class BurstSubscriptionRouteTest extends UpbitRouteTestSupport {

    private static final String[] TYPES = { "ticker", "trade", "orderbook", "candle.1m" };
    private static final int[] DEPTHS = { 1, 5, 15, 30 };

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofSeconds(1)));

    private final List<Route> routes = new ArrayList<>();

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Test
    void twoHundredRoutesBecomeAHandfulOfMessagesAndExactlyTheUnion() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            Set<String> codes = new TreeSet<>();
            for (int n = 1 + random.nextInt(3); codes.size() < n; ) {
                codes.add("KRW-M" + random.nextInt(40));
            }
            routes.add(new Route("r" + i, type, codes, "orderbook".equals(type) ? DEPTHS[random.nextInt(4)] : 0));
        }
        UpbitSimulator simulator = upbit.simulator();

        long start = System.nanoTime();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (Route route : routes) {
                    from(route.uri()).routeId(route.id()).to("log:burst?level=TRACE");
                }
            }
        });
        await().until(() -> simulator.connections().size() == 1
                && SimulatorSubscriptions.of(simulator.connections().get(0)).equals(union(routes)));
        double seconds = (System.nanoTime() - start) / 1e9;

        int messages = simulator.subscribeMessages().size();
        // balanced strategy: at most 4 messages in any rolling second
        assertThat(messages).isLessThanOrEqualTo(4 * ((int) Math.ceil(seconds) + 1)).isLessThan(20);
        assertThat(simulator.rateLimitViolations()).isZero();
        // with resubscribe=overlap the routes registered after the first send go on one new connection, and every
        // further change of the burst rides on it until it takes the first one's place
        assertThat(simulator.acceptedConnections()).isLessThanOrEqualTo(2);

        for (Route route : routes.subList(0, 100)) {
            context.getRouteController().stopRoute(route.id());
        }
        List<Route> rest = routes.subList(100, 200);
        await().until(() -> simulator.connections().size() == 1
                && SimulatorSubscriptions.of(simulator.connections().get(0)).equals(union(rest)));
        assertThat(simulator.rateLimitViolations()).isZero();
    }

    /** The subscription the server should hold, worked out here rather than by the component's book. */
    private static Map<String, Set<String>> union(List<Route> routes) {
        Map<String, Set<String>> byType = new TreeMap<>();
        Map<String, Integer> depth = new TreeMap<>();
        for (Route route : routes) {
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

    private record Route(String id, String type, Set<String> codes, int depth) {
        String uri() {
            return "upbit:" + type + "?codes=" + String.join(",", codes) + (depth > 0 ? "&depth=" + depth : "");
        }
    }
}
