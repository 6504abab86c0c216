package io.camelupbit.event;

/** The technical indicators Upbit computes. */
public enum IndicatorType {
    /** Candle volume against its average over {@code period}. */
    VOLUME("volume"),
    /** Relative strength index over {@code period}. */
    RSI("rsi"),
    /** One simple or exponential moving average of the close. */
    MOVING_AVERAGE("moving_average"),
    /** A short and a long moving average, for crossovers. */
    MA_CROSSOVER("ma_crossover"),
    /** Bollinger bands: a moving average and {@code multiplier} standard deviations either side. */
    BOLLINGER_BANDS("bollinger_bands"),
    /** Moving average convergence divergence, its signal line and histogram. */
    MACD("macd"),
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN(null);

    private final String upbitName;

    IndicatorType(String upbitName) {
        this.upbitName = upbitName;
    }

    /** Upbit's name, e.g. {@code moving_average}; {@code null} for {@link #UNKNOWN}. */
    public String upbitName() {
        return upbitName;
    }

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static IndicatorType of(String text) {
        for (IndicatorType t : values()) {
            if (text.equals(t.upbitName)) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
