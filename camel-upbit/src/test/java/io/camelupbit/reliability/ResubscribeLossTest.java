package io.camelupbit.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelupbit.UpbitComponent;
import io.camelupbit.reliability.SourceLoss.Received;
import io.camelupbit.reliability.SourceLoss.Result;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What subscription changes cost a route that did not change: a trade route runs while 50 routes on other markets
 * start and stop (100 changes of the subscription). With {@code resubscribe=replace} each change is a subscribe
 * message that replaces the whole subscription, Upbit restarts every stream, and trades in flight are lost: every one
 * lost must fall inside a window the component marked. With {@code resubscribe=overlap} each change opens a connection
 * with the new subscription that takes the old one's place once it is live and in step: the trade route receives
 * exactly the trades the simulator generated, once each, in order, none marked. Both walked along what the simulator
 * sent (its sent log) and along the trades it generated.
 */
class ResubscribeLossTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ResubscribeLossTest.class);
    /** Routes started and stopped (a subscription change each time). */
    private static final int STARTS = 50;
    private static final String[] OTHERS = { "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE", "KRW-ADA" };

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.seed(20261205L).speed(20)
            .tickInterval(Duration.ofMillis(50)).connectLimitPerSecond(50).markets("KRW-BTC", "KRW-ETH", "KRW-XRP",
                    "KRW-SOL", "KRW-DOGE", "KRW-ADA").tradeHistory(1_000_000));

    private final List<Received> trades = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("upbit", component("replace"));
        context.addComponent("upbitOverlap", component("overlap"));
        return context;
    }

    private static UpbitComponent component(String resubscribe) {
        UpbitComponent component = new UpbitComponent();
        component.setUrl(upbit.url());
        component.setRestUrl(upbit.restUrl());
        component.setShutdownQuietPeriod(0);
        component.setSendLinger(5);
        // Upbit's whole message allowance, 5 a second and 100 a minute; no subscription check, which would cost a
        // message after each change
        component.setRateLimitStrategy("aggressive");
        component.setSubscriptionCheckInterval(0);
        component.setResubscribe(resubscribe);
        return component;
    }

    @Test
    void replaceLosesTradesOfTheRouteThatDidNotChangeAndMarksEveryOne() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        List<Received> got = changeOthersWhileTradesRun("upbit");
        List<String> gaps = new ArrayList<>();
        Result sent = SourceLoss.walk(SourceLoss.sentKeys(simulator, "trade", "KRW-BTC"), got, gaps);
        Result generated = SourceLoss.walk(SourceLoss.generatedTradeKeys(simulator, "KRW-BTC"), got, gaps);
        LOG.info("resubscribe=replace, {} subscription changes on other markets: the trade route received {} trades; "
                + "against the sent log {} sent, {} lost inside marked windows, {} unmarked, {} duplicates; against "
                + "the generated trades {} generated, {} lost inside marked windows, {} unmarked", 2 * STARTS,
                got.size(), sent.sent(), sent.marked(), sent.unmarked(), sent.duplicates(), generated.sent(),
                generated.marked(), generated.unmarked());
        gaps.forEach(g -> LOG.warn("resubscribe loss not marked: {}", g));

        assertThat(simulator.sentLog().evicted()).as("sent log complete").isZero();
        assertThat(simulator.market().tradesEvicted("KRW-BTC")).as("trade history complete").isZero();
        assertThat(generated.marked()).as("trades lost to the restarts (the cost overlap removes)").isPositive();
        assertThat(sent.unmarked()).as("unmarked loss against the sent log").isZero();
        assertThat(generated.unmarked()).as("unmarked loss against the generated trades").isZero();
        assertThat(sent.duplicates()).as("duplicates").isZero();
    }

    @Test
    void overlapLosesNothingOfTheRouteThatDidNotChange() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        long connectsBefore = simulator.acceptedConnections();
        List<Received> got = changeOthersWhileTradesRun("upbitOverlap");
        List<String> generated = SourceLoss.generatedTradeKeys(simulator, "KRW-BTC");
        String difference = SourceLoss.exactRun(generated, got);
        long connects = simulator.acceptedConnections() - connectsBefore;
        LOG.info("resubscribe=overlap, {} subscription changes on other markets: the trade route received {} trades, "
                + "{} against the trades the simulator generated; {} connections opened", 2 * STARTS, got.size(),
                difference == null ? "exactly the run" : difference, connects);

        assertThat(simulator.market().tradesEvicted("KRW-BTC")).as("trade history complete").isZero();
        assertThat(difference).as("trades against the generated ones").isNull();
        // a change while a new connection waits to take over is made on that connection, which the old one covers
        assertThat(connects).as("connections that took the place of another").isGreaterThan(1);
    }

    /** Starts the trade route, then starts and stops {@link #STARTS} routes on other markets; what it received. */
    private List<Received> changeOthersWhileTradesRun(String scheme) throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(scheme + ":trade?codes=KRW-BTC").routeId("trades").process(e -> trades.add(Received.of(e)));
            }
        });
        await().until(() -> trades.size() > 10);
        for (int i = 0; i < STARTS; i++) {
            String id = "other" + i;
            String code = OTHERS[i % OTHERS.length];
            int before = subscribedWith(simulator, code);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(scheme + ":ticker?codes=" + code).routeId(id).to("mock:" + id);
                }
            });
            // with replace, the 101st message of a connection waits for Upbit's minute window
            await().atMost(Duration.ofSeconds(70)).until(() -> subscribedWith(simulator, code) > before);
            int added = subscribedWith(simulator, code);
            context.getRouteController().stopRoute(id);
            context.removeRoute(id);
            await().atMost(Duration.ofSeconds(70)).until(() -> subscribedWith(simulator, code) < added);
        }
        int seen = trades.size();
        await().until(() -> trades.size() > seen + 10);
        context.getRouteController().stopRoute("trades");
        synchronized (trades) {
            return List.copyOf(trades);
        }
    }

    /** Open connections whose subscription holds a ticker of this market. */
    private static int subscribedWith(UpbitSimulator simulator, String code) {
        return (int) simulator.connections().stream().filter(c -> c.subscribedCodes("ticker").contains(code)).count();
    }
}
