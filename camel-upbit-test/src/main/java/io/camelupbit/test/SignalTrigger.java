package io.camelupbit.test;

import java.math.BigDecimal;
import java.util.Map;

import static io.camelupbit.test.IndicatorValueKey.BB_LOWER;
import static io.camelupbit.test.IndicatorValueKey.BB_UPPER;
import static io.camelupbit.test.IndicatorValueKey.MACD;
import static io.camelupbit.test.IndicatorValueKey.MACD_SIGNAL;
import static io.camelupbit.test.IndicatorValueKey.MA_LONG;
import static io.camelupbit.test.IndicatorValueKey.MA_SHORT;
import static io.camelupbit.test.IndicatorValueKey.RATIO;
import static io.camelupbit.test.IndicatorValueKey.RSI;
import static io.camelupbit.test.IndicatorValueKey.VALUE;

/**
 * The triggers of {@code indicator_signal} and when each one's condition is met after a candle close
 * (research-new-streams.md §b.3, §e). For the comparisons of two lines (moving averages, Bollinger bands, MACD) equal
 * values keep the previous state, Upbit's rule ("마지막으로 두 값이 달랐던 시점의 상태"); RSI and volume spikes compare
 * with their threshold plainly.
 */
enum SignalTrigger {
    VOLUME_SPIKE("volume_spike"),
    OVERBOUGHT("overbought"),
    OVERSOLD("oversold"),
    PRICE_CROSS_ABOVE("price_cross_above"),
    PRICE_CROSS_BELOW("price_cross_below"),
    GOLDEN_CROSS("golden_cross"),
    DEAD_CROSS("dead_cross"),
    ZERO_CROSS_ABOVE("zero_cross_above"),
    ZERO_CROSS_BELOW("zero_cross_below");

    private final String wireName;

    SignalTrigger(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /**
     * Whether the condition holds with these values.
     *
     * @param values   the indicator's values at the close, as written (8 decimals), so the state agrees with them
     * @param close    the candle's close
     * @param previous the state before this close, kept when the compared values are equal
     */
    boolean met(IndicatorChoice choice, Map<IndicatorValueKey, BigDecimal> values, BigDecimal close,
                boolean previous) {
        boolean movingAverage = choice.spec().kind() == IndicatorKind.MOVING_AVERAGE;
        boolean crossover = choice.spec().kind() == IndicatorKind.MA_CROSSOVER;
        return switch (this) {
            case VOLUME_SPIKE -> values.get(RATIO).compareTo(choice.eventParams().get(EventParamKey.MULTIPLIER)) >= 0;
            case OVERBOUGHT -> values.get(RSI).compareTo(choice.eventParams().get(EventParamKey.THRESHOLD)) >= 0;
            case OVERSOLD -> values.get(RSI).compareTo(choice.eventParams().get(EventParamKey.THRESHOLD)) <= 0;
            case PRICE_CROSS_ABOVE -> side(close.compareTo(values.get(movingAverage ? VALUE : BB_UPPER)), previous);
            case PRICE_CROSS_BELOW -> side(-close.compareTo(values.get(movingAverage ? VALUE : BB_LOWER)), previous);
            case GOLDEN_CROSS -> side(crossover ? values.get(MA_SHORT).compareTo(values.get(MA_LONG))
                    : values.get(MACD).compareTo(values.get(MACD_SIGNAL)), previous);
            case DEAD_CROSS -> side(-(crossover ? values.get(MA_SHORT).compareTo(values.get(MA_LONG))
                    : values.get(MACD).compareTo(values.get(MACD_SIGNAL))), previous);
            case ZERO_CROSS_ABOVE -> side(values.get(MACD).signum(), previous);
            case ZERO_CROSS_BELOW -> side(-values.get(MACD).signum(), previous);
        };
    }

    private static boolean side(int comparison, boolean previous) {
        return comparison == 0 ? previous : comparison > 0;
    }

    /** The trigger of this exact name, or {@code null}. */
    static SignalTrigger byName(String name) {
        for (SignalTrigger t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
