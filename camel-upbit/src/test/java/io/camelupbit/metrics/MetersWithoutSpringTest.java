package io.camelupbit.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.UpbitComponent;
import io.camelupbit.test.UpbitSimulatorExtension;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code upbit.*} meters without Spring: a {@code MeterRegistry} in Camel's registry is all it takes, in a Camel
 * Main application and in a plain CamelContext; tagged as camel-micrometer tags its meters.
 */
class MetersWithoutSpringTest {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    @Test
    void aCamelMainApplicationWithAMeterRegistryGetsTheMeters() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Main main = new Main();
        main.bind("meterRegistry", registry);
        main.addInitialProperty("camel.main.name", "meters-app");
        main.addInitialProperty("camel.component.upbit.url", upbit.url());
        main.addInitialProperty("camel.component.upbit.rest-url", upbit.simulator().restUrl());
        main.configure().addRoutesBuilder(tickers());
        main.start();
        try {
            await().until(() -> delivered(registry) > 0);
            String session = upbit.simulator().connections().isEmpty() ? null
                    : "public@127.0.0.1:" + upbit.simulator().port();

            FunctionCounter routed = registry.get("upbit.route.routed").functionCounter();
            assertThat(routed.getId().getTags()).extracting(t -> t.getKey() + "=" + t.getValue())
                    .containsExactlyInAnyOrder("camelContext=meters-app", "routeId=tickers", "session=" + session);
            assertThat(registry.get("upbit.route.mailbox.depth").tag("routeId", "tickers").gauge().value())
                    .isGreaterThanOrEqualTo(0);

            Meter frames = registry.get("upbit.session.frames").meter();
            assertThat(frames.getId().getTags()).extracting(t -> t.getKey() + "=" + t.getValue())
                    .containsExactlyInAnyOrder("camelContext=meters-app", "component=upbit", "session=" + session,
                            "channel=public");
            assertThat(registry.get("upbit.session.connected").tag("camelContext", "meters-app").gauge().value())
                    .isEqualTo(1.0);
            // paused time is a time gauge (a registry shows it in its base unit), not a count of milliseconds
            TimeGauge paused = registry.get("upbit.session.paused").timeGauge();
            assertThat(paused.value(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(0);
            assertThat(registry.getMeters()).extracting(m -> m.getId().getName())
                    .allMatch(name -> name.startsWith("upbit."))
                    .contains("upbit.session.bytes", "upbit.session.events", "upbit.session.reconnects",
                            "upbit.route.delivered", "upbit.route.failed", "upbit.route.dropped");
        } finally {
            main.stop();
        }
        // the context stopped: its meters went with it
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void aPlainCamelContextWithAMeterRegistryGetsTheMetersOnce() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("meterRegistry", registry);
            context.getCamelContextExtension().setName("plain");
            // two Upbit components in one context: one binding measures both
            for (String name : new String[] {"upbit", "upbit2"}) {
                UpbitComponent component = new UpbitComponent();
                component.setUrl(upbit.url());
                component.setRestUrl(upbit.simulator().restUrl());
                component.setShutdownQuietPeriod(0);
                context.addComponent(name, component);
            }
            context.addRoutes(tickers());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit2:trade?codes=KRW-ETH").routeId("trades").process(exchange -> { });
                }
            });
            context.start();
            await().until(() -> delivered(registry) > 0
                    && registry.find("upbit.route.delivered").tag("routeId", "trades").functionCounter() != null);

            assertThat(context.getManagementStrategy().getEventNotifiers())
                    .filteredOn(UpbitMetricsEventNotifier.class::isInstance).hasSize(1);
            assertThat(registry.find("upbit.session.frames").meters()).extracting(m -> m.getId().getTag("component"))
                    .containsExactlyInAnyOrder("upbit", "upbit2");
            assertThat(registry.get("upbit.route.routed").tag("routeId", "trades").functionCounter().getId()
                    .getTag("camelContext")).isEqualTo("plain");
        }
    }

    private static RouteBuilder tickers() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-BTC").routeId("tickers").process(exchange -> { });
            }
        };
    }

    private static double delivered(SimpleMeterRegistry registry) {
        FunctionCounter counter = registry.find("upbit.route.delivered").tag("routeId", "tickers").functionCounter();
        return counter == null ? 0 : counter.count();
    }
}
