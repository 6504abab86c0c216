package io.camelupbit;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.test.UnsupportedLevel;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two routes added together, one of which Upbit refuses ({@code level=5} on a market without that level): the session
 * tries them again one group at a time, so the valid route ends up streaming and UP while only the refused one is
 * removed, DOWN with Upbit's error name. Before the fix both left the subscription and stayed UP without data.
 */
class RejectedRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20))
            .unsupportedLevel(UnsupportedLevel.ERROR_INVALID_PARAM));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-BTC").routeId("valid").to("mock:valid");
                from("upbit:orderbook?codes=KRW-ETH&level=5").routeId("refused").to("mock:refused");
            }
        };
    }

    @Test
    void onlyTheRouteAtFaultIsRemovedAndItsHealthSaysWhy() {
        await().until(() -> getMockEndpoint("mock:valid").getReceivedCounter() > 5);
        await().untilAsserted(() -> assertThat(health("refused").getState()).isEqualTo(HealthCheck.State.DOWN));
        assertThat(health("refused").getMessage()).hasValueSatisfying(m -> assertThat(m).contains("INVALID_PARAM"));
        assertThat(health("valid").getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(upbit.simulator().connections().get(0).subscribedCodes("orderbook")).isEmpty();
        assertThat(upbit.simulator().connections().get(0).subscribedCodes("ticker")).containsExactly("KRW-BTC");
        assertThat(getMockEndpoint("mock:refused").getReceivedCounter()).isZero();
    }
}
