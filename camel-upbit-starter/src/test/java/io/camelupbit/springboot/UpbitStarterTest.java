package io.camelupbit.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import io.camelupbit.UpbitComponent;
import io.camelupbit.UpbitConsumer;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorInitializer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

/**
 * The starter in a Spring Boot application with the actuator: {@code camel.component.upbit.*} from the properties
 * (several spellings) reaches the component Camel creates, a route gets the simulator's tickers, the route's Upbit
 * health check is part of the actuator's health, and the {@code upbit.*} meters are in the registry with their tags,
 * following the route through stop and start.
 */
@SpringBootTest(classes = { TestApplication.class, UpbitStarterTest.Routes.class }, properties = {
        "camel.component.upbit.send-linger=250ms",
        "camel.component.upbit.connectionLinger=2s",
        "camel.component.upbit.max_reconnect_attempts=7",
        "camel.component.upbit.heartbeat-interval=PT20S",
        "camel.component.upbit.idle-timeout=45000",
        "camel.component.upbit.jitter=0.25",
        "camel.component.upbit.rate-limit-strategy=conservative",
        "camel.component.upbit.compression=false",
        "camel.component.upbit.shutdown-quiet-period=0",
        "management.endpoint.health.show-details=always",
        // Camel lists only the checks that are DOWN unless the exposure level is full
        "camel.health.exposure-level=full" })
@ContextConfiguration(initializers = { UpbitStarterTest.FastSimulator.class,
        UpbitStarterTest.EnvironmentVariables.class })
@DirtiesContext
class UpbitStarterTest {

    @Autowired
    CamelContext camel;
    @Autowired
    UpbitSimulator simulator;
    @Autowired
    MeterRegistry registry;
    @Autowired
    HealthEndpoint health;
    @Autowired
    Routes routes;

    @Test
    void propertiesInEverySpellingBindOntoTheComponentAndTheRestKeepsItsDefaults() {
        UpbitComponent upbit = camel.getComponent("upbit", UpbitComponent.class);

        assertThat(upbit.getUrl()).isEqualTo(simulator.url());
        assertThat(upbit.getSendLinger()).isEqualTo(250);
        assertThat(upbit.getConnectionLinger()).isEqualTo(2000);
        assertThat(upbit.getMaxReconnectAttempts()).isEqualTo(7);
        assertThat(upbit.getHeartbeatInterval()).isEqualTo(20_000);
        assertThat(upbit.getIdleTimeout()).isEqualTo(45_000);
        assertThat(upbit.getJitter()).isEqualTo(0.25);
        assertThat(upbit.getRateLimitStrategy()).isEqualTo("conservative");
        assertThat(upbit.isCompression()).isFalse();
        assertThat(upbit.getShutdownQuietPeriod()).isZero();
        // from an environment variable
        assertThat(upbit.getBanPause()).isEqualTo(90_000);
        // not set anywhere: the component's own defaults
        assertThat(upbit.getMaxFrameSize()).isEqualTo(1024 * 1024);
        assertThat(upbit.getRegion()).isEqualTo("KR");
        assertThat(upbit.getBaseDelay()).isEqualTo(1000);
        assertThat(upbit.getAccessKey()).isNull();
    }

    @Test
    void aRouteReceivesTheSimulatorsTickers() {
        await().atMost(Duration.ofSeconds(20)).until(() -> routes.tickers.size() >= 3);
        assertThat(routes.tickers).allSatisfy(ticker -> {
            assertThat(ticker.code()).isEqualTo("KRW-BTC");
            assertThat(ticker.tradePrice()).isPositive();
        });
    }

