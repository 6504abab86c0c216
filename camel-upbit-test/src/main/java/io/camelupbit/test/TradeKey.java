package io.camelupbit.test;

/** The trade fields (upbit-protocol.md §4.2), in the order Upbit's sample writes them. */
enum TradeKey implements Key {
    TYPE("type", "ty"),
    CODE("code", "cd"),
    TIMESTAMP("timestamp", "tms"),
    TRADE_DATE("trade_date", "td"),
    TRADE_TIME("trade_time", "ttm"),
    TRADE_TIMESTAMP("trade_timestamp", "ttms"),
    TRADE_PRICE("trade_price", "tp"),
    TRADE_VOLUME("trade_volume", "tv"),
    ASK_BID("ask_bid", "ab"),
    PREV_CLOSING_PRICE("prev_closing_price", "pcp"),
    CHANGE("change", "c"),
    CHANGE_PRICE("change_price", "cp"),
    SEQUENTIAL_ID("sequential_id", "sid"),
    BEST_ASK_PRICE("best_ask_price", "bap"),
    BEST_ASK_SIZE("best_ask_size", "bas"),
    BEST_BID_PRICE("best_bid_price", "bbp"),
    BEST_BID_SIZE("best_bid_size", "bbs"),
    STREAM_TYPE("stream_type", "st");

    private final String full;
    private final String simple;

    TradeKey(String full, String simple) {
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
