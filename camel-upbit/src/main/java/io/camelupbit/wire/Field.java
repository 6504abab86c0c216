package io.camelupbit.wire;

import java.util.HashMap;
import java.util.Map;

/**
 * Every top-level field the decoder understands, with its DEFAULT key, its SIMPLE key(s) and how its value is read.
 * <p>
 * The ordinal is the field's slot in {@link FieldSlots}: the decoder stores each value by slot while it streams
 * through an object, so the order of keys in a frame does not matter and the type may come last. Fields that several
 * types share (price, timestamps, side) share one slot; {@link EventAssembler} reads the slots the type needs.
 */
enum Field {
    TYPE("type", Kind.TEXT, "ty"),
    CODE("code", Kind.TEXT, "cd"),
    TIMESTAMP("timestamp", Kind.LONG, "tms"),
    STREAM_TYPE("stream_type", Kind.TEXT, "st"),

    // ticker, trade, candle
    OPENING_PRICE("opening_price", Kind.DECIMAL, "op"),
    HIGH_PRICE("high_price", Kind.DECIMAL, "hp"),
    LOW_PRICE("low_price", Kind.DECIMAL, "lp"),
    TRADE_PRICE("trade_price", Kind.DECIMAL, "tp"),
    PREV_CLOSING_PRICE("prev_closing_price", Kind.DECIMAL, "pcp"),
    CHANGE("change", Kind.TEXT, "c"),
    CHANGE_PRICE("change_price", Kind.DECIMAL, "cp"),
    SIGNED_CHANGE_PRICE("signed_change_price", Kind.DECIMAL, "scp"),
    CHANGE_RATE("change_rate", Kind.DECIMAL, "cr"),
    SIGNED_CHANGE_RATE("signed_change_rate", Kind.DECIMAL, "scr"),
    TRADE_VOLUME("trade_volume", Kind.DECIMAL, "tv"),
    ACC_TRADE_VOLUME("acc_trade_volume", Kind.DECIMAL, "atv"),
    ACC_TRADE_VOLUME_24H("acc_trade_volume_24h", Kind.DECIMAL, "atv24h"),
    ACC_TRADE_PRICE("acc_trade_price", Kind.DECIMAL, "atp"),
    ACC_TRADE_PRICE_24H("acc_trade_price_24h", Kind.DECIMAL, "atp24h"),
    /** The ticker writes {@code yyyyMMdd} under {@code tdt}, the trade {@code yyyy-MM-dd} under {@code td}. */
    TRADE_DATE("trade_date", Kind.DATE, "tdt", "td"),
    /** The ticker writes {@code HHmmss}, the trade {@code HH:mm:ss}. */
    TRADE_TIME("trade_time", Kind.TIME, "ttm"),
    TRADE_TIMESTAMP("trade_timestamp", Kind.LONG, "ttms"),
    ASK_BID("ask_bid", Kind.TEXT, "ab"),
    ACC_ASK_VOLUME("acc_ask_volume", Kind.DECIMAL, "aav"),
    ACC_BID_VOLUME("acc_bid_volume", Kind.DECIMAL, "abv"),
    HIGHEST_52_WEEK_PRICE("highest_52_week_price", Kind.DECIMAL, "h52wp"),
    HIGHEST_52_WEEK_DATE("highest_52_week_date", Kind.DATE, "h52wdt"),
    LOWEST_52_WEEK_PRICE("lowest_52_week_price", Kind.DECIMAL, "l52wp"),
    LOWEST_52_WEEK_DATE("lowest_52_week_date", Kind.DATE, "l52wdt"),
    MARKET_STATE("market_state", Kind.TEXT, "ms"),
    IS_TRADING_SUSPENDED("is_trading_suspended", Kind.BOOLEAN, "its"),
    DELISTING_DATE("delisting_date", Kind.DATE, "dd"),
    MARKET_WARNING("market_warning", Kind.TEXT, "mw"),

