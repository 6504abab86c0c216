package io.camelupbit.test;

/**
 * The top-level fields of {@code indicator} and {@code indicator_signal} items (research-new-streams.md §c.2, §c.3),
 * in the order Upbit's examples write them ({@code trigger} and {@code event_params} only in signals).
 */
enum IndicatorKey implements Key {
    TYPE("type", "ty"),
    CODE("code", "cd"),
    TIMEFRAME("timeframe", "tf"),
    INDICATOR("indicator", "ind"),
    PARAMS("params", "p"),
    TRIGGER("trigger", "tr"),
    EVENT_PARAMS("event_params", "ep"),
    CANDLE_DATE_TIME_UTC("candle_date_time_utc", "cdttmu"),
    VALUE("value", "v"),
    TIMESTAMP("timestamp", "tms"),
    STREAM_TYPE("stream_type", "st");

    private final String full;
    private final String simple;

    IndicatorKey(String full, String simple) {
        this.full = full;
        this.simple = simple;
    }

    @Override
    public String full() {
        return full;
    }

    @Override
    public String simple() {
        return simple;
    }
}
