package io.camelupbit.test;

/**
 * The fields of an indicator's {@code params} (research-new-streams.md §c.2), in the order Upbit's examples write
 * them, with the kind of value each takes.
 */
enum IndicatorParamKey implements Key {
    TYPE("type", "t", ParamValue.TEXT),
    PERIOD("period", "p", ParamValue.INTEGER),
    SHORT_PERIOD("short_period", "shp", ParamValue.INTEGER),
    LONG_PERIOD("long_period", "lop", ParamValue.INTEGER),
    MULTIPLIER("multiplier", "m", ParamValue.ONE_DECIMAL),
    FAST("fast", "f", ParamValue.INTEGER),
    SLOW("slow", "s", ParamValue.INTEGER),
    SIGNAL_PERIOD("signal_period", "sgp", ParamValue.INTEGER);

    private final String full;
    private final String simple;
    private final ParamValue value;

    IndicatorParamKey(String full, String simple, ParamValue value) {
        this.full = full;
        this.simple = simple;
        this.value = value;
    }

    @Override
    public String full() {
        return full;
    }

    @Override
    public String simple() {
        return simple;
    }

    ParamValue value() {
        return value;
    }

    /** The key of this DEFAULT name, or {@code null}. */
    static IndicatorParamKey byName(String name) {
        for (IndicatorParamKey k : values()) {
            if (k.full.equals(name)) {
                return k;
            }
        }
        return null;
    }
}
