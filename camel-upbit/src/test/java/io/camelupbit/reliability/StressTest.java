package io.camelupbit.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelupbit.LogCapture;
import io.camelupbit.UpbitComponent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.reliability.SourceLoss.Received;
import io.camelupbit.reliability.SourceLoss.Result;
import io.camelupbit.session.SessionStats;
import io.camelupbit.session.UpbitSession;
import io.camelupbit.test.SentItem;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stress on the delivery and pause machinery, seeded: trade routes with mailboxes of 1 to 3 and random latency, so
 * that reading pauses and resumes thousands of times, while routes sharing their markets with siblings are stopped and
 * started or suspended and resumed hundreds of times. Watchdog, after each cycle, on the session's event loop
 * (a barrier: every notification posted before it has been applied): reading is off only while some route's mailbox
 * asks for it; a violation that does not clear is a stuck pause. At the end, every route's trades are walked along
 * what the simulator sent and generated: nothing lost outside a marked window, nothing twice.
 * <p>
 * {@code -Dstress.seed=N} runs another schedule, {@code -Dstress.seconds=N} runs longer.
 */
class StressTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(StressTest.class);
    private static final long SEED = Long.getLong("stress.seed", 20261205L);
    private static final long SECONDS = Long.getLong("stress.seconds", 15);
    private static final String[] MARKETS = { "KRW-BTC", "KRW-ETH", "KRW-XRP" };
    private static final int ANCHORS = 3;
    private static final int CHURNERS = 6;

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.seed(SEED)
            .tickInterval(Duration.ofMillis(5))
            .sentLog((int) (SECONDS * 2_000 + 100_000))
            .tradeHistory((int) (SECONDS * 400 + 10_000)));

    private final Random random = new Random(SEED);
    /** The current incarnation of each route: a stopped route starts a new one, a suspended one keeps it. */
    private final Map<String, Incarnation> live = new ConcurrentHashMap<>();
    private final List<Incarnation> finished = new ArrayList<>();
    private final AtomicLong anchorEvents = new AtomicLong();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        UpbitComponent component = new UpbitComponent();
        component.setUrl(upbit.url());
        component.setShutdownQuietPeriod(0);
        component.setSendLinger(10);
        component.setConnectionLinger(2000);
        context.addComponent("upbit", component);
        return context;
    }

    @Test
    void pausesAlwaysLiftAndNoLossGoesUnmarked() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < ANCHORS + CHURNERS; i++) {
                    addRoute(this, (i < ANCHORS ? "anchor" : "churn") + i);
                }
            }
        });
        UpbitSession session = context.getComponent("upbit", UpbitComponent.class).sessions().iterator().next();
        awaitFlow();

        long cycles = 0;
        long stuck = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        try (LogCapture logs = new LogCapture(false)) {
            while (System.nanoTime() < deadline && stuck == 0) {
                String id = "churn" + (ANCHORS + random.nextInt(CHURNERS));
                if (random.nextBoolean()) {
                    context.getRouteController().stopRoute(id);
                    synchronized (finished) {
                        finished.add(live.get(id));
                    }
                    live.put(id, new Incarnation(id));
                    awaitFlow();
                    context.getRouteController().startRoute(id);
                } else {
                    context.getRouteController().suspendRoute(id);
                    awaitFlow();
                    context.getRouteController().resumeRoute(id);
                }
                awaitFlow();
                cycles++;
                if (readingOffWithoutPause(session)) {
                    stuck += stuckPause(session) ? 1 : 0;
                }
            }
            SessionStats stats = session.stats();
            long pauseLogLines = logs.lines().stream().filter(l -> l.contains("pauses reading")).count();
            context.getRouteController().stopAllRoutes();

            Result sent = Result.NONE;
            Result generated = Result.NONE;
            UpbitSimulator simulator = upbit.simulator();
            List<Incarnation> all = new ArrayList<>(finished);
            all.addAll(live.values());
            for (String code : MARKETS) {
                // route changes hand over to a new connection (resubscribe=overlap), whose snapshot of the market's
                // last trade is written among the old connection's realtime trades: walk the sent items in the
                // stream's order, not in the order of writes across connections
                List<SentItem> sentItems = simulator.sentLog().items("trade", code);
                Comparator<String> streamOrder = SourceLoss.streamOrder(simulator, "trade", code);
                List<String> generatedKeys = SourceLoss.generatedTradeKeys(simulator, code);
                for (Incarnation incarnation : all) {
                    List<Received> received = incarnation.of(code);
                    List<String> gaps = new ArrayList<>();
                    sent = sent.plus(SourceLoss.walkAcross(sentItems, streamOrder, received, gaps));
                    gaps.forEach(g -> LOG.warn("stress: route {} {}: {}", incarnation, code, g));
                    List<String> generatedGaps = new ArrayList<>();
                    generated = generated.plus(SourceLoss.walk(generatedKeys, received, generatedGaps));
                    generatedGaps.forEach(g -> LOG.warn("stress: route {} {} against generated: {}", incarnation,
                            code, g));
                }
            }
            LOG.info("stress: {} cycles, {} pause transitions, {} stuck pauses, {} unmarked losses (seed {}, {} s; "
                    + "trades sent to subscribed routes {}, received {}, in marked windows {}, duplicates {}; "
                    + "against generated: unmarked {}; pause log lines {})", cycles, stats.pauses(), stuck,
                    sent.unmarked(), SEED, SECONDS, sent.sent(), sent.received(), sent.marked(), sent.duplicates(),
                    generated.unmarked(), pauseLogLines);

            assertThat(stuck).as("stuck pauses").isZero();
            assertThat(simulator.sentLog().evicted()).as("sent log complete").isZero();
            assertThat(simulator.tradesSkipped()).as("trades the simulator skipped").isZero();
            for (String code : MARKETS) {
                assertThat(simulator.market().tradesEvicted(code)).as("trade history complete").isZero();
            }
            assertThat(sent.unmarked()).as("unmarked loss against the sent log").isZero();
            assertThat(sent.duplicates()).as("duplicates").isZero();
            assertThat(generated.unmarked()).as("unmarked loss against the generated trades").isZero();
            assertThat(sent.received()).isGreaterThan(1000);
            assertThat(stats.pauses()).as("pause transitions").isGreaterThan(100);
            assertThat(pauseLogLines).as("pause log lines are throttled").isLessThan(Math.max(20, stats.pauses() / 10));
            assertThat(cycles).isGreaterThan(SECONDS);
        }
    }

    private void addRoute(RouteBuilder builder, String id) {
        Set<String> codes = new TreeSet<>();
        for (int n = 2 + random.nextInt(2); codes.size() < n; ) {
            codes.add(MARKETS[random.nextInt(MARKETS.length)]);
        }
        int mailbox = 1 + random.nextInt(3);
        String uri = "upbit:trade?codes=" + String.join(",", codes) + "&mailboxSize=" + mailbox;
        live.put(id, new Incarnation(id));
        Random latency = new Random(SEED ^ id.hashCode());
        boolean anchor = id.startsWith("anchor");
        builder.from(uri).routeId(id).process(exchange -> {
            live.get(id).add(exchange);
            if (anchor) {
                anchorEvents.incrementAndGet();
            }
            // the route's own work: mostly quick, sometimes a few milliseconds, now and then longer
            int roll = latency.nextInt(100);
            if (roll < 2) {
                LockSupport.parkNanos(2_000_000L + latency.nextInt(8_000_000));
            } else if (roll < 50) {
                LockSupport.parkNanos(50_000L + latency.nextInt(250_000));
            }
        });
    }

    /** Waits until the anchor routes got a few more events: the stream flows. */
    private void awaitFlow() {
        long target = anchorEvents.get() + 1 + random.nextInt(20);
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(20))
                .until(() -> anchorEvents.get() >= target);
    }

    /** Read on the session's event loop, after everything posted before it. */
    private static boolean readingOffWithoutPause(UpbitSession session) {
        SessionStats stats = session.stats();
        return stats.readingPaused() && stats.pausingRoutes() == 0;
    }

    /** A violation can be a notification still on its way; one that outlives a few seconds is a stuck pause. */
    private static boolean stuckPause(UpbitSession session) {
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> !readingOffWithoutPause(session));
            return false;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return true;
        }
    }

    /** What one run of a route received, per market, in order. */
    private static final class Incarnation {
        private final String routeId;
        private final Map<String, List<Received>> byCode = new ConcurrentHashMap<>();

        Incarnation(String routeId) {
            this.routeId = routeId;
        }

        void add(Exchange exchange) {
            TradeEvent trade = exchange.getMessage().getBody(TradeEvent.class);
            byCode.computeIfAbsent(trade.code(), c -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(Received.of(exchange));
        }

        List<Received> of(String code) {
            List<Received> received = byCode.get(code);
            if (received == null) {
                return List.of();
            }
            synchronized (received) {
                return List.copyOf(received);
            }
        }

        @Override
        public String toString() {
            return routeId;
        }
    }
}
