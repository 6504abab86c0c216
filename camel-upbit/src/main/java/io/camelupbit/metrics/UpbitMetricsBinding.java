package io.camelupbit.metrics;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ManagementStrategy;
import org.apache.camel.support.service.ServiceHelper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Binds the {@code upbit.*} meters to a CamelContext whose registry holds one {@link MeterRegistry}, in any runtime
 * (Camel Main, plain Camel, Quarkus), unless an {@link UpbitMetricsEventNotifier} is there already (the Spring Boot
 * starter registers its own, on Boot's registry). Micrometer is an optional dependency of camel-upbit: the component
 * calls this class only when Micrometer is on the classpath.
 */
public final class UpbitMetricsBinding {

    private UpbitMetricsBinding() {
    }

    /**
     * Binds the meters once per context.
     *
     * @param context the context whose Upbit sessions and routes to measure
     * @return whether the meters are bound now (by this call or before); false when the registry holds no
     *         {@link MeterRegistry}, or several (then bind one yourself:
     *         {@code context.getManagementStrategy().addEventNotifier(new UpbitMetricsEventNotifier(new UpbitMeters(registry)))})
     */
    public static synchronized boolean bind(CamelContext context) {
        ManagementStrategy management = context.getManagementStrategy();
        if (management.getEventNotifiers().stream().anyMatch(UpbitMetricsEventNotifier.class::isInstance)) {
            return true;
        }
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            return false;
        }
        UpbitMetricsEventNotifier notifier = new UpbitMetricsEventNotifier(new UpbitMeters(registry));
        management.addEventNotifier(notifier);
        // a component starts while the context starts or later (a route added at run time): the notifier then
        // missed the context's start, so it starts itself
        ServiceHelper.startService(notifier);
        return true;
    }
}
