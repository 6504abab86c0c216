package io.camelupbit.event;

import java.math.BigDecimal;

/**
 * The computed values of an indicator at a candle's close ({@code value}); only those of the item's indicator are set,
 * the others are {@code null}.
 *
 * @param volume     volume: the candle's volume
 * @param avgVolume  volume: the average volume over the period
 * @param ratio      volume: volume / average
 * @param rsi        rsi: 0 to 100
 * @param value      moving_average: the average
 * @param maShort    ma_crossover: the short average
 * @param maLong     ma_crossover: the long average
 * @param bbUpper    bollinger_bands: the upper band
 * @param bbMiddle   bollinger_bands: the middle line (the moving average)
 * @param bbLower    bollinger_bands: the lower band
 * @param macd       macd: fast average minus slow average
 * @param macdSignal macd: the signal line
 * @param histogram  macd: macd minus signal (may be negative)
 */
public record IndicatorValues(
        BigDecimal volume,
        BigDecimal avgVolume,
        BigDecimal ratio,
        BigDecimal rsi,
        BigDecimal value,
        BigDecimal maShort,
        BigDecimal maLong,
        BigDecimal bbUpper,
        BigDecimal bbMiddle,
        BigDecimal bbLower,
        BigDecimal macd,
        BigDecimal macdSignal,
        BigDecimal histogram) {
}
