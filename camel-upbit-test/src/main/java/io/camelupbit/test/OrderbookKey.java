package io.camelupbit.test;

/** The orderbook fields (upbit-protocol.md §4.3), in the order Upbit's sample writes them. */
enum OrderbookKey implements Key {
    TYPE("type", "ty"),
    CODE("code", "cd"),
    TIMESTAMP("timestamp", "tms"),
    TOTAL_ASK_SIZE("total_ask_size", "tas"),
    TOTAL_BID_SIZE("total_bid_size", "tbs"),
    ORDERBOOK_UNITS("orderbook_units", "obu"),
    STREAM_TYPE("stream_type", "st"),
    LEVEL("level", "lv");

    private final String full;
    private final String simple;

    OrderbookKey(String full, String simple) {
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
