package io.camelupbit.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

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
import io.camelupbit.UpbitConstants;
import io.camelupbit.UpbitConsumer;
import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.reliability.SourceLoss.Received;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code redundancy=2}: two lines carry the public channel's subscription, and each event reaches a route once. Faults
 * on one line at a time (dropped, closed, silenced, lagging) mixed with route churn, or subscription changes for other
 * routes (the lines restart one after the other), cost the routes nothing: every trade route's trades of each market
 * are exactly the run of trades the simulator generated from its first to its last, each once, in order, none that no
 * line was sent (under subscription changes none marked as after a gap either; the chaos run counts the marks, a mark
 * with nothing missing being allowed); the ticker route's tickers never go back in time.
 */
class LinesRouteTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(LinesRouteTest.class);
    private static final String PUBLIC_PATH = "/websocket/v1";
    private static final List<String> TRADED = List.of("KRW-BTC", "KRW-ETH");
    private static final String[] OTHERS = { "KRW-XRP", "KRW-SOL", "KRW-DOGE", "KRW-ADA" };
    private static final String[] MARKETS = { "KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE", "KRW-ADA" };
    private static final int FAULTS = 200;
    private static final int CHANGES = 20;

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.seed(20261205L).speed(10)
            .tickInterval(Duration.ofMillis(50)).connectLimitPerSecond(50)
            .markets("KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE", "KRW-ADA").tradeHistory(1_000_000)
            .sentLog(4_000_000));

    /** Trade route → market → what it received, in order. */
    private final Map<String, Map<String, List<Received>>> trades = new ConcurrentHashMap<>();
    /** Trade route → its markets, while it runs. */
    private final Map<String, Set<String>> running = new ConcurrentHashMap<>();
    private int churned;
    private final List<TickerEvent> tickers = Collections.synchronizedList(new ArrayList<>());
    private final List<Boolean> tickerMarks = Collections.synchronizedList(new ArrayList<>());
    private final List<ConnectionEvent> lifecycle = Collections.synchronizedList(new ArrayList<>());
    private final Random random = new Random(20261205L);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        UpbitComponent component = new UpbitComponent();
        component.setUrl(upbit.url());
        component.setRestUrl(upbit.restUrl());
        component.setRedundancy(2);
        component.setShutdownQuietPeriod(0);
        component.setBaseDelay(10);
        component.setMaxDelay(80);
        // a silenced line is noticed within 1.5 s; shorter, a busy machine's pauses would look like silence too
        component.setHeartbeatInterval(200);
        component.setIdleTimeout(1500);
        component.setSendLinger(5);
        component.setRateLimitStrategy("aggressive");
        // a subscription check after every change would double the messages: Upbit's 100 a minute bind sooner
        component.setSubscriptionCheckInterval(0);
        context.addComponent("upbit", component);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                tradeRoute(this, "trades", new TreeSet<>(TRADED));
                from("upbit:ticker?codes=KRW-BTC").routeId("tickers").process(e -> {
                    tickers.add(e.getMessage().getBody(TickerEvent.class));
                    tickerMarks.add(e.getMessage().getHeader(UpbitConstants.RESYNC, false, Boolean.class));
                });
                from("upbit:connection").process(e -> lifecycle.add(e.getMessage().getBody(ConnectionEvent.class)));
            }
        };
    }

    @Test
    void twoHundredFaultsOnOneLineAtATimeAndRouteChurnCostTheRoutesNothing() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        bothLinesSubscribed(simulator, 1);
        Map<String, Integer> injected = new TreeMap<>();
        for (int i = 0; i < FAULTS; i++) {
            String fault;
            if (random.nextInt(4) == 0) {
                fault = churn();
            } else {
                List<SimConnection> lines = publicLines(simulator);
                SimConnection line = lines.get(random.nextInt(lines.size()));
                long subscribed = subscribedEvents();
                fault = fault(line);
                if (!"lag".equals(fault)) {
                    // one line at a time: the faulted line is back, subscribed, before the next fault
                    soon().atMost(Duration.ofSeconds(20)).until(() -> subscribedEvents() > subscribed);
                }
            }
            LOG.debug("fault {}: {}", i, fault);
            injected.merge(fault, 1, Integer::sum);
            bothLinesSubscribed(simulator, 1);
            tradesFlow();
        }
        // a mark too many is allowed by the contract (nothing is missing when the run is exact); the summary counts them
        String report = exactTrades(simulator, true);
        LOG.info("chaos summary (redundancy=2): {} faults, each on one line at a time, with route churn ({}); every "
                + "trade route received exactly the trades the simulator generated for its markets while it ran, "
                + "once each, in order: {}", FAULTS, injected, report);

        assertThat(lifecycle).as("both lines were seen to fail and come back")
                .anyMatch(e -> e.line() == 1 && e.state() == ConnectionState.DISCONNECTED)
                .anyMatch(e -> e.line() == 2 && e.state() == ConnectionState.DISCONNECTED);
        assertThat(injected.get("routeChurn")).as("route churn").isGreaterThan(20);
        tickersNeverGoBack(true);
    }

    @Test
    void subscriptionChangesOnOtherMarketsCostTheRoutesNothing() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        bothLinesSubscribed(simulator, 1);
        for (int i = 0; i < CHANGES; i++) {
            String id = "other" + i;
            String code = OTHERS[i % OTHERS.length];
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit:ticker?codes=" + code).routeId(id).to("mock:" + id);
                }
            });
            bothLinesSubscribed(simulator, 2);
            context.getRouteController().stopRoute(id);
            context.removeRoute(id);
            bothLinesSubscribed(simulator, 1);
        }
        tradesFlow();
        String report = exactTrades(simulator, false);
        LOG.info("redundancy=2, {} subscription changes on other markets: {}", 2 * CHANGES, report);
        tickersNeverGoBack(false);
    }

    /** Stops a churning trade route (if one runs) and starts another on one or two random markets. */
    private String churn() throws Exception {
        List<String> churning = running.keySet().stream().filter(id -> !"trades".equals(id)).sorted().toList();
        if (!churning.isEmpty() && random.nextBoolean()) {
            String stop = churning.get(random.nextInt(churning.size()));
            context.getRouteController().stopRoute(stop);
            running.remove(stop);
        }
        Set<String> codes = new TreeSet<>();
        for (int n = 1 + random.nextInt(2); codes.size() < n; ) {
            codes.add(MARKETS[random.nextInt(MARKETS.length)]);
        }
        String id = "t" + churned++;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                tradeRoute(this, id, codes);
            }
        });
        return "routeChurn";
    }

    /** A trade route that records what it receives per market. */
    private void tradeRoute(RouteBuilder builder, String id, Set<String> codes) {
        Map<String, List<Received>> byCode = new ConcurrentHashMap<>();
        trades.put(id, byCode);
        running.put(id, codes);
        builder.from("upbit:trade?codes=" + String.join(",", codes)).routeId(id).process(e -> byCode
                .computeIfAbsent(e.getMessage().getBody(TradeEvent.class).code(),
                        c -> Collections.synchronizedList(new ArrayList<>()))
                .add(Received.of(e)));
    }

    /** One fault on one line; returns its name. */
    private String fault(SimConnection line) {
        int pick = random.nextInt(5);
        switch (pick) {
            case 0 -> line.dropAbruptly();
            case 1 -> line.close(1001, "going away");
            case 2 -> line.close(1011, "internal error");
            case 3 -> line.goSilent();
            default -> {
                // the line lags: what it holds back comes after the other line delivered it
                line.holdItems();
                soon().until(() -> line.itemsHeld() > 20 || !line.isOpen());
                line.releaseItems();
                return "lag";
            }
        }
        return switch (pick) {
            case 0 -> "drop";
            case 1 -> "close1001";
            case 2 -> "close1011";
            default -> "silence";
        };
    }

    /** Every trade route's trades of each market are exactly a run of what the simulator generated. */
    private String exactTrades(UpbitSimulator simulator, boolean marksAllowed) throws Exception {
        context.getRouteController().stopAllRoutes();
        long received = 0;
        int runs = 0;
        long neverSent = 0;
        long marked = 0;
        for (Map.Entry<String, Map<String, List<Received>>> route : new TreeMap<>(trades).entrySet()) {
            for (Map.Entry<String, List<Received>> market : route.getValue().entrySet()) {
                String code = market.getKey();
                List<Received> got;
                synchronized (market.getValue()) {
                    got = List.copyOf(market.getValue());
                }
                assertThat(simulator.market().tradesEvicted(code)).as("trade history complete").isZero();
                String difference = SourceLoss.exactRun(SourceLoss.generatedTradeKeys(simulator, code), got,
                        marksAllowed);
                marked += got.stream().filter(Received::resync).count();
                assertThat(difference).as("route %s, %s trades against the generated ones", route.getKey(), code)
                        .isNull();
                // the sent log holds each trade once per line that carried it: compared as a set
                Set<String> sent = new HashSet<>(SourceLoss.sentKeys(simulator, "trade", code));
                neverSent += got.stream().filter(r -> !sent.contains(r.key())).count();
                received += got.size();
                runs++;
            }
        }
        assertThat(neverSent).as("trades received but never sent").isZero();
        assertThat(simulator.sentLog().evicted()).as("sent log complete").isZero();
        return trades.size() + " trade routes, " + runs + " (route, market) runs, " + received
                + " trades received, every run exact against the generated trades (" + marked + " marked as after a "
                + "gap with nothing missing), none received but never sent";
    }

    private void tickersNeverGoBack(boolean marksAllowed) {
        List<TickerEvent> got;
        synchronized (tickers) {
            got = List.copyOf(tickers);
        }
        assertThat(got).hasSizeGreaterThan(10);
        for (int i = 1; i < got.size(); i++) {
            assertThat(got.get(i).timestamp()).as("ticker %d after %d", i, i - 1)
                    .isGreaterThanOrEqualTo(got.get(i - 1).timestamp());
        }
        if (!marksAllowed) {
            assertThat(tickerMarks).as("ticker events marked as after a gap").doesNotContain(true);
        }
    }

    /**
     * Both lines are open on the simulator with the running trade routes' codes and this many ticker codes, and both
     * are live in the component (subscribed, no restart under way) and carry every route: the next fault hits one
     * line at a time.
     */
    private void bothLinesSubscribed(UpbitSimulator simulator, int tickerCodes) {
        soon().atMost(Duration.ofSeconds(20)).until(() -> {
            List<SimConnection> lines = publicLines(simulator);
            // a silenced line counts until the component noticed and replaced it: faults come one line at a time
            Set<String> tradeCodes = new TreeSet<>();
            running.values().forEach(tradeCodes::addAll);
            return lines.size() == 2 && lines.stream().allMatch(l -> !l.isSilent()
                    && new TreeSet<>(l.subscribedCodes("trade")).equals(tradeCodes)
                    && l.subscribedCodes("ticker").size() == tickerCodes)
                    && context.getComponent("upbit", UpbitComponent.class).sessions().stream()
                            .allMatch(session -> session.linesLive() == 2)
                    && context.getRoutes().stream()
                            .filter(route -> context.getRouteController().getRouteStatus(route.getRouteId()).isStarted())
                            .map(Route::getConsumer).filter(UpbitConsumer.class::isInstance)
                            .allMatch(consumer -> ((UpbitConsumer) consumer).getLinesCarrying() == 2);
        });
    }

    private long subscribedEvents() {
        synchronized (lifecycle) {
            return lifecycle.stream().filter(e -> e.state() == ConnectionState.SUBSCRIBED).count();
        }
    }

    /** The fixed trade route receives again. */
    private void tradesFlow() {
        Map<String, List<Received>> fixed = trades.get("trades");
        int before = fixed.values().stream().mapToInt(List::size).sum();
        soon().atMost(Duration.ofSeconds(20)).until(() -> fixed.values().stream().mapToInt(List::size).sum()
                > before + 5);
    }

    private static List<SimConnection> publicLines(UpbitSimulator simulator) {
        return simulator.connections().stream().filter(c -> PUBLIC_PATH.equals(c.path())).toList();
    }

    private static ConditionFactory soon() {
        return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
    }
}
