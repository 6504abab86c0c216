package io.camelupbit.test;

/** The ticker fields (upbit-protocol.md §4.1), in the order Upbit's sample writes them. */
enum TickerKey implements Key {
    TYPE("type", "ty"),
    CODE("code", "cd"),
    OPENING_PRICE("opening_price", "op"),
    HIGH_PRICE("high_price", "hp"),
    LOW_PRICE("low_price", "lp"),
    TRADE_PRICE("trade_price", "tp"),
    PREV_CLOSING_PRICE("prev_closing_price", "pcp"),
    ACC_TRADE_PRICE("acc_trade_price", "atp"),
    CHANGE("change", "c"),
    CHANGE_PRICE("change_price", "cp"),
    SIGNED_CHANGE_PRICE("signed_change_price", "scp"),
    CHANGE_RATE("change_rate", "cr"),
    SIGNED_CHANGE_RATE("signed_change_rate", "scr"),
    ASK_BID("ask_bid", "ab"),
    TRADE_VOLUME("trade_volume", "tv"),
    ACC_TRADE_VOLUME("acc_trade_volume", "atv"),
    TRADE_DATE("trade_date", "tdt"),
    TRADE_TIME("trade_time", "ttm"),
    TRADE_TIMESTAMP("trade_timestamp", "ttms"),
    ACC_ASK_VOLUME("acc_ask_volume", "aav"),
    ACC_BID_VOLUME("acc_bid_volume", "abv"),
    HIGHEST_52_WEEK_PRICE("highest_52_week_price", "h52wp"),
    HIGHEST_52_WEEK_DATE("highest_52_week_date", "h52wdt"),
    LOWEST_52_WEEK_PRICE("lowest_52_week_price", "l52wp"),
    LOWEST_52_WEEK_DATE("lowest_52_week_date", "l52wdt"),
    MARKET_STATE("market_state", "ms"),
    IS_TRADING_SUSPENDED("is_trading_suspended", "its"),
    DELISTING_DATE("delisting_date", "dd"),
    MARKET_WARNING("market_warning", "mw"),
    TIMESTAMP("timestamp", "tms"),
    ACC_TRADE_PRICE_24H("acc_trade_price_24h", "atp24h"),
    ACC_TRADE_VOLUME_24H("acc_trade_volume_24h", "atv24h"),
    STREAM_TYPE("stream_type", "st");

    private final String full;
    private final String simple;

    TickerKey(String full, String simple) {
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
