package io.camelupbit.event;

import java.time.Duration;

/** The candle periods Upbit streams, each its own data type ({@code candle.1s} ... {@code candle.240m}). */
public enum CandleUnit {
    SECOND_1("1s", Duration.ofSeconds(1)),
    MINUTE_1("1m", Duration.ofMinutes(1)),
    MINUTE_3("3m", Duration.ofMinutes(3)),
    MINUTE_5("5m", Duration.ofMinutes(5)),
    MINUTE_10("10m", Duration.ofMinutes(10)),
    MINUTE_15("15m", Duration.ofMinutes(15)),
    MINUTE_30("30m", Duration.ofMinutes(30)),
    MINUTE_60("60m", Duration.ofMinutes(60)),
    MINUTE_240("240m", Duration.ofMinutes(240));

    /** Prefix of every candle type name. */
    public static final String TYPE_PREFIX = "candle.";

    private final String suffix;
    private final String typeName;
    private final Duration period;

    CandleUnit(String suffix, Duration period) {
        this.suffix = suffix;
        this.typeName = TYPE_PREFIX + suffix;
        this.period = period;
    }

    /** The unit as written after {@code candle.}, e.g. {@code 1m}. */
    public String suffix() {
        return suffix;
    }

    /** The Upbit type name, e.g. {@code candle.1m}. */
    public String typeName() {
        return typeName;
    }

    /** The length of one candle. */
    public Duration period() {
        return period;
    }

    /** The unit of a type name such as {@code candle.1m}, or {@code null} when it names no candle unit. */
    public static CandleUnit ofType(String type) {
        for (CandleUnit unit : values()) {
            if (unit.typeName.equals(type)) {
                return unit;
            }
        }
        return null;
    }
}
