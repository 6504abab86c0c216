package io.camelupbit;

import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.error.UpbitAuthenticationException;
import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A wrong secret: the simulator refuses the JWT with HTTP 401; the private route hears an
 * UpbitAuthenticationException, its health is DOWN with a clear message, and attempts come at maxDelay only.
 */
class PrivateAuthenticationRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(
            b -> b.apiKey("auth-test-access", "the-right-secret"));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey("auth-test-access");
        component.setSecretKey("a-wrong-secret");
        component.setBaseDelay(10);
        component.setMaxDelay(300);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from("upbit:connection").to("mock:lifecycle");
                from("upbit:myOrder?bridgeErrorHandler=true").routeId("orders").to("mock:orders");
            }
        };
    }

    @Test
    void aWrongSecretIsRefusedReportedAndRetriedAtMaxDelayOnly() {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        await().until(() -> dead.getReceivedCounter() >= 2);
        Throwable cause = dead.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertThat(cause).isInstanceOf(UpbitAuthenticationException.class)
                .hasMessageContaining("refused the credentials").hasMessageContaining("HTTP 401");

        List<ConnectionEvent> reconnects = getMockEndpoint("mock:lifecycle").getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(ConnectionEvent.class))
                .filter(e -> e.state() == ConnectionState.RECONNECTING).toList();
        assertThat(reconnects).isNotEmpty().allSatisfy(e -> assertThat(e.delayMillis()).isEqualTo(300));
        assertThat(upbit.simulator().jwts()).isNotEmpty().allSatisfy(jwt -> assertThat(jwt.valid()).isFalse());

        await().untilAsserted(() -> {
            HealthCheck.Result health = HealthCheckHelper.invokeReadiness(context).stream()
                    .filter(r -> r.getCheck().getId().equals("consumer:orders")).findFirst().orElseThrow();
            assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("refused the credentials"));
        });
        assertThat(getMockEndpoint("mock:orders").getReceivedCounter()).isZero();
    }
}
