package io.camelupbit.event;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The parameters of an indicator, as Upbit echoes them in each item; only those of the item's indicator are set, the
 * others are {@code null}.
 *
 * @param period       volume, rsi, moving_average, bollinger_bands: the number of candles
 * @param maType       moving_average, ma_crossover: simple or exponential
 * @param shortPeriod  ma_crossover: the short average's period
 * @param longPeriod   ma_crossover: the long average's period
 * @param multiplier   bollinger_bands: standard deviations either side (Upbit writes one decimal, {@code 2.0})
 * @param fast         macd: the fast average's period
 * @param slow         macd: the slow average's period
 * @param signalPeriod macd: the signal line's period
 */
public record IndicatorParams(
        Integer period,
        MovingAverageType maType,
        Integer shortPeriod,
        Integer longPeriod,
        BigDecimal multiplier,
        Integer fast,
        Integer slow,
        Integer signalPeriod) {

    /**
     * Whether both name the same parameters; multipliers compare by value, so {@code 2} and {@code 2.0} are the same.
     */
    public boolean sameAs(IndicatorParams other) {
        return other != null
                && Objects.equals(period, other.period)
                && maType == other.maType
                && Objects.equals(shortPeriod, other.shortPeriod)
                && Objects.equals(longPeriod, other.longPeriod)
                && (multiplier == null ? other.multiplier == null
                        : other.multiplier != null && multiplier.compareTo(other.multiplier) == 0)
                && Objects.equals(fast, other.fast)
                && Objects.equals(slow, other.slow)
                && Objects.equals(signalPeriod, other.signalPeriod);
    }
}
