package io.camelupbit.test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import static io.camelupbit.test.IndicatorParamKey.FAST;
import static io.camelupbit.test.IndicatorParamKey.LONG_PERIOD;
import static io.camelupbit.test.IndicatorParamKey.MULTIPLIER;
import static io.camelupbit.test.IndicatorParamKey.PERIOD;
import static io.camelupbit.test.IndicatorParamKey.SHORT_PERIOD;
import static io.camelupbit.test.IndicatorParamKey.SIGNAL_PERIOD;
import static io.camelupbit.test.IndicatorParamKey.SLOW;
import static io.camelupbit.test.IndicatorParamKey.TYPE;

/**
 * The textbook formulas of the six indicators over closes and volumes (oldest first, the closed candle last),
 * computed in doubles and rounded to 8 decimals, as Upbit's examples show them ({@code 58.75323648}; at least one
 * decimal: {@code 106791950.0}).
 *
 * <ul>
 *   <li>volume: the candle's volume, the simple average of the last {@code period} volumes (the candle's
 *       included) and their ratio (0 when the average is 0);</li>
 *   <li>RSI: Wilder's smoothing (seeded with the simple averages of the first {@code period} gains and losses),
 *       within 0..100; 50 when the closes never moved;</li>
 *   <li>SMA and EMA ({@code 2 / (period + 1)}, seeded with the SMA of the first {@code period} closes), for the
 *       moving average and both lines of the crossover;</li>
 *   <li>Bollinger bands: the SMA, plus and minus the multiplier times the population standard deviation of the
 *       same closes;</li>
 *   <li>MACD: EMA(fast) - EMA(slow), its signal the EMA over {@code signal_period} of the MACD line, the histogram
 *       their difference (of the rounded values, so it agrees with them exactly).</li>
 * </ul>
 */
final class IndicatorMath {

    private static final int SCALE = 8;

    private IndicatorMath() {
    }

    /** The values of this indicator; the series must be longer than its longest period plus one. */
    static Map<IndicatorValueKey, BigDecimal> values(IndicatorSpec spec, double[] closes, double[] volumes) {
        Map<IndicatorValueKey, BigDecimal> v = new EnumMap<>(IndicatorValueKey.class);
        int n = closes.length;
        switch (spec.kind()) {
            case VOLUME -> {
                double volume = volumes[n - 1];
                double average = mean(volumes, spec.integer(PERIOD));
                v.put(IndicatorValueKey.VOLUME, round(volume));
                v.put(IndicatorValueKey.AVG_VOLUME, round(average));
                v.put(IndicatorValueKey.RATIO, round(average == 0 ? 0 : volume / average));
            }
            case RSI -> v.put(IndicatorValueKey.RSI, round(rsi(closes, spec.integer(PERIOD))));
            case MOVING_AVERAGE -> v.put(IndicatorValueKey.VALUE,
                    round(movingAverage(closes, spec.text(TYPE), spec.integer(PERIOD))));
            case MA_CROSSOVER -> {
                v.put(IndicatorValueKey.MA_SHORT,
                        round(movingAverage(closes, spec.text(TYPE), spec.integer(SHORT_PERIOD))));
                v.put(IndicatorValueKey.MA_LONG,
                        round(movingAverage(closes, spec.text(TYPE), spec.integer(LONG_PERIOD))));
            }
            case BOLLINGER_BANDS -> {
                int period = spec.integer(PERIOD);
                double middle = mean(closes, period);
                double squares = 0;
                for (int i = n - period; i < n; i++) {
                    squares += (closes[i] - middle) * (closes[i] - middle);
                }
                double width = spec.decimal(MULTIPLIER) * Math.sqrt(squares / period);
                v.put(IndicatorValueKey.BB_UPPER, round(middle + width));
                v.put(IndicatorValueKey.BB_MIDDLE, round(middle));
                v.put(IndicatorValueKey.BB_LOWER, round(middle - width));
            }
            case MACD -> {
                int slow = spec.integer(SLOW);
                double[] fastLine = ema(closes, 0, spec.integer(FAST));
                double[] slowLine = ema(closes, 0, slow);
                double[] macd = new double[n];
                for (int i = slow - 1; i < n; i++) {
                    macd[i] = fastLine[i] - slowLine[i];
                }
                BigDecimal line = round(macd[n - 1]);
                BigDecimal signal = round(ema(macd, slow - 1, spec.integer(SIGNAL_PERIOD))[n - 1]);
                v.put(IndicatorValueKey.MACD, line);
                v.put(IndicatorValueKey.MACD_SIGNAL, signal);
                v.put(IndicatorValueKey.HISTOGRAM, display(line.subtract(signal)));
            }
        }
        return Collections.unmodifiableMap(v);
    }

    private static double movingAverage(double[] closes, String type, int period) {
        return "EMA".equals(type) ? ema(closes, 0, period)[closes.length - 1] : mean(closes, period);
    }

    /** The mean of the last {@code period} values. */
    private static double mean(double[] x, int period) {
        double sum = 0;
        for (int i = x.length - period; i < x.length; i++) {
            sum += x[i];
        }
        return sum / period;
    }

    /** The EMA of {@code x} from index {@code from} on, defined from {@code from + period - 1}. */
    private static double[] ema(double[] x, int from, int period) {
        double[] out = new double[x.length];
        int seeded = from + period - 1;
        double sum = 0;
        for (int i = from; i <= seeded; i++) {
            sum += x[i];
        }
        out[seeded] = sum / period;
        double k = 2.0 / (period + 1);
        for (int i = seeded + 1; i < x.length; i++) {
            out[i] = x[i] * k + out[i - 1] * (1 - k);
        }
        return out;
    }

    private static double rsi(double[] closes, int period) {
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= period; i++) {
            double change = closes[i] - closes[i - 1];
            gain += Math.max(change, 0);
            loss += Math.max(-change, 0);
        }
        gain /= period;
        loss /= period;
        for (int i = period + 1; i < closes.length; i++) {
            double change = closes[i] - closes[i - 1];
            gain = (gain * (period - 1) + Math.max(change, 0)) / period;
            loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
        }
        if (loss == 0) {
            return gain == 0 ? 50 : 100;
        }
        return Math.min(100, Math.max(0, 100 - 100 / (1 + gain / loss)));
    }

    private static BigDecimal round(double value) {
        return display(BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_UP));
    }

    /** Trailing zeros dropped, but one decimal kept, as Upbit writes {@code 106791950.0}. */
    private static BigDecimal display(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
    }
}
