package io.camelupbit.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelupbit.UpbitComponent;
import io.camelupbit.UpbitConstants;
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
 * {@code redundancy=2}: two lines carry the public channel's subscription, and each event reaches a route once. A
 * fault on one line at a time, or a subscription change (the lines restart one after the other), costs the routes
 * nothing: their trades are exactly the run of trades the simulator generated, each once, in order, none marked as
 * after a gap; their tickers never go back in time.
 */
class LinesRouteTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(LinesRouteTest.class);
    private static final String PUBLIC_PATH = "/websocket/v1";
    private static final List<String> TRADED = List.of("KRW-BTC", "KRW-ETH");
    private static final String[] OTHERS = { "KRW-XRP", "KRW-SOL", "KRW-DOGE", "KRW-ADA" };
    private static final int FAULTS = 30;
    private static final int CHANGES = 30;

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.seed(20261205L).speed(20)
            .tickInterval(Duration.ofMillis(50)).connectLimitPerSecond(50)
            .markets("KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE", "KRW-ADA").tradeHistory(1_000_000)
            .sentLog(2_000_000));

    private final Map<String, List<Received>> trades = new ConcurrentHashMap<>();
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
                from("upbit:trade?codes=" + String.join(",", TRADED)).routeId("trades").process(e -> trades
                        .computeIfAbsent(e.getMessage().getBody(TradeEvent.class).code(),
                                c -> Collections.synchronizedList(new ArrayList<>()))
                        .add(Received.of(e)));
                from("upbit:ticker?codes=KRW-BTC").routeId("tickers").process(e -> {
                    tickers.add(e.getMessage().getBody(TickerEvent.class));
                    tickerMarks.add(e.getMessage().getHeader(UpbitConstants.RESYNC, false, Boolean.class));
                });
                from("upbit:connection").process(e -> lifecycle.add(e.getMessage().getBody(ConnectionEvent.class)));
            }
        };
    }

    @Test
    void aFaultOnOneLineAtATimeCostsTheRoutesNothing() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        bothLinesSubscribed(simulator, 1);
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < FAULTS; i++) {
            List<SimConnection> lines = publicLines(simulator);
            SimConnection line = lines.get(random.nextInt(lines.size()));
            long subscribed = subscribedEvents();
            String fault = fault(line);
            LOG.info("fault {}: {} on {}", i, fault, line.id());
            faults.add(fault);
            if (!"lag".equals(fault)) {
                // one line at a time: the faulted line is back, subscribed, before the next fault
                soon().atMost(Duration.ofSeconds(20)).until(() -> subscribedEvents() > subscribed);
            }
            bothLinesSubscribed(simulator, 1);
            tradesFlow();
        }
        String report = exactTrades(simulator);
        LOG.info("redundancy=2, {} faults on one line at a time ({}): {}", FAULTS, faults, report);

        assertThat(lifecycle).as("both lines were seen to fail and come back")
                .anyMatch(e -> e.line() == 1 && e.state() == ConnectionState.DISCONNECTED)
                .anyMatch(e -> e.line() == 2 && e.state() == ConnectionState.DISCONNECTED);
        tickersNeverGoBack();
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
        String report = exactTrades(simulator);
        LOG.info("redundancy=2, {} subscription changes on other markets: {}", 2 * CHANGES, report);
        tickersNeverGoBack();
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
    private String exactTrades(UpbitSimulator simulator) throws Exception {
        context.getRouteController().stopAllRoutes();
        StringBuilder report = new StringBuilder();
        for (String code : TRADED) {
            List<Received> got;
            synchronized (trades.get(code)) {
                got = List.copyOf(trades.get(code));
            }
            assertThat(simulator.market().tradesEvicted(code)).as("trade history complete").isZero();
            List<String> generated = SourceLoss.generatedTradeKeys(simulator, code);
            String generatedDifference = SourceLoss.exactRun(generated, got);
            // the sent log holds each trade once per line that carried it: compared as sets
            Set<String> sent = new HashSet<>(SourceLoss.sentKeys(simulator, "trade", code));
            Set<String> keys = got.stream().map(Received::key).collect(Collectors.toSet());
            List<String> sentInRange = generatedDifference != null || got.isEmpty() ? List.of()
                    : generated.subList(generated.indexOf(got.get(0).key()),
                            generated.indexOf(got.get(got.size() - 1).key()) + 1).stream()
                            .filter(sent::contains).toList();
            long neverSent = keys.stream().filter(k -> !sent.contains(k)).count();
            report.append(code).append(": received ").append(got.size()).append(" trades, against the generated ")
                    .append(generatedDifference == null ? "exact" : generatedDifference).append("; ")
                    .append(sentInRange.size()).append(" of them sent on some line, ").append(neverSent)
                    .append(" received but never sent; ");
            assertThat(generatedDifference).as("%s trades against the generated ones", code).isNull();
            assertThat(neverSent).as("%s trades received but never sent", code).isZero();
        }
        assertThat(simulator.sentLog().evicted()).as("sent log complete").isZero();
        return report.toString();
    }

    private void tickersNeverGoBack() {
        List<TickerEvent> got;
        synchronized (tickers) {
            got = List.copyOf(tickers);
        }
        assertThat(got).hasSizeGreaterThan(10);
        for (int i = 1; i < got.size(); i++) {
            assertThat(got.get(i).timestamp()).as("ticker %d after %d", i, i - 1)
                    .isGreaterThanOrEqualTo(got.get(i - 1).timestamp());
        }
        assertThat(tickerMarks).as("ticker events marked as after a gap").doesNotContain(true);
    }

    /**
     * Both lines are open on the simulator with the trade route's codes and this many ticker codes, and the component
     * has seen Upbit take the subscription on both.
     */
    private void bothLinesSubscribed(UpbitSimulator simulator, int tickerCodes) {
        soon().atMost(Duration.ofSeconds(20)).until(() -> {
            List<SimConnection> lines = publicLines(simulator);
            // a silenced line counts until the component noticed and replaced it: faults come one line at a time
            return lines.size() == 2 && lines.stream().allMatch(l -> !l.isSilent()
                    && l.subscribedCodes("trade").size() == 2
                    && l.subscribedCodes("ticker").size() == tickerCodes)
                    && context.getComponent("upbit", UpbitComponent.class).sessions().stream()
                            .flatMap(session -> session.trackers().stream())
                            .allMatch(line -> line.state() == ConnectionState.SUBSCRIBED);
        });
    }

    private long subscribedEvents() {
        synchronized (lifecycle) {
            return lifecycle.stream().filter(e -> e.state() == ConnectionState.SUBSCRIBED).count();
        }
    }

    private void tradesFlow() {
        int before = trades.values().stream().mapToInt(List::size).sum();
        soon().atMost(Duration.ofSeconds(20)).until(() -> trades.values().stream().mapToInt(List::size).sum()
                > before + 5);
    }

    private static List<SimConnection> publicLines(UpbitSimulator simulator) {
        return simulator.connections().stream().filter(c -> PUBLIC_PATH.equals(c.path())).toList();
    }

    private static ConditionFactory soon() {
        return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
    }
}
