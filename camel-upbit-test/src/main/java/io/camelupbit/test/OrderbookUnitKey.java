package io.camelupbit.test;

/** The fields of one {@code orderbook_units} row (upbit-protocol.md §4.3). */
enum OrderbookUnitKey implements Key {
    ASK_PRICE("ask_price", "ap"),
    BID_PRICE("bid_price", "bp"),
    ASK_SIZE("ask_size", "as"),
    BID_SIZE("bid_size", "bs");

    private final String full;
    private final String simple;

    OrderbookUnitKey(String full, String simple) {
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