    // trade
    SEQUENTIAL_ID("sequential_id", Kind.LONG, "sid"),
    BEST_ASK_PRICE("best_ask_price", Kind.DECIMAL, "bap"),
    BEST_ASK_SIZE("best_ask_size", Kind.DECIMAL, "bas"),
    BEST_BID_PRICE("best_bid_price", Kind.DECIMAL, "bbp"),
    BEST_BID_SIZE("best_bid_size", Kind.DECIMAL, "bbs"),

    // orderbook
    TOTAL_ASK_SIZE("total_ask_size", Kind.DECIMAL, "tas"),
    TOTAL_BID_SIZE("total_bid_size", Kind.DECIMAL, "tbs"),
    ORDERBOOK_UNITS("orderbook_units", Kind.UNITS, "obu"),
    /** A number in every sample; the doc's text says numeric string: decimals are read from either. */
    LEVEL("level", Kind.DECIMAL, "lv"),

    // candle
    CANDLE_DATE_TIME_UTC("candle_date_time_utc", Kind.DATE_TIME, "cdttmu"),
    CANDLE_DATE_TIME_KST("candle_date_time_kst", Kind.DATE_TIME, "cdttmk"),
    CANDLE_ACC_TRADE_VOLUME("candle_acc_trade_volume", Kind.DECIMAL, "catv"),
    CANDLE_ACC_TRADE_PRICE("candle_acc_trade_price", Kind.DECIMAL, "catp"),

    // myOrder
    UUID("uuid", Kind.ID, "uid"),
    ORDER_TYPE("order_type", Kind.TEXT, "ot"),
    STATE("state", Kind.TEXT, "s"),
    TRADE_UUID("trade_uuid", Kind.ID, "tuid"),
    PRICE("price", Kind.DECIMAL, "p"),
    AVG_PRICE("avg_price", Kind.DECIMAL, "ap"),
    VOLUME("volume", Kind.DECIMAL, "v"),
    REMAINING_VOLUME("remaining_volume", Kind.DECIMAL, "rv"),
    EXECUTED_VOLUME("executed_volume", Kind.DECIMAL, "ev"),
    TRADES_COUNT("trades_count", Kind.INT, "tc"),
    RESERVED_FEE("reserved_fee", Kind.DECIMAL, "rsf"),
    REMAINING_FEE("remaining_fee", Kind.DECIMAL, "rmf"),
    PAID_FEE("paid_fee", Kind.DECIMAL, "pf"),
    LOCKED("locked", Kind.DECIMAL, "l"),
    EXECUTED_FUNDS("executed_funds", Kind.DECIMAL, "ef"),
    TIME_IN_FORCE("time_in_force", Kind.TEXT, "tif"),
    TRADE_FEE("trade_fee", Kind.DECIMAL, "tf"),
    IS_MAKER("is_maker", Kind.BOOLEAN, "im"),
    IDENTIFIER("identifier", Kind.ID, "id"),
    SMP_TYPE("smp_type", Kind.TEXT, "smpt"),
    PREVENTED_VOLUME("prevented_volume", Kind.DECIMAL, "pv"),
    PREVENTED_LOCKED("prevented_locked", Kind.DECIMAL, "pl"),
    ORDER_TIMESTAMP("order_timestamp", Kind.LONG, "otms"),

    // myAsset
    ASSET_UUID("asset_uuid", Kind.ID, "astuid"),
    ASSETS("assets", Kind.ASSETS, "ast"),
    ASSET_TIMESTAMP("asset_timestamp", Kind.LONG, "asttms"),

    // announcement (its id is UUID, as an order's)
    EVENT_TYPE("event_type", Kind.TEXT, "et"),
    TITLE("title", Kind.ID, "tt"),
    CATEGORY("category", Kind.TEXT, "cat"),
    /** The SIMPLE key is the DEFAULT key. */
    URL("url", Kind.ID, "url"),
    FIRST_LISTED_AT("first_listed_at", Kind.OFFSET_DATE_TIME, "flat"),
    LISTED_AT("listed_at", Kind.OFFSET_DATE_TIME, "lat"),
    BODY("body", Kind.ID, "bd"),

