package io.camelupbit.examples.signals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The app's settings ({@code signals.*}).
 *
 * @param live        connect to the real Upbit instead of the embedded simulator; the private routes then need real
 *                    keys ({@code camel.component.upbit.access-key} and {@code secret-key}) and stay off without them
 * @param code        the market to watch, e.g. {@code KRW-BTC}
 * @param shortWindow closes in the short moving average
 * @param longWindow  closes in the long moving average
 * @param orderVolume the quantity of the order a signal becomes
 * @param tradeForReal live only: place real orders with {@code upbit:placeOrder}; by default they go to
 *                    {@code upbit:testOrder}, which validates them and places nothing
 * @param simulator   the embedded simulator (when not live)
 * @param breaker     the circuit breaker in front of the order gateway
 */
@ConfigurationProperties("signals")
public record SignalsProperties(
        @DefaultValue("false") boolean live,
        @DefaultValue("KRW-BTC") String code,
        @DefaultValue("3") int shortWindow,
        @DefaultValue("8") int longWindow,
        @DefaultValue("0.001") BigDecimal orderVolume,
        @DefaultValue("false") boolean tradeForReal,
        @DefaultValue Simulator simulator,
        @DefaultValue Breaker breaker) {

    /**
     * The embedded simulator.
     *
     * @param seed         the market model's seed: the same seed gives the same trades
     * @param speed        simulated time per wall-clock time (60: a 1-minute candle closes every second)
     * @param tickInterval simulated time between two trades of a market
     * @param start        where simulated time begins; the wall-clock time of the start when not set
     * @param accessKey    the demo account's access key
     * @param secretKey    the demo account's secret key
     * @param depositKrw   KRW deposited in the demo account at start
     * @param depositBase  the market's base currency (BTC for KRW-BTC) deposited at start, so SELL signals can fill
     * @param fillOrders   the simulated market fills resting limit orders its trades reach, at their limit price
     */
    public record Simulator(
            @DefaultValue("7") long seed,
            @DefaultValue("60") double speed,
            @DefaultValue("200ms") Duration tickInterval,
            Instant start,
            @DefaultValue("demo-access-key") String accessKey,
            @DefaultValue("demo-secret-key") String secretKey,
            @DefaultValue("100000000") BigDecimal depositKrw,
            @DefaultValue("1") BigDecimal depositBase,
            @DefaultValue("true") boolean fillOrders) {
    }

    /**
     * The resilience4j circuit breaker of the signal delivery.
     *
     * @param failureRateThreshold failed calls, in percent of the window, that open the breaker
     * @param slidingWindowSize    the calls the failure rate is measured over
     * @param minimumCalls         calls before the failure rate counts
     * @param waitInOpenState      how long the breaker stays open before letting a trial call through
     */
    public record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("4") int slidingWindowSize,
            @DefaultValue("4") int minimumCalls,
            @DefaultValue("30s") Duration waitInOpenState) {
    }
}
