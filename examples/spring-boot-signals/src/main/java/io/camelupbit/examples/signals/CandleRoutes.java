package io.camelupbit.examples.signals;

import org.apache.camel.builder.RouteBuilder;

/** Closed 1-minute candles of one market into the detector; the signals it makes go to the delivery route. */
public class CandleRoutes extends RouteBuilder {

    private final String code;
    private final SignalDetector detector;

    /**
     * @param code     the market, e.g. {@code KRW-BTC}
     * @param detector the signal detector
     */
    public CandleRoutes(String code, SignalDetector detector) {
        this.code = code;
        this.detector = detector;
    }

    @Override
    public void configure() {
        // closedOnly: one final candle per minute instead of Upbit's running updates
        from("upbit:candle.1m?codes=" + code + "&closedOnly=true").routeId("candles")
                .bean(detector, "onCandle")
                .filter(body().isNotNull())
                    .to(SignalDeliveryRoutes.SIGNALS);
    }
}
