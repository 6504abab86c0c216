package io.camelupbit;

import java.time.Duration;
import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.test.OverLimitBehavior;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server stricter than Upbit's documented limits (1 message per second) closes with 1008 when the component
 * sends faster: the close is a rate signal that lowers the ceilings, and the session comes back with the full state.
 */
class RateSignalRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(50))
            .messageLimits(1, 100).overLimit(OverLimitBehavior.CLOSE_1008));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setRateLimitStrategy("aggressive");
        component.setErrorThreshold(1);
        component.setSendLinger(0);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-BTC").routeId("first").to("mock:first");
            }
        };
    }

    @Test
    void aPolicyCloseLowersTheCeilingsAndTheStateIsRestored() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> simulator.connections().size() == 1
                && simulator.connections().get(0).subscribedCodes("ticker").contains("KRW-BTC"));

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // two changes a few milliseconds apart: two messages inside one second, whatever the machine's pace
                from("upbit:ticker?codes=KRW-ETH").routeId("second").to("mock:second");
                from("upbit:ticker?codes=KRW-XRP").routeId("third").to("mock:third");
            }
        });

        await().until(() -> upbitComponent().ratePolicy().reductions() >= 1);
        assertThat(upbitComponent().ratePolicy().perSecond()).isLessThanOrEqualTo(3);
        await().until(() -> simulator.connections().size() == 1 && simulator.connections().get(0)
                .subscribedCodes("ticker").equals(Set.of("KRW-BTC", "KRW-ETH", "KRW-XRP")));
        assertThat(simulator.acceptedConnections()).isGreaterThanOrEqualTo(2);
        assertThat(simulator.rateLimitViolations()).isPositive();
    }
}
