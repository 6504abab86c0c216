package io.camelupbit.test;

/**
 * The fields of an indicator item's {@code value} (research-new-streams.md §c.2), in the order Upbit writes them. The
 * moving average's inner {@code value} keeps its name in SIMPLE, as {@code rsi} and {@code macd} do.
 */
enum IndicatorValueKey implements Key {
    VOLUME("volume", "vol"),
    AVG_VOLUME("avg_volume", "av"),
    RATIO("ratio", "rto"),
    RSI("rsi", "rsi"),
    VALUE("value", "value"),
    MA_SHORT("ma_short", "mas"),
    MA_LONG("ma_long", "mal"),
    BB_UPPER("bb_upper", "bbu"),
    BB_MIDDLE("bb_middle", "bbm"),
    BB_LOWER("bb_lower", "bbl"),
    MACD("macd", "macd"),
    MACD_SIGNAL("macd_signal", "macds"),
    HISTOGRAM("histogram", "hist");

    private final String full;
    private final String simple;

    IndicatorValueKey(String full, String simple) {
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
