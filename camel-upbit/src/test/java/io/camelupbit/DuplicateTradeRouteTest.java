package io.camelupbit;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a reconnect Upbit's trade snapshot repeats the last trade, which the route already has: it is suppressed and
 * counted, and the mark of the gap goes to the next trade instead. Before the fix the route got that trade twice.
 */
class DuplicateTradeRouteTest extends UpbitRouteTestSupport {

    /** A market that trades once an hour: the snapshot after the reconnect is the same trade. */
    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofHours(1)));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setBaseDelay(10);
        component.setMaxDelay(50);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:trade?codes=KRW-BTC").routeId("trades").to("mock:trades");
            }
        };
    }

    @Test
    void theSnapshotRepeatingTheLastTradeIsSuppressedAndTheNextTradeCarriesTheMark() {
        MockEndpoint trades = getMockEndpoint("mock:trades");
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> trades.getReceivedCounter() == 1);
        UpbitConsumer consumer = (UpbitConsumer) context.getRoute("trades").getConsumer();

        simulator.connections().get(0).dropAbruptly();
        await().until(() -> simulator.acceptedConnections() == 2 && consumer.getRouted() == 2);
        assertThat(consumer.getDuplicatesSuppressed()).isEqualTo(1);
        assertThat(trades.getReceivedCounter()).isEqualTo(1);

        simulator.connections().get(0).push(Fixtures.realtimeTrade("KRW-BTC", System.currentTimeMillis(), 42));
        await().until(() -> trades.getReceivedCounter() == 2);
        assertThat(trades.getReceivedExchanges().get(1).getMessage().getHeader(UpbitConstants.RESYNC, Boolean.class))
                .isTrue();
    }
}
