package io.camelupbit.test;

/** The fields of a signal's {@code event_params} (research-new-streams.md §c.3), with the kind of value each takes. */
enum EventParamKey implements Key {
    THRESHOLD("threshold", "th", ParamValue.INTEGER),
    MULTIPLIER("multiplier", "mul", ParamValue.ONE_DECIMAL);

    private final String full;
    private final String simple;
    private final ParamValue value;

    EventParamKey(String full, String simple, ParamValue value) {
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
    static EventParamKey byName(String name) {
        for (EventParamKey k : values()) {
            if (k.full.equals(name)) {
                return k;
            }
        }
        return null;
    }
}
