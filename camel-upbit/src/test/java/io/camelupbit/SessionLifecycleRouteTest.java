package io.camelupbit;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.error.UpbitErrorException;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.session.DeliveryStats;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UnsupportedLevel;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Routes joining, failing, pausing and leaving a shared session. */
class SessionLifecycleRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20))
            .unsupportedLevel(UnsupportedLevel.ERROR_INVALID_PARAM));

    private final CountDownLatch gate = new CountDownLatch(1);

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setConnectionLinger(300);
    }

    @AfterEach
    void openTheGate() {
        gate.countDown();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-BTC").routeId("a").to("mock:a");
            }
        };
    }

    @Test
    void aResendRepeatsNoSnapshotButANewRouteGetsItsOwn() throws Exception {
        MockEndpoint a = getMockEndpoint("mock:a");
        await().until(() -> a.getReceivedCounter() >= 3);

        addRoute("b", "upbit:ticker?codes=KRW-ETH", "mock:b");
        await().until(() -> snapshots("mock:b") == 1);
        addRoute("c", "upbit:ticker?codes=KRW-BTC", "mock:c");
        await().until(() -> snapshots("mock:c") == 1 && getMockEndpoint("mock:c").getReceivedCounter() >= 3);

        UpbitSimulator simulator = upbit.simulator();
        assertThat(simulator.subscribeMessages()).hasSize(3);
        assertThat(snapshots("mock:a")).isEqualTo(1);
        assertThat(stats("a").filtered()).as("the repeated KRW-BTC snapshots").isGreaterThanOrEqualTo(2);
    }

    @Test
    void withReplaceAnErrorFrameGoesToTheRouteWhoseChangeCausedItAndTheOthersKeepStreaming() throws Exception {
        MockEndpoint a = getMockEndpoint("mock:a");
        await().until(() -> a.getReceivedCounter() >= 3);
        addARouteUpbitRefusesAndAwaitItsError();

        SimConnection connection = upbit.simulator().connections().get(0);
        await().until(() -> upbit.simulator().subscribeMessages().size() == 3);
        assertThat(SimulatorSubscriptions.of(connection)).containsOnlyKeys("ticker");
        long afterError = a.getReceivedCounter();
        await().until(() -> a.getReceivedCounter() > afterError + 3);
        assertThat(getMockEndpoint("mock:bad").getReceivedCounter()).isZero();
    }

    @Test
    void anErrorFrameOnANewConnectionGoesToTheRouteWhoseChangeCausedIt() throws Exception {
        MockEndpoint a = getMockEndpoint("mock:a");
        await().until(() -> a.getReceivedCounter() >= 3);
        // resubscribe=overlap (the default): the new connection sends both routes at once; route a, which the old
        // connection carries, is not blamed, and the new connection takes the old one's place without the bad route
        addARouteUpbitRefusesAndAwaitItsError();
        await().until(() -> upbit.simulator().connections().size() == 1 && SimulatorSubscriptions
                .of(upbit.simulator().connections().get(0)).keySet().equals(Set.of("ticker")));
        assertThat(upbit.simulator().acceptedConnections()).isEqualTo(2);
        long afterError = a.getReceivedCounter();
        await().until(() -> a.getReceivedCounter() > afterError + 3);
        assertThat(getMockEndpoint("mock:bad").getReceivedCounter()).isZero();
    }

    /** Adds route "bad" (an orderbook level Upbit refuses) and waits for its error in mock:dead. */
    private void addARouteUpbitRefusesAndAwaitItsError() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                // level 5 is not one KRW-BTC supports: this simulator answers with INVALID_PARAM
                from("upbit:orderbook?codes=KRW-BTC&level=5&bridgeErrorHandler=true").routeId("bad").to("mock:bad");
            }
        });
        await().until(() -> dead.getReceivedCounter() == 1);
        Throwable cause = dead.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertThat(cause).isInstanceOf(UpbitErrorException.class);
        assertThat(((UpbitErrorException) cause).errorName()).isEqualTo("INVALID_PARAM");
    }

    @Test
    void aSuspendedRouteLeavesTheSubscriptionAndComesBackWithAFreshSnapshot() throws Exception {
        addRoute("s", "upbit:ticker?codes=KRW-XRP", "mock:s");
        await().until(() -> onlyConnectionHas(Set.of("KRW-BTC", "KRW-XRP")));

        // each change goes on a new connection that takes the old one's place (resubscribe=overlap)
        context.getRouteController().suspendRoute("s");
        await().until(() -> onlyConnectionHas(Set.of("KRW-BTC")));
        context.getRouteController().resumeRoute("s");
        await().until(() -> onlyConnectionHas(Set.of("KRW-BTC", "KRW-XRP")));

        await().until(() -> snapshots("mock:s") == 2);
    }

    /** Whether one connection is open and its ticker subscription is these codes. */
    private static boolean onlyConnectionHas(Set<String> codes) {
        List<SimConnection> open = upbit.simulator().connections();
        return open.size() == 1 && open.get(0).subscribedCodes("ticker").equals(codes);
    }

    @Test
    void aStoppingRouteFirstDrainsItsMailbox() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:trade?codes=KRW-BTC").routeId("g")
                        .process(e -> assertThat(gate.await(30, TimeUnit.SECONDS)).isTrue())
                        .to("mock:g");
            }
        });
        await().until(() -> stats("g").pending() >= 10);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                context.getRouteController().stopRoute("g", 30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        gate.countDown();
        stopping.get(30, TimeUnit.SECONDS);

        DeliveryStats stats = stats("g");
        assertThat(stats.pending()).isZero();
        assertThat(stats.dropped()).isZero();
        assertThat(stats.delivered()).isEqualTo(stats.routed() - stats.filtered()).isGreaterThanOrEqualTo(10);
        assertThat(getMockEndpoint("mock:g").getReceivedCounter()).isEqualTo(stats.delivered());
    }

    @Test
    void aRouteRestartedWithinTheLingerReusesTheConnectionAndTheSessionGoesAfterTheLastLeaves() throws Exception {
        await().until(() -> getMockEndpoint("mock:a").getReceivedCounter() > 0);
        UpbitSimulator simulator = upbit.simulator();

        context.getRouteController().stopRoute("a");
        context.getRouteController().startRoute("a");
        long before = getMockEndpoint("mock:a").getReceivedCounter();
        await().until(() -> getMockEndpoint("mock:a").getReceivedCounter() > before);
        assertThat(simulator.acceptedConnections()).isEqualTo(1);

        context.getRouteController().stopRoute("a");
        await().until(() -> simulator.connections().isEmpty());
        // the session goes too, and with a private session the credentials it holds
        await().until(() -> upbitComponent().sessions().isEmpty());

        context.getRouteController().startRoute("a");
        long again = getMockEndpoint("mock:a").getReceivedCounter();
        await().until(() -> getMockEndpoint("mock:a").getReceivedCounter() > again);
        assertThat(simulator.acceptedConnections()).isEqualTo(2);
        assertThat(upbitComponent().sessions()).hasSize(1);
    }

    private void addRoute(String id, String uri, String mock) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(id).to(mock);
            }
        });
    }

    private long snapshots(String mock) {
        List<Exchange> exchanges = getMockEndpoint(mock).getReceivedExchanges();
        return exchanges.stream()
                .filter(e -> e.getMessage().getBody(TickerEvent.class).streamType() == StreamType.SNAPSHOT).count();
    }

    private DeliveryStats stats(String routeId) {
        return ((UpbitConsumer) context.getRoute(routeId).getConsumer()).stats();
    }
}
