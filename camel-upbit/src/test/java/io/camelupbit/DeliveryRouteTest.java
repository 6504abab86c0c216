package io.camelupbit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.TickerEvent;
import io.camelupbit.session.DeliveryStats;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A route blocked in its processor, under each delivery policy, next to a route that keeps up. */
class DeliveryRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch blocked = new CountDownLatch(3);

    @Override
    protected String upbitUrl() {
        return upbit.url();
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
                from("upbit:ticker?codes=KRW-BTC,KRW-ETH").routeId("fast").to("mock:fast");
                from("upbit:ticker?codes=KRW-BTC,KRW-ETH").routeId("slow")
                        .process(e -> waitAtTheGate()).to("mock:slow");
                from("upbit:ticker?codes=KRW-BTC,KRW-ETH&delivery=latest").routeId("latest")
                        .process(e -> waitAtTheGate()).to("mock:latest");
                from("upbit:ticker?codes=KRW-BTC,KRW-ETH&overflow=dropOldest&mailboxSize=5").routeId("dropping")
                        .process(e -> waitAtTheGate()).to("mock:dropping");
            }
        };
    }

    private void waitAtTheGate() throws InterruptedException {
        blocked.countDown();
        assertThat(gate.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void blockedRoutesDoNotDelayAnotherRouteAndEachPolicyKeepsItsPromise() throws Exception {
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        MockEndpoint fast = getMockEndpoint("mock:fast");
        long atBlock = fast.getReceivedCounter();

        // queue: the fast route keeps receiving while three routes sit in their processors
        await().until(() -> fast.getReceivedCounter() >= atBlock + 40);
        assertThat(stats("slow").pending()).isGreaterThan(10);
        assertThat(stats("dropping").dropped()).isPositive();
        Map<String, Long> newestAtRelease = newestPerCode(fast.getReceivedExchanges());

        gate.countDown();

        // queue keeps everything: the slow route catches up on every event
        await().until(() -> stats("slow").pending() == 0);
        assertThat(stats("slow").delivered()).isEqualTo(stats("slow").routed() - stats("slow").filtered());

        // latest: after the blocked event, each market's first event is at least as new as the newest seen at release
        await().until(() -> stats("latest").pending() == 0);
        List<TickerEvent> latest = bodies("mock:latest");
        assertThat(stats("latest").conflated()).isPositive();
        Map<String, Long> previous = new HashMap<>();
        for (TickerEvent ticker : latest.subList(1, latest.size())) {
            Long before = previous.put(ticker.code(), ticker.timestamp());
            if (before == null) {
                assertThat(ticker.timestamp()).isGreaterThanOrEqualTo(newestAtRelease.get(ticker.code()));
            } else {
                assertThat(ticker.timestamp()).isGreaterThan(before);
            }
        }

        // dropOldest: drops are counted and announced on the next delivered event
        await().until(() -> stats("dropping").pending() == 0);
        long announced = getMockEndpoint("mock:dropping").getReceivedExchanges().stream()
                .mapToLong(e -> e.getMessage().getHeader(UpbitConstants.DROPPED, 0L, Long.class)).sum();
        assertThat(announced).isEqualTo(stats("dropping").dropped()).isPositive();
    }

    private DeliveryStats stats(String routeId) {
        return ((UpbitConsumer) context.getRoute(routeId).getConsumer()).stats();
    }

    private List<TickerEvent> bodies(String mock) {
        return getMockEndpoint(mock).getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(TickerEvent.class)).toList();
    }

    private static Map<String, Long> newestPerCode(List<Exchange> exchanges) {
        Map<String, Long> newest = new HashMap<>();
        for (Exchange e : exchanges) {
            TickerEvent t = e.getMessage().getBody(TickerEvent.class);
            newest.merge(t.code(), t.timestamp(), Math::max);
        }
        return newest;
    }
}
