package io.camelupbit.event;

/** The conditions an {@code indicator_signal} reports when they become true. */
public enum SignalTrigger {
    /** volume: the candle's volume reaches {@code multiplier} times its average. */
    VOLUME_SPIKE("volume_spike"),
    /** rsi: at or above {@code threshold}. */
    OVERBOUGHT("overbought"),
    /** rsi: at or below {@code threshold}. */
    OVERSOLD("oversold"),
    /** moving_average: the close rises above the average; bollinger_bands: above the upper band. */
    PRICE_CROSS_ABOVE("price_cross_above"),
    /** moving_average: the close falls below the average; bollinger_bands: below the lower band. */
    PRICE_CROSS_BELOW("price_cross_below"),
    /** ma_crossover: the short average rises above the long one; macd: macd above its signal line. */
    GOLDEN_CROSS("golden_cross"),
    /** ma_crossover: the short average falls below the long one; macd: macd below its signal line. */
    DEAD_CROSS("dead_cross"),
    /** macd: turns positive. */
    ZERO_CROSS_ABOVE("zero_cross_above"),
    /** macd: turns negative. */
    ZERO_CROSS_BELOW("zero_cross_below"),
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN(null);

    private final String upbitName;

    SignalTrigger(String upbitName) {
        this.upbitName = upbitName;
    }

    /** Upbit's name, e.g. {@code golden_cross}; {@code null} for {@link #UNKNOWN}. */
    public String upbitName() {
        return upbitName;
    }

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static SignalTrigger of(String text) {
        for (SignalTrigger t : values()) {
            if (text.equals(t.upbitName)) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
