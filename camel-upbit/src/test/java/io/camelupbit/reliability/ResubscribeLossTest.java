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
 * What subscription changes cost a route that did not change: a trade route runs while 30 routes on other markets
 * start and stop, each start and stop a subscribe message that replaces the whole subscription (today's only
 * behaviour, {@code resubscribe=replace}). Its trades are walked along what the simulator sent and along the trades it
 * generated: every one lost must fall inside a window the component marked. The figures (lost, marked) are the
 * baseline that {@code resubscribe=overlap} (issue #19) is to bring to zero.
 */
class ResubscribeLossTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ResubscribeLossTest.class);
    /** Route starts and stops (a subscribe message each): Upbit's 100 messages a minute make them take a while. */
    private static final int STARTS = 30;
    private static final String[] OTHERS = { "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE", "KRW-ADA" };

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.seed(20261205L).speed(20)
            .tickInterval(Duration.ofMillis(50)).markets("KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE",
                    "KRW-ADA").tradeHistory(1_000_000));

    private final List<Received> trades = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        UpbitComponent component = new UpbitComponent();
        component.setUrl(upbit.url());
        component.setRestUrl(upbit.restUrl());
        component.setShutdownQuietPeriod(0);
        component.setSendLinger(5);
        // Upbit's whole message allowance, 5 a second and 100 a minute
        component.setRateLimitStrategy("aggressive");
        context.addComponent("upbit", component);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:trade?codes=KRW-BTC").routeId("trades").process(e -> trades.add(Received.of(e)));
            }
        };
    }

    @Test
    void everyTradeLostToASubscriptionChangeIsInsideAMarkedWindow() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> trades.size() > 10);
        for (int i = 0; i < STARTS; i++) {
            String id = "other" + i;
            String code = OTHERS[i % OTHERS.length];
            int before = simulator.subscribeMessages().size();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit:ticker?codes=" + code).routeId(id).to("mock:" + id);
                }
            });
            await().until(() -> simulator.subscribeMessages().size() > before);
            int added = simulator.subscribeMessages().size();
            context.getRouteController().stopRoute(id);
            context.removeRoute(id);
            await().until(() -> simulator.subscribeMessages().size() > added);
        }
        int seen = trades.size();
        await().until(() -> trades.size() > seen + 10);
        context.getRouteController().stopRoute("trades");

        List<Received> got;
        synchronized (trades) {
            got = List.copyOf(trades);
        }
        List<String> gaps = new ArrayList<>();
        Result sent = SourceLoss.walk(SourceLoss.sentKeys(simulator, "trade", "KRW-BTC"), got, gaps);
        Result generated = SourceLoss.walk(SourceLoss.generatedTradeKeys(simulator, "KRW-BTC"), got, gaps);
        LOG.info("resubscribe=replace, {} subscription changes on other markets: the trade route received {} trades; "
                + "against the sent log {} sent, {} lost inside marked windows, {} unmarked, {} duplicates; against "
                + "the generated trades {} generated, {} marked, {} unmarked", 2 * STARTS, got.size(), sent.sent(),
                sent.marked(), sent.unmarked(), sent.duplicates(), generated.sent(), generated.marked(),
                generated.unmarked());
        gaps.forEach(g -> LOG.warn("resubscribe loss not marked: {}", g));

        assertThat(simulator.sentLog().evicted()).as("sent log complete").isZero();
        assertThat(simulator.market().tradesEvicted("KRW-BTC")).as("trade history complete").isZero();
        assertThat(sent.unmarked()).as("unmarked loss against the sent log").isZero();
        assertThat(generated.unmarked()).as("unmarked loss against the generated trades").isZero();
        assertThat(sent.duplicates()).as("duplicates").isZero();
    }
}
