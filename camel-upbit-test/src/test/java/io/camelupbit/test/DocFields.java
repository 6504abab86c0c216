package io.camelupbit.test;

import java.util.List;
import java.util.Map;

/**
 * The DEFAULT and SIMPLE keys of every message type, copied from the tables of upbit-protocol.md §4 and
 * research-new-streams.md §c (not from the simulator's key enums, so that a typo there shows up).
 */
final class DocFields {

    static final List<String> TICKER = List.of("type", "code", "opening_price", "high_price", "low_price",
            "trade_price", "prev_closing_price", "change", "change_price", "signed_change_price", "change_rate",
            "signed_change_rate", "trade_volume", "acc_trade_volume", "acc_trade_volume_24h", "acc_trade_price",
            "acc_trade_price_24h", "trade_date", "trade_time", "trade_timestamp", "ask_bid", "acc_ask_volume",
            "acc_bid_volume", "highest_52_week_price", "highest_52_week_date", "lowest_52_week_price",
            "lowest_52_week_date", "market_state", "is_trading_suspended", "delisting_date", "market_warning",
            "timestamp", "stream_type");
    static final List<String> TICKER_SIMPLE = List.of("ty", "cd", "op", "hp", "lp", "tp", "pcp", "c", "cp", "scp",
            "cr", "scr", "tv", "atv", "atv24h", "atp", "atp24h", "tdt", "ttm", "ttms", "ab", "aav", "abv", "h52wp",
            "h52wdt", "l52wp", "l52wdt", "ms", "its", "dd", "mw", "tms", "st");

    static final List<String> TRADE = List.of("type", "code", "trade_price", "trade_volume", "ask_bid",
            "prev_closing_price", "change", "change_price", "trade_date", "trade_time", "trade_timestamp", "timestamp",
            "sequential_id", "best_ask_price", "best_ask_size", "best_bid_price", "best_bid_size", "stream_type");
    static final List<String> TRADE_SIMPLE = List.of("ty", "cd", "tp", "tv", "ab", "pcp", "c", "cp", "td", "ttm",
            "ttms", "tms", "sid", "bap", "bas", "bbp", "bbs", "st");

    static final List<String> ORDERBOOK = List.of("type", "code", "total_ask_size", "total_bid_size",
            "orderbook_units", "timestamp", "level", "stream_type");
    static final List<String> ORDERBOOK_SIMPLE = List.of("ty", "cd", "tas", "tbs", "obu", "tms", "lv", "st");
    static final List<String> ORDERBOOK_UNIT = List.of("ask_price", "bid_price", "ask_size", "bid_size");
    static final List<String> ORDERBOOK_UNIT_SIMPLE = List.of("ap", "bp", "as", "bs");

    static final List<String> CANDLE = List.of("type", "code", "candle_date_time_utc", "candle_date_time_kst",
            "opening_price", "high_price", "low_price", "trade_price", "candle_acc_trade_volume",
            "candle_acc_trade_price", "timestamp", "stream_type");
    static final List<String> CANDLE_SIMPLE = List.of("ty", "cd", "cdttmu", "cdttmk", "op", "hp", "lp", "tp",
            "catv", "catp", "tms", "st");

    static final List<String> MY_ORDER = List.of("type", "code", "uuid", "ask_bid", "order_type", "state",
            "trade_uuid", "price", "avg_price", "volume", "remaining_volume", "executed_volume", "trades_count",
            "reserved_fee", "remaining_fee", "paid_fee", "locked", "executed_funds", "time_in_force", "trade_fee",
            "is_maker", "identifier", "smp_type", "prevented_volume", "prevented_locked", "trade_timestamp",
            "order_timestamp", "timestamp", "stream_type");
    static final List<String> MY_ORDER_SIMPLE = List.of("ty", "cd", "uid", "ab", "ot", "s", "tuid", "p", "ap", "v",
            "rv", "ev", "tc", "rsf", "rmf", "pf", "l", "ef", "tif", "tf", "im", "id", "smpt", "pv", "pl", "ttms",
            "otms", "tms", "st");

    static final List<String> MY_ASSET = List.of("type", "asset_uuid", "assets", "asset_timestamp", "timestamp",
            "stream_type");
    static final List<String> MY_ASSET_SIMPLE = List.of("ty", "astuid", "ast", "asttms", "tms", "st");
    static final List<String> ASSET = List.of("currency", "balance", "locked");
    static final List<String> ASSET_SIMPLE = List.of("cu", "b", "l");

    /** Without {@code body}, which only connections asking for it get. */
    static final List<String> ANNOUNCEMENT = List.of("type", "event_type", "uuid", "title", "category", "url",
            "first_listed_at", "listed_at", "timestamp", "stream_type");
    static final List<String> ANNOUNCEMENT_SIMPLE = List.of("ty", "et", "uid", "tt", "cat", "url", "flat", "lat",
            "tms", "st");

    static final List<String> INDICATOR = List.of("type", "code", "timeframe", "indicator", "params", "value",
            "candle_date_time_utc", "timestamp", "stream_type");
    static final List<String> INDICATOR_SIMPLE = List.of("ty", "cd", "tf", "ind", "p", "v", "cdttmu", "tms", "st");
    /** What a signal adds to {@link #INDICATOR}. */
    static final List<String> SIGNAL_EXTRA = List.of("trigger", "event_params");
    static final List<String> SIGNAL_EXTRA_SIMPLE = List.of("tr", "ep");

    /** Per indicator: its params and value keys, DEFAULT then SIMPLE. */
    static final Map<String, List<List<String>>> INDICATOR_NESTED = Map.of(
            "volume", List.of(List.of("period"), List.of("p"),
                    List.of("volume", "avg_volume", "ratio"), List.of("vol", "av", "rto")),
            "rsi", List.of(List.of("period"), List.of("p"), List.of("rsi"), List.of("rsi")),
            "moving_average", List.of(List.of("type", "period"), List.of("t", "p"),
                    List.of("value"), List.of("value")),
            "ma_crossover", List.of(List.of("type", "short_period", "long_period"), List.of("t", "shp", "lop"),
                    List.of("ma_short", "ma_long"), List.of("mas", "mal")),
            "bollinger_bands", List.of(List.of("period", "multiplier"), List.of("p", "m"),
                    List.of("bb_upper", "bb_middle", "bb_lower"), List.of("bbu", "bbm", "bbl")),
            "macd", List.of(List.of("fast", "slow", "signal_period"), List.of("f", "s", "sgp"),
                    List.of("macd", "macd_signal", "histogram"), List.of("macd", "macds", "hist")));

    private DocFields() {
    }
}
