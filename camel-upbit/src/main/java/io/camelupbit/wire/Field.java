package io.camelupbit.wire;

import java.util.HashMap;
import java.util.Map;

/**
 * Every field the decoder understands, with its DEFAULT and SIMPLE key and how its value is read.
 * <p>
 * The ordinal is the field's slot in {@link FieldSlots}: the decoder stores each value by slot while it streams
 * through an object, so the order of keys in a frame does not matter and the type can come last.
 */
enum Field {
    TYPE("type", "ty", Kind.TEXT),
    CODE("code", "cd", Kind.TEXT),
    TIMESTAMP("timestamp", "tms", Kind.LONG),
    STREAM_TYPE("stream_type", "st", Kind.TEXT),

    OPENING_PRICE("opening_price", "op", Kind.DECIMAL),
    HIGH_PRICE("high_price", "hp", Kind.DECIMAL),
    LOW_PRICE("low_price", "lp", Kind.DECIMAL),
    TRADE_PRICE("trade_price", "tp", Kind.DECIMAL),
    PREV_CLOSING_PRICE("prev_closing_price", "pcp", Kind.DECIMAL),
    CHANGE("change", "c", Kind.TEXT),
    CHANGE_PRICE("change_price", "cp", Kind.DECIMAL),
    SIGNED_CHANGE_PRICE("signed_change_price", "scp", Kind.DECIMAL),
    CHANGE_RATE("change_rate", "cr", Kind.DECIMAL),
    SIGNED_CHANGE_RATE("signed_change_rate", "scr", Kind.DECIMAL),
    TRADE_VOLUME("trade_volume", "tv", Kind.DECIMAL),
    ACC_TRADE_VOLUME("acc_trade_volume", "atv", Kind.DECIMAL),
    ACC_TRADE_VOLUME_24H("acc_trade_volume_24h", "atv24h", Kind.DECIMAL),
    ACC_TRADE_PRICE("acc_trade_price", "atp", Kind.DECIMAL),
    ACC_TRADE_PRICE_24H("acc_trade_price_24h", "atp24h", Kind.DECIMAL),
    /** Ticker: {@code yyyyMMdd} under {@code tdt}; trade writes {@code yyyy-MM-dd} under {@code td}. */
    TRADE_DATE("trade_date", "tdt", Kind.TEXT),
    TRADE_TIME("trade_time", "ttm", Kind.TEXT),
    TRADE_TIMESTAMP("trade_timestamp", "ttms", Kind.LONG),
    ASK_BID("ask_bid", "ab", Kind.TEXT),
    ACC_ASK_VOLUME("acc_ask_volume", "aav", Kind.DECIMAL),
    ACC_BID_VOLUME("acc_bid_volume", "abv", Kind.DECIMAL),
    HIGHEST_52_WEEK_PRICE("highest_52_week_price", "h52wp", Kind.DECIMAL),
    HIGHEST_52_WEEK_DATE("highest_52_week_date", "h52wdt", Kind.TEXT),
    LOWEST_52_WEEK_PRICE("lowest_52_week_price", "l52wp", Kind.DECIMAL),
    LOWEST_52_WEEK_DATE("lowest_52_week_date", "l52wdt", Kind.TEXT),
    MARKET_STATE("market_state", "ms", Kind.TEXT),
    IS_TRADING_SUSPENDED("is_trading_suspended", "its", Kind.BOOLEAN),
    DELISTING_DATE("delisting_date", "dd", Kind.TEXT),
    MARKET_WARNING("market_warning", "mw", Kind.TEXT);

    /** How a field's JSON value is read. */
    enum Kind { TEXT, DECIMAL, LONG, BOOLEAN }

    static final int COUNT = values().length;

    private static final Map<String, Field> BY_KEY = new HashMap<>(COUNT * 4);

    static {
        for (Field f : values()) {
            BY_KEY.put(f.defaultKey, f);
            BY_KEY.put(f.simpleKey, f);
        }
    }

    final String defaultKey;
    final String simpleKey;
    final Kind kind;

    Field(String defaultKey, String simpleKey, Kind kind) {
        this.defaultKey = defaultKey;
        this.simpleKey = simpleKey;
        this.kind = kind;
    }

    /** The field for a DEFAULT or SIMPLE key, or {@code null} for a key this version ignores. */
    static Field byKey(String key) {
        return BY_KEY.get(key);
    }
}
