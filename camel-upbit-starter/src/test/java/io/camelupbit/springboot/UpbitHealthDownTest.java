package io.camelupbit.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import io.camelupbit.test.UpbitSimulator;

/**
 * An Upbit route whose connection keeps failing turns {@code /actuator/health} DOWN, with Camel's default exposure
 * (which lists the checks that are DOWN): the simulator refuses every handshake, and after
 * {@code consecutive-errors-threshold} failures the route's consumer check is DOWN.
 */
@SpringBootTest(classes = { TestApplication.class, UpbitHealthDownTest.Routes.class }, properties = {
        "camel.component.upbit.base-delay=50ms",
        "camel.component.upbit.max-delay=100ms",
        "camel.component.upbit.consecutive-errors-threshold=2",
        "camel.component.upbit.shutdown-quiet-period=0",
        "management.endpoint.health.show-details=always" })
@ContextConfiguration(initializers = UpbitStarterTest.FastSimulator.class)
@DirtiesContext
class UpbitHealthDownTest {

    @Autowired
    HealthEndpoint health;
    @Autowired
    UpbitSimulator simulator;

    @Test
    void failingConnectionsTurnTheActuatorHealthDown() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            IndicatedHealthDescriptor camelHealth = UpbitStarterTest.camelHealth(health);
            assertThat(camelHealth.getDetails()).containsEntry("consumer:feed", "DOWN");
            assertThat(camelHealth.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        });
        assertThat(simulator.handshakes()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(handshake -> assertThat(handshake.status()).isEqualTo(503));
    }

    /** A route on a simulator that refuses every handshake (set up before the route starts). */
    @TestConfiguration
    static class Routes {
        @Bean
        RouteBuilder feed(UpbitSimulator simulator) {
            simulator.refuseHandshakes(Integer.MAX_VALUE, 503, null);
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit:ticker?codes=KRW-BTC").routeId("feed").process(exchange -> { });
                }
            };
        }
    }
}
