package io.camelupbit;

import java.net.URI;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

import io.camelupbit.session.DeliveryStats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camel test whose {@code upbit} component points at a given URL (usually the simulator) and stops fast; a test
 * whose name starts with {@code withReplace} runs with {@code resubscribe=replace}.
 */
abstract class UpbitRouteTestSupport extends CamelTestSupport {

    /** The component's url. */
    protected abstract String upbitUrl();

    /** Further component settings of a test. */
    protected void configure(UpbitComponent component) {
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        UpbitComponent component = new UpbitComponent();
        component.setUrl(upbitUrl());
        component.setRestUrl(restUrlBeside(upbitUrl()));
        component.setShutdownQuietPeriod(0);
        if (getCurrentTestName().startsWith("withReplace")) {
            // a test of resubscribe=replace says so in its name; the others run the default, overlap
            component.setResubscribe("replace");
        }
        configure(component);
        context.addComponent("upbit", component);
        // consumer health checks, as Camel Main and Spring Boot enable them by default
        HealthCheckRegistry health = context.getCamelContextExtension().getContextPlugin(HealthCheckRegistry.class);
        HealthCheckRepository consumers = health.getRepository("consumers")
                .orElse((HealthCheckRepository) health.resolveById("consumers"));
        consumers.setEnabled(true);
        health.register(consumers);
        return context;
    }

    /**
     * The simulator serves REST on its WebSocket port: the REST URL beside a WebSocket URL, so that the reconciliation
     * of a private route never looks further than loopback (a test may set its own in {@link #configure}).
     */
    private static String restUrlBeside(String webSocketUrl) {
        URI uri = URI.create(webSocketUrl);
        return ("wss".equals(uri.getScheme()) ? "https" : "http") + "://" + uri.getAuthority();
    }

    /** The readiness result of a route's consumer check, whether UP or DOWN (Camel lists only DOWN ones by default). */
    protected HealthCheck.Result health(String routeId) {
        return HealthCheckHelper.invoke(context, "full").stream()
                .filter(r -> r.getCheck().getId().equals("consumer:" + routeId)).findFirst().orElseThrow();
    }

    protected UpbitComponent upbitComponent() {
        return context.getComponent("upbit", UpbitComponent.class);
    }

    /** Inside the component nothing vanishes: every route's counters add up, whatever the test did. */
    @AfterEach
    void everyRoutedEventIsAccountedFor() {
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof UpbitConsumer consumer) {
                DeliveryStats stats = consumer.stats();
                assertThat(stats.balanced()).as("%s: %s", route.getRouteId(), stats).isTrue();
            }
        }
    }
}
