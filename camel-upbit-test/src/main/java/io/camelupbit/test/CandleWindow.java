package io.camelupbit.test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The closes and volumes of one market and timeframe up to one closed candle (oldest first): what the indicators of
 * that close are computed from. Immutable; the values of each {@link IndicatorSpec} are computed once, whichever
 * connections ask. Thread-safe.
 */
final class CandleWindow {

    private final SeriesKey series;
    private final double[] closes;
    private final double[] volumes;
    private final BigDecimal close;
    private final Instant candleStart;
    private final long sequence;
    private final Map<IndicatorSpec, Map<IndicatorValueKey, BigDecimal>> computed = new ConcurrentHashMap<>();

    /**
     * @param closes      closes, oldest first, copied
     * @param volumes     volumes of the same candles, copied
     * @param close       the exact close of the last candle, which the price-cross conditions compare with
     * @param candleStart the start of the last candle
     * @param sequence    how many candles of the series had closed since it was created (0: the seeded history)
     */
    CandleWindow(SeriesKey series, double[] closes, double[] volumes, BigDecimal close, Instant candleStart,
                 long sequence) {
        this.series = series;
        this.closes = closes.clone();
        this.volumes = volumes.clone();
        this.close = close;
        this.candleStart = candleStart;
        this.sequence = sequence;
    }

    SeriesKey series() {
        return series;
    }

    BigDecimal close() {
        return close;
    }

    Instant candleStart() {
        return candleStart;
    }

    long sequence() {
        return sequence;
    }

    /** The values of this indicator at this close. */
    Map<IndicatorValueKey, BigDecimal> values(IndicatorSpec spec) {
        return computed.computeIfAbsent(spec, s -> IndicatorMath.values(s, closes, volumes));
    }
}