    @Test
    void theActuatorHealthHasTheUpbitConsumerCheck() {
        HealthCheckRegistry checks = HealthCheckRegistry.get(camel);
        assertThat(checks.getRepository("consumers")).hasValueSatisfying(
                repository -> assertThat(repository.isEnabled()).isTrue());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            IndicatedHealthDescriptor camelHealth = camelHealth(health);
            assertThat(camelHealth.getDetails()).containsEntry("consumer:tickers", "UP");
            assertThat(camelHealth.getStatus()).isEqualTo(Status.UP);
        });
    }

    /** The component of {@code /actuator/health} that camel-spring-boot contributes (bean {@code camelHealth}). */
    static IndicatedHealthDescriptor camelHealth(HealthEndpoint health) {
        HealthDescriptor camelHealth = ((CompositeHealthDescriptor) health.health()).getComponents().get("camelHealth");
        assertThat(camelHealth).isInstanceOf(IndicatedHealthDescriptor.class);
        return (IndicatedHealthDescriptor) camelHealth;
    }

    @Test
    void sessionAndRouteMetersAreRegisteredWithTheirTags() {
        await().atMost(Duration.ofSeconds(20)).until(() -> routes.tickers.size() >= 3);
        String session = "public@127.0.0.1:" + simulator.port();
        UpbitConsumer consumer = (UpbitConsumer) camel.getRoute("tickers").getConsumer();

        FunctionCounter frames = registry.get("upbit.session.frames")
                .tags("component", "upbit", "session", session, "channel", "public").functionCounter();
        assertThat(frames.count()).isPositive();
        // tagged as camel-micrometer tags its meters
        assertThat(frames.getId().getTag("camelContext")).isEqualTo(camel.getName());
        // the time reads were paused, as a time gauge the registry shows in its own unit
        assertThat(registry.get("upbit.session.paused").tag("session", session).timeGauge()
                .value(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(0);
        assertThat(registry.get("upbit.session.connected").tag("session", session).gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("upbit.session.connects").tag("session", session).functionCounter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("upbit.session.bytes").tag("session", session).functionCounter().getId()
                .getBaseUnit()).isEqualTo("bytes");
        assertThat(registry.get("upbit.session.subscribe.messages").tag("session", session).functionCounter()
                .count()).isPositive();

        FunctionCounter delivered = registry.get("upbit.route.delivered")
                .tags("routeId", "tickers", "session", session).functionCounter();
        assertThat(delivered.count()).isPositive().isLessThanOrEqualTo(consumer.getDelivered());
        assertThat(registry.get("upbit.route.routed").tag("routeId", "tickers").functionCounter().count())
                .isPositive();
        Gauge depth = registry.get("upbit.route.mailbox.depth").tag("routeId", "tickers").gauge();
        assertThat(depth.value()).isGreaterThanOrEqualTo(0);
        // the route of another component has none
        assertThat(registry.find("upbit.route.delivered").tag("routeId", "timer").meters()).isEmpty();
    }

    @Test
    void routeMetersFollowTheRouteThroughStopAndStart() throws Exception {
        String route = "restartable";
        camel.getRouteController().startRoute(route);
        assertThat(meters(route)).hasSize(8);
        FunctionCounter before = registry.get("upbit.route.routed").tag("routeId", route).functionCounter();

        camel.getRouteController().stopRoute(route);
        assertThat(meters(route)).isEmpty();

        // a restarted route has a new consumer, so its meters are new ones reading it
        camel.getRouteController().startRoute(route);
        assertThat(meters(route)).hasSize(8);
        assertThat(registry.get("upbit.route.routed").tag("routeId", route).functionCounter()).isNotSameAs(before);

        camel.getRouteController().stopRoute(route);
        assertThat(meters(route)).isEmpty();
        // the session stays (the other route still uses it)
        assertThat(registry.find("upbit.session.frames").meters()).hasSize(1);
    }

    private List<?> meters(String route) {
        return List.copyOf(Search.in(registry).name(name -> name.startsWith("upbit.route.")).tag("routeId", route)
                .meters());
    }

    /** The kit's simulator (seed 7, the bean {@code upbitSimulator}) at ten times the wall clock's speed. */
    static class FastSimulator extends UpbitSimulatorInitializer {
        @Override
        protected UpbitSimulator.Builder builder() {
            return super.builder().speed(10);
        }
    }

    /** Properties given as environment variables, in their upper-case form. */
    static class EnvironmentVariables implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("CAMEL_COMPONENT_UPBIT_BANPAUSE=90s")
                    .applyTo(context.getEnvironment(), TestPropertyValues.Type.SYSTEM_ENVIRONMENT);
        }
    }

    /** The test's routes: tickers from the simulator, a second Upbit route started by hand, and a timer. */
    @TestConfiguration
    static class Routes {
        final List<TickerEvent> tickers = new CopyOnWriteArrayList<>();

        @Bean
        RouteBuilder upbitRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit:ticker?codes=KRW-BTC").routeId("tickers")
                            .process(exchange -> tickers.add(exchange.getMessage().getBody(TickerEvent.class)));
                    from("upbit:trade?codes=KRW-ETH").routeId("restartable").autoStartup(false)
                            .process(exchange -> { });
                    from("timer:idle?period=60000").routeId("timer").process(exchange -> { });
                }
            };
        }
    }
}
