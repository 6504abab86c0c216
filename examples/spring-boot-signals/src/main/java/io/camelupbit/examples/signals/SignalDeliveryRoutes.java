package io.camelupbit.examples.signals;

import java.math.BigDecimal;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

import io.camelupbit.UpbitConstants;
import io.camelupbit.error.UpbitException;

/**
 * Signals become orders through Camel's circuit breaker EIP (resilience4j): after enough failures the breaker opens
 * and signals go straight to the fallback, which records them as rejected, until a trial call succeeds again. Behind
 * the breaker, the app's orders still open on the market are cancelled ({@code upbit:cancelOrder}), then the signal's
 * limit order goes to the {@link OrderTarget} ({@code upbit:placeOrder}, or {@code upbit:testOrder} live).
 */
public class SignalDeliveryRoutes extends RouteBuilder {

    /** Where signals come in. */
    public static final String SIGNALS = "direct:signals";
    /** The downstream call the breaker guards. */
    public static final String GATEWAY = "direct:order-gateway";

    private static final String SIGNAL = "signal";
    private static final String CANCEL_OPEN_ORDERS = "direct:cancel-open-orders";

    private final SignalsProperties.Breaker breaker;
    private final OrderTarget target;
    private final BigDecimal volume;
    private final AccountActivity account;
    private final SignalDeliveries deliveries;

    /**
     * @param breaker    the breaker's settings
     * @param target     where orders go
     * @param volume     the quantity of every order
     * @param account    the account as the private streams report it: which of the app's orders are open
     * @param deliveries what became of the signals
     */
    public SignalDeliveryRoutes(SignalsProperties.Breaker breaker, OrderTarget target, BigDecimal volume,
                                AccountActivity account, SignalDeliveries deliveries) {
        this.breaker = breaker;
        this.target = target;
        this.volume = volume;
        this.account = account;
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
        RouteDefinition gateway = from(GATEWAY).routeId("order-gateway").errorHandler(noErrorHandler())
                .setProperty(SIGNAL, body());
        if (target.places()) {
            gateway.to(CANCEL_OPEN_ORDERS).setBody(exchangeProperty(SIGNAL));
        }
        gateway.process(exchange -> exchange.getMessage().setBody(
                        exchange.getMessage().getBody(Signal.class).toOrder(volume)))
                .to(target.placeUri())
                // the signal, not Upbit's answer, is what the breaker's caller records
                .setBody(exchangeProperty(SIGNAL));

        if (target.places()) {
            from(CANCEL_OPEN_ORDERS).routeId("cancel-open-orders").errorHandler(noErrorHandler())
                    .setBody(method(account, "openSignalOrders"))
                    .split(body())
                        .doTry()
                            .setHeader(UpbitConstants.ORDER_UUID, body())
                            .to(target.cancelUri())
                        .doCatch(UpbitException.class)
                            // filled or cancelled meanwhile: the next myOrder event says which
                            .log("Order ${header." + UpbitConstants.ORDER_UUID + "} was not cancelled: "
                                    + "${exception.message}")
                        .end()
                    .end();
        }
    }
}
