package io.camelupbit.test;

/** The candle fields (upbit-protocol.md §4.4), in the order Upbit's sample writes them. */
enum CandleKey implements Key {
    TYPE("type", "ty"),
    CODE("code", "cd"),
    CANDLE_DATE_TIME_UTC("candle_date_time_utc", "cdttmu"),
    CANDLE_DATE_TIME_KST("candle_date_time_kst", "cdttmk"),
    OPENING_PRICE("opening_price", "op"),
    HIGH_PRICE("high_price", "hp"),
    LOW_PRICE("low_price", "lp"),
    TRADE_PRICE("trade_price", "tp"),
    CANDLE_ACC_TRADE_VOLUME("candle_acc_trade_volume", "catv"),
    CANDLE_ACC_TRADE_PRICE("candle_acc_trade_price", "catp"),
    TIMESTAMP("timestamp", "tms"),
    STREAM_TYPE("stream_type", "st");

    private final String full;
    private final String simple;

    CandleKey(String full, String simple) {
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