    // indicator, indicator_signal (their candle start is CANDLE_DATE_TIME_UTC); three SIMPLE keys are shared
    /** SIMPLE {@code tf} is also myOrder's trade_fee: a string value that is no number is a timeframe. */
    TIMEFRAME("timeframe", Kind.TEXT, "tf"),
    INDICATOR("indicator", Kind.TEXT, "ind"),
    /** SIMPLE {@code p} is also myOrder's price: an object value is the params. */
    PARAMS("params", Kind.PARAMS, "p"),
    /** SIMPLE {@code v} is also myOrder's volume: an object value is the indicator's values. */
    VALUE("value", Kind.VALUES, "v"),
    TRIGGER("trigger", Kind.TEXT, "tr"),
    EVENT_PARAMS("event_params", Kind.SIGNAL_PARAMS, "ep");

    /**
     * How a field's JSON value is read. {@code TEXT} values repeat from item to item and come from the decoder's
     * {@link TextCache}; {@code ID} values are unique and get their own string; dates and times are parsed from the
     * parser's characters. Numbers are read from numbers or numeric strings; {@code INT} is a long within int range.
     */
    enum Kind {
        TEXT, ID, DATE, TIME, DATE_TIME, OFFSET_DATE_TIME, DECIMAL, LONG, INT, BOOLEAN, UNITS, ASSETS, PARAMS, VALUES,
        SIGNAL_PARAMS;

        /** Whether the value is a JSON object or array read by a reader of its own. */
        boolean isStructured() {
            return this == UNITS || this == ASSETS || this == PARAMS || this == VALUES || this == SIGNAL_PARAMS;
        }
    }

    static final int COUNT = values().length;

    private static final Map<String, Field> BY_KEY = new HashMap<>(COUNT * 4);

    static {
        // the indicator types abbreviate three keys as myOrder does; the value's JSON shape tells them apart
        PRICE.twin = PARAMS;
        VOLUME.twin = VALUE;
        TRADE_FEE.twin = TIMEFRAME;
        for (Field f : values()) {
            register(f.defaultKey, f);
            for (String key : f.simpleKeys) {
                if (!key.equals(f.defaultKey) && !(BY_KEY.get(key) != null && BY_KEY.get(key).twin == f)) {
                    register(key, f);
                }
            }
        }
    }

    final String defaultKey;
    final Kind kind;
    private final String[] simpleKeys;
    /** The field of another type that shares this field's SIMPLE key, or {@code null}. */
    private Field twin;

    Field(String defaultKey, Kind kind, String... simpleKeys) {
        this.defaultKey = defaultKey;
        this.kind = kind;
        this.simpleKeys = simpleKeys;
    }

    private static void register(String key, Field field) {
        if (BY_KEY.put(key, field) != null) {
            throw new ExceptionInInitializerError("two fields share the key " + key);
        }
    }

    /**
     * Whether items are routed or told apart by this field (type, market, time, stream type, orderbook level, the
     * trade's, order's, balance change's or candle's id): an item whose key is missing or malformed cannot be
     * delivered. Any other malformed field reads as {@code null} and its event is delivered.
     */
    boolean isKey() {
        return switch (this) {
            case TYPE, CODE, TIMESTAMP, STREAM_TYPE, LEVEL, SEQUENTIAL_ID, UUID, ASSET_UUID, CANDLE_DATE_TIME_UTC,
                 TIMEFRAME, INDICATOR, PARAMS, TRIGGER -> true;
            default -> false;
        };
    }

    /** The SIMPLE keys of this field (two where the ticker and the trade abbreviate it differently). */
    String[] simpleKeys() {
        return simpleKeys.clone();
    }

    /** The field of the indicator types that shares this myOrder field's SIMPLE key, or {@code null}. */
    Field twin() {
        return twin;
    }

    /** The field for a DEFAULT or SIMPLE key, or {@code null} for a key this version ignores. */
    static Field byKey(String key) {
        return BY_KEY.get(key);
    }
}
