package io.camelupbit.examples.signals;

import org.apache.camel.builder.RouteBuilder;

/**
 * Signals to the order gateway through Camel's circuit breaker EIP (resilience4j): after enough failures the breaker
 * opens and signals go straight to the fallback, which records them as rejected, until a trial call succeeds again.
 */
public class SignalDeliveryRoutes extends RouteBuilder {

    /** Where signals come in. */
    public static final String SIGNALS = "direct:signals";
    /** The downstream call the breaker guards. */
    public static final String GATEWAY = "direct:order-gateway";

    private final SignalsProperties.Breaker breaker;
    private final OrderGateway gateway;
    private final SignalDeliveries deliveries;

    /**
     * @param breaker    the breaker's settings
     * @param gateway    where signals go
     * @param deliveries what became of them
     */
    public SignalDeliveryRoutes(SignalsProperties.Breaker breaker, OrderGateway gateway,
                                SignalDeliveries deliveries) {
        this.breaker = breaker;
        this.gateway = gateway;
        this.deliveries = deliveries;
    }

    @Override
    public void configure() {
        from(SIGNALS).routeId("signal-delivery")
                .circuitBreaker()
                    .resilience4jConfiguration()
                        .failureRateThreshold(breaker.failureRateThreshold())
                        .slidingWindowSize(breaker.slidingWindowSize())
                        .minimumNumberOfCalls(breaker.minimumCalls())
                        .waitDurationInOpenState((int) breaker.waitInOpenState().toSeconds())
                    .end()
                    .to(GATEWAY)
                    .bean(deliveries, "delivered")
                .onFallback()
                    .bean(deliveries, "rejected")
                .end();

        // no error handler of its own: a failure goes back to the breaker, which counts it and calls the fallback
        from(GATEWAY).routeId("order-gateway").errorHandler(noErrorHandler())
                .bean(gateway, "submit");
    }
}
