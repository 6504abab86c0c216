package io.camelupbit.test;

/** The myOrder fields (upbit-protocol.md §4.5), in the order Upbit's sample writes them. */
enum MyOrderKey implements Key {
    TYPE("type", "ty"),
    CODE("code", "cd"),
    UUID("uuid", "uid"),
    ASK_BID("ask_bid", "ab"),
    ORDER_TYPE("order_type", "ot"),
    STATE("state", "s"),
    TRADE_UUID("trade_uuid", "tuid"),
    PRICE("price", "p"),
    AVG_PRICE("avg_price", "ap"),
    VOLUME("volume", "v"),
    REMAINING_VOLUME("remaining_volume", "rv"),
    EXECUTED_VOLUME("executed_volume", "ev"),
    TRADES_COUNT("trades_count", "tc"),
    RESERVED_FEE("reserved_fee", "rsf"),
    REMAINING_FEE("remaining_fee", "rmf"),
    PAID_FEE("paid_fee", "pf"),
    LOCKED("locked", "l"),
    EXECUTED_FUNDS("executed_funds", "ef"),
    TIME_IN_FORCE("time_in_force", "tif"),
    TRADE_FEE("trade_fee", "tf"),
    IS_MAKER("is_maker", "im"),
    IDENTIFIER("identifier", "id"),
    SMP_TYPE("smp_type", "smpt"),
    PREVENTED_VOLUME("prevented_volume", "pv"),
    PREVENTED_LOCKED("prevented_locked", "pl"),
    TRADE_TIMESTAMP("trade_timestamp", "ttms"),
    ORDER_TIMESTAMP("order_timestamp", "otms"),
    TIMESTAMP("timestamp", "tms"),
    STREAM_TYPE("stream_type", "st");

    private final String full;
    private final String simple;

    MyOrderKey(String full, String simple) {
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
