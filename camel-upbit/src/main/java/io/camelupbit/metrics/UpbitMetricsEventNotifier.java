package io.camelupbit.metrics;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.CamelContextEvent;
import org.apache.camel.spi.CamelEvent.CamelContextStartedEvent;
import org.apache.camel.spi.CamelEvent.CamelContextStoppedEvent;
import org.apache.camel.spi.CamelEvent.RouteEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Keeps {@link UpbitMeters} in step with the CamelContext: every route event (added, started, stopped, suspended,
 * removed, ...) refreshes the meters, and the context's stop removes them. Camel picks this notifier up from the
 * registry (it is a bean of the auto-configuration).
 */
public class UpbitMetricsEventNotifier extends EventNotifierSupport {

    private final UpbitMeters meters;

    /**
     * @param meters the meters to keep in step
     */
    public UpbitMetricsEventNotifier(UpbitMeters meters) {
        this.meters = meters;
        // only lifecycle events matter: never pay for one call per exchange
        setIgnoreExchangeEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreServiceEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof RouteEvent || event instanceof CamelContextStartedEvent
                || event instanceof CamelContextStoppedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelContextStoppedEvent) {
            meters.clear();
        } else if (event instanceof RouteEvent route) {
            meters.refresh(route.getRoute().getCamelContext());
        } else if (event instanceof CamelContextEvent context) {
            meters.refresh(context.getContext());
        }
    }
}
