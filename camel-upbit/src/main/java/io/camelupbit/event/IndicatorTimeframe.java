package io.camelupbit.event;

import java.time.Duration;

/** The candle periods Upbit computes indicators on ({@code indicator}, {@code indicator_signal}). */
public enum IndicatorTimeframe {
    MINUTE_5("5m", Duration.ofMinutes(5)),
    MINUTE_15("15m", Duration.ofMinutes(15)),
    MINUTE_60("60m", Duration.ofMinutes(60)),
    MINUTE_240("240m", Duration.ofMinutes(240)),
    DAY_1("1d", Duration.ofDays(1)),
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN(null, null);

    /** Upbit's names of the known timeframes, as the {@code timeframe} option takes them. */
    public static final String NAMES = "5m,15m,60m,240m,1d";

    private final String upbitName;
    private final Duration period;

    IndicatorTimeframe(String upbitName, Duration period) {
        this.upbitName = upbitName;
        this.period = period;
    }

    /** Upbit's name, e.g. {@code 15m}; {@code null} for {@link #UNKNOWN}. */
    public String upbitName() {
        return upbitName;
    }

    /** The length of one candle; {@code null} for {@link #UNKNOWN}. */
    public Duration period() {
        return period;
    }

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static IndicatorTimeframe of(String text) {
        for (IndicatorTimeframe t : values()) {
            if (text.equals(t.upbitName)) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
