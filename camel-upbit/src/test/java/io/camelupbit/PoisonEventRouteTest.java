package io.camelupbit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orderbooks whose rows have no sizes (cut to depth 1 they have no totals: {@code null}, not an exception) that the
 * route refuses with an exception, and a processor that throws an {@link Error}: each costs its route that one event,
 * counted and handed to the exception handler, and neither route nor connection stops. Before the fix the first such
 * event left the drain marked as running for ever; the mailbox filled, paused the connection, and the sibling route
 * froze too.
 */
class PoisonEventRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    private static final int POISON = 30;

    private final CountingExceptionHandler handler = new CountingExceptionHandler();
    private final AtomicLong siblingCalls = new AtomicLong();

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("countingHandler", handler);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:orderbook?codes=KRW-BTC&depth=1&mailboxSize=10&exceptionHandler=#countingHandler")
                        .routeId("shallow")
                        .process(e -> {
                            if (e.getMessage().getBody(OrderbookEvent.class).totalAskSize() == null) {
                                throw new IllegalStateException("a book without sizes");
                            }
                        })
                        .to("mock:shallow");
                from("upbit:orderbook?codes=KRW-BTC&mailboxSize=10").routeId("sibling")
                        .process(e -> {
                            if (siblingCalls.incrementAndGet() % 3 == 0) {
                                throw new AssertionError("an Error planted in the route");
                            }
                        })
                        .to("mock:sibling");
            }
        };
    }

    @Test
    void poisonEventsAndErrorsCostOneEventEachAndBothRoutesKeepReceiving() {
        SimConnection connection = subscribed();
        MockEndpoint shallow = getMockEndpoint("mock:shallow");
        MockEndpoint sibling = getMockEndpoint("mock:sibling");
        await().until(() -> shallow.getReceivedCounter() > 0 && sibling.getReceivedCounter() > 0);

        for (int i = 0; i < POISON; i++) {
            connection.push("{\"type\":\"orderbook\",\"code\":\"KRW-BTC\",\"timestamp\":" + (System.currentTimeMillis() + i)
                    + ",\"total_ask_size\":1,\"total_bid_size\":1,\"orderbook_units\":[{},{}],"
                    + "\"stream_type\":\"REALTIME\"}");
        }

        UpbitConsumer shallowConsumer = (UpbitConsumer) context.getRoute("shallow").getConsumer();
        UpbitConsumer siblingConsumer = (UpbitConsumer) context.getRoute("sibling").getConsumer();
        await().until(() -> shallowConsumer.getEventsFailed() == POISON);
        assertThat(handler.handled()).isEqualTo(POISON);
        await().until(() -> siblingConsumer.getEventsFailed() >= 10);

        long shallowBefore = shallow.getReceivedCounter();
        long siblingBefore = sibling.getReceivedCounter();
        await().until(() -> shallow.getReceivedCounter() > shallowBefore + 50
                && sibling.getReceivedCounter() > siblingBefore + 50);
        assertThat(upbitComponent().sessions().iterator().next().isReadingPaused()).isFalse();
    }

    private SimConnection subscribed() {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> simulator.connections().size() == 1
                && simulator.connections().get(0).subscribedCodes("orderbook").contains("KRW-BTC"));
        return simulator.connections().get(0);
    }
}
