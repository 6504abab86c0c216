package io.camelupbit.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.camelupbit.event.AnnouncementEvent;
import io.camelupbit.event.Asset;
import io.camelupbit.event.CandleEvent;
import io.camelupbit.event.IndicatorEvent;
import io.camelupbit.event.IndicatorParams;
import io.camelupbit.event.IndicatorSignalEvent;
import io.camelupbit.event.IndicatorValues;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.OrderbookUnit;
import io.camelupbit.event.SignalParams;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TradeEvent;

/**
 * Which keys each type's event is built from and which accessor returns each value: the decoder's contract with
 * Upbit's field tables, in one place. docs/events.md's per-type tables are generated from it, and the field-coverage
 * test decodes the official examples and checks every entry's accessor against the example's value.
 */
final class FieldRegistry {

    private static final String DOCS = "https://docs.upbit.com/kr/reference/";
    private static final String SMP_CHANGE = "https://docs.upbit.com/kr/changelog/add-smp-type-default";

    /**
     * One field of an event.
     *
     * @param defaultKey the key in the DEFAULT format
     * @param simpleKey  the key in the SIMPLE format
     * @param accessor   the record accessor that returns the decoded value
     * @param key        whether the item cannot be delivered without it ({@link Field#isKey()})
     * @param upbitNull  when Upbit itself sends {@code null}, and whether the docs say so, the examples show it or it
     *                   is inferred; {@code null} when it never does
     * @param source     the page that documents the field
     */
    record FieldUse(String defaultKey, String simpleKey, String accessor, boolean key, String upbitNull,
                    String source) {
    }

    /**
     * The fields of one event record, of the rows of a list field ({@code orderbook_units}, {@code assets}), or of an
     * object field ({@code params}, {@code value}, {@code event_params}).
     *
     * @param name   the stream type, or {@code type.listField} for rows
     * @param record the record the fields are read into
     * @param fields in the order of Upbit's table
     */
    record Table(String name, Class<? extends Record> record, List<FieldUse> fields) {
    }

    static final List<Table> TABLES = List.of(
            table("ticker", TickerEvent.class, DOCS + "websocket-ticker",
                    use(Field.TYPE, "type"),
                    use(Field.CODE, "code"),
                    use(Field.OPENING_PRICE, "openingPrice"),
                    use(Field.HIGH_PRICE, "highPrice"),
                    use(Field.LOW_PRICE, "lowPrice"),
                    use(Field.TRADE_PRICE, "tradePrice"),
                    use(Field.PREV_CLOSING_PRICE, "prevClosingPrice"),
                    use(Field.CHANGE, "change"),
                    use(Field.CHANGE_PRICE, "changePrice"),
                    use(Field.SIGNED_CHANGE_PRICE, "signedChangePrice"),
                    use(Field.CHANGE_RATE, "changeRate"),
                    use(Field.SIGNED_CHANGE_RATE, "signedChangeRate"),
                    use(Field.TRADE_VOLUME, "tradeVolume"),
                    use(Field.ACC_TRADE_VOLUME, "accTradeVolume"),
                    use(Field.ACC_TRADE_VOLUME_24H, "accTradeVolume24h"),
                    use(Field.ACC_TRADE_PRICE, "accTradePrice"),
                    use(Field.ACC_TRADE_PRICE_24H, "accTradePrice24h"),
                    use(Field.TRADE_DATE, "tdt", "tradeDate"),
                    use(Field.TRADE_TIME, "tradeTime"),
                    use(Field.TRADE_TIMESTAMP, "tradeTimestamp").nullWhen("no trade yet (inferred)"),
                    use(Field.ASK_BID, "askBid"),
                    use(Field.ACC_ASK_VOLUME, "accAskVolume"),
                    use(Field.ACC_BID_VOLUME, "accBidVolume"),
                    use(Field.HIGHEST_52_WEEK_PRICE, "highest52WeekPrice"),
                    use(Field.HIGHEST_52_WEEK_DATE, "highest52WeekDate"),
                    use(Field.LOWEST_52_WEEK_PRICE, "lowest52WeekPrice"),
                    use(Field.LOWEST_52_WEEK_DATE, "lowest52WeekDate"),
                    use(Field.MARKET_STATE, "marketState"),
                    use(Field.IS_TRADING_SUSPENDED, "tradingSuspended"),
                    use(Field.DELISTING_DATE, "delistingDate").nullWhen("no delisting scheduled (the examples)"),
                    use(Field.MARKET_WARNING, "marketWarning"),
                    use(Field.TIMESTAMP, "timestamp"),
                    use(Field.STREAM_TYPE, "streamType")),
            table("trade", TradeEvent.class, DOCS + "websocket-trade",
                    use(Field.TYPE, "type"),
                    use(Field.CODE, "code"),
                    use(Field.TRADE_PRICE, "tradePrice"),
                    use(Field.TRADE_VOLUME, "tradeVolume"),
                    use(Field.ASK_BID, "askBid"),
                    use(Field.PREV_CLOSING_PRICE, "prevClosingPrice"),
                    use(Field.CHANGE, "change"),
                    use(Field.CHANGE_PRICE, "changePrice"),
                    use(Field.TRADE_DATE, "td", "tradeDate"),
                    use(Field.TRADE_TIME, "tradeTime"),
                    use(Field.TRADE_TIMESTAMP, "tradeTimestamp"),
                    use(Field.TIMESTAMP, "timestamp"),
                    use(Field.SEQUENTIAL_ID, "sequentialId"),
                    use(Field.BEST_ASK_PRICE, "bestAskPrice"),
                    use(Field.BEST_ASK_SIZE, "bestAskSize"),
                    use(Field.BEST_BID_PRICE, "bestBidPrice"),
                    use(Field.BEST_BID_SIZE, "bestBidSize"),
                    use(Field.STREAM_TYPE, "streamType")),
            table("orderbook", OrderbookEvent.class, DOCS + "websocket-orderbook",
                    use(Field.TYPE, "type"),
                    use(Field.CODE, "code"),
                    use(Field.TOTAL_ASK_SIZE, "totalAskSize"),
                    use(Field.TOTAL_BID_SIZE, "totalBidSize"),
                    use(Field.ORDERBOOK_UNITS, "units"),
                    use(Field.TIMESTAMP, "timestamp"),
                    use(Field.LEVEL, "level"),
                    use(Field.STREAM_TYPE, "streamType")),
            table("orderbook.orderbook_units", OrderbookUnit.class, DOCS + "websocket-orderbook",
                    row("ask_price", "ap", "askPrice"),
                    row("bid_price", "bp", "bidPrice"),
                    row("ask_size", "as", "askSize"),
                    row("bid_size", "bs", "bidSize")),
            table("candle.*", CandleEvent.class, DOCS + "websocket-candle",
                    use(Field.TYPE, "unit"),
                    use(Field.CODE, "code"),
                    use(Field.CANDLE_DATE_TIME_UTC, "candleDateTimeUtc"),
                    use(Field.CANDLE_DATE_TIME_KST, "candleDateTimeKst"),
                    use(Field.OPENING_PRICE, "openingPrice"),
                    use(Field.HIGH_PRICE, "highPrice"),
                    use(Field.LOW_PRICE, "lowPrice"),
                    use(Field.TRADE_PRICE, "tradePrice"),
                    use(Field.CANDLE_ACC_TRADE_VOLUME, "candleAccTradeVolume"),
                    use(Field.CANDLE_ACC_TRADE_PRICE, "candleAccTradePrice"),
                    use(Field.TIMESTAMP, "timestamp"),
                    use(Field.STREAM_TYPE, "streamType")),
            table("myOrder", MyOrderEvent.class, DOCS + "websocket-myorder",
                    use(Field.TYPE, "type"),
                    use(Field.CODE, "code"),
                    use(Field.UUID, "uuid"),
                    use(Field.ASK_BID, "askBid"),
                    use(Field.ORDER_TYPE, "orderType"),
                    use(Field.STATE, "state"),
                    use(Field.TRADE_UUID, "tradeUuid").nullWhen("not a fill (inferred)"),
                    use(Field.PRICE, "price").nullWhen("a market sell, order_type market (inferred)"),
                    use(Field.AVG_PRICE, "avgPrice"),
                    use(Field.VOLUME, "volume").nullWhen("a market buy, order_type price (inferred)"),
                    use(Field.REMAINING_VOLUME, "remainingVolume"),
                    use(Field.EXECUTED_VOLUME, "executedVolume"),
                    use(Field.TRADES_COUNT, "tradesCount"),
                    use(Field.RESERVED_FEE, "reservedFee"),
                    use(Field.REMAINING_FEE, "remainingFee"),
                    use(Field.PAID_FEE, "paidFee"),
                    use(Field.LOCKED, "locked"),
                    use(Field.EXECUTED_FUNDS, "executedFunds"),
                    use(Field.TIME_IN_FORCE, "timeInForce").nullWhen("none given (the example)"),
                    use(Field.TRADE_FEE, "tradeFee").nullWhen("state is not trade (documented)"),
                    use(Field.IS_MAKER, "maker").nullWhen("state is not trade (documented)"),
                    use(Field.IDENTIFIER, "identifier").nullWhen("none given (inferred)"),
                    use(Field.SMP_TYPE, "smpType").from(SMP_CHANGE),
                    use(Field.PREVENTED_VOLUME, "preventedVolume"),
                    use(Field.PREVENTED_LOCKED, "preventedLocked"),
                    use(Field.TRADE_TIMESTAMP, "tradeTimestamp").nullWhen("not a fill (inferred)"),
                    use(Field.ORDER_TIMESTAMP, "orderTimestamp"),
                    use(Field.TIMESTAMP, "timestamp"),
                    use(Field.STREAM_TYPE, "streamType")),
            table("myAsset", MyAssetEvent.class, DOCS + "websocket-myasset",
                    use(Field.TYPE, "type"),
                    use(Field.ASSET_UUID, "assetUuid"),
                    use(Field.ASSETS, "assets"),
                    use(Field.ASSET_TIMESTAMP, "assetTimestamp"),
                    use(Field.TIMESTAMP, "timestamp"),
                    use(Field.STREAM_TYPE, "streamType")),
            table("myAsset.assets", Asset.class, DOCS + "websocket-myasset",
                    row("currency", "cu", "currency"),
                    row("balance", "b", "balance"),
                    row("locked", "l", "locked")),
            table("announcement", AnnouncementEvent.class, DOCS + "websocket-announcement",
                    use(Field.TYPE, "type"),
                    use(Field.EVENT_TYPE, "eventType"),
                    use(Field.UUID, "uuid"),
                    use(Field.TITLE, "title"),
                    use(Field.CATEGORY, "category"),
                    use(Field.URL, "url"),
                    use(Field.FIRST_LISTED_AT, "firstListedAt"),
                    use(Field.LISTED_AT, "listedAt"),
                    use(Field.TIMESTAMP, "timestamp"),
                    use(Field.STREAM_TYPE, "streamType"),
                    use(Field.BODY, "body").nullWhen("not asked for (key absent), or too large (documented)")),
            table("indicator", IndicatorEvent.class, DOCS + "websocket-indicator",
                    use(Field.TYPE, "type"),
                    use(Field.CODE, "code"),
                    use(Field.TIMEFRAME, "timeframe"),
                    use(Field.INDICATOR, "indicator"),
                    use(Field.PARAMS, "params"),
                    use(Field.VALUE, "value"),
                    use(Field.CANDLE_DATE_TIME_UTC, "candleDateTimeUtc"),
                    use(Field.TIMESTAMP, "timestamp"),
                    use(Field.STREAM_TYPE, "streamType")),
            table("indicator.params", IndicatorParams.class, DOCS + "websocket-indicator",
                    row("period", "p", "period"),
                    row("type", "t", "maType"),
                    row("short_period", "shp", "shortPeriod"),
                    row("long_period", "lop", "longPeriod"),
                    row("multiplier", "m", "multiplier"),
                    row("fast", "f", "fast"),
                    row("slow", "s", "slow"),
                    row("signal_period", "sgp", "signalPeriod")),
            table("indicator.value", IndicatorValues.class, DOCS + "websocket-indicator",
                    row("volume", "vol", "volume"),
                    row("avg_volume", "av", "avgVolume"),
                    row("ratio", "rto", "ratio"),
                    row("rsi", "rsi", "rsi"),
                    row("value", "value", "value"),
                    row("ma_short", "mas", "maShort"),
                    row("ma_long", "mal", "maLong"),
                    row("bb_upper", "bbu", "bbUpper"),
                    row("bb_middle", "bbm", "bbMiddle"),
                    row("bb_lower", "bbl", "bbLower"),
                    row("macd", "macd", "macd"),
                    row("macd_signal", "macds", "macdSignal"),
                    row("histogram", "hist", "histogram")),
            table("indicator_signal", IndicatorSignalEvent.class, DOCS + "websocket-indicator-signal",
                    use(Field.TYPE, "type"),
                    use(Field.CODE, "code"),
                    use(Field.TIMEFRAME, "timeframe"),
                    use(Field.INDICATOR, "indicator"),
                    use(Field.PARAMS, "params"),
                    use(Field.TRIGGER, "trigger"),
                    use(Field.EVENT_PARAMS, "eventParams"),
                    use(Field.CANDLE_DATE_TIME_UTC, "candleDateTimeUtc"),
                    use(Field.VALUE, "value"),
                    use(Field.TIMESTAMP, "timestamp"),
                    use(Field.STREAM_TYPE, "streamType")),
            table("indicator_signal.event_params", SignalParams.class, DOCS + "websocket-indicator-signal",
                    row("threshold", "th", "threshold"),
                    row("multiplier", "mul", "multiplier")));

    private FieldRegistry() {
    }

    /**
     * The table of this name ({@code ticker}, {@code candle.*}, {@code orderbook.orderbook_units}, ...). A signal's
     * params and values are an indicator's: {@code indicator_signal.params} is {@code indicator.params}.
     */
    static Table table(String name) {
        String own = name.equals("indicator_signal.params") || name.equals("indicator_signal.value")
                ? name.replace("indicator_signal", "indicator") : name;
        return TABLES.stream().filter(t -> t.name.equals(own)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }

    private static Table table(String name, Class<? extends Record> record, String source, Entry... entries) {
        List<FieldUse> fields = new ArrayList<>(entries.length);
        for (Entry e : entries) {
            fields.add(new FieldUse(e.defaultKey, e.simpleKey, e.accessor, e.key, e.upbitNull,
                    e.source == null ? source : e.source));
        }
        return new Table(name, record, List.copyOf(fields));
    }

    private static Entry use(Field field, String accessor) {
        if (field.simpleKeys().length != 1) {
            throw new IllegalArgumentException(field + " has several SIMPLE keys: name the one this type uses");
        }
        return use(field, field.simpleKeys()[0], accessor);
    }

    private static Entry use(Field field, String simpleKey, String accessor) {
        if (!Arrays.asList(field.simpleKeys()).contains(simpleKey)) {
            throw new IllegalArgumentException(simpleKey + " is not a SIMPLE key of " + field);
        }
        return new Entry(field.defaultKey, simpleKey, accessor, field.isKey());
    }

    private static Entry row(String defaultKey, String simpleKey, String accessor) {
        return new Entry(defaultKey, simpleKey, accessor, false);
    }

    /** A table row while the tables are written down. */
    private static final class Entry {
        final String defaultKey;
        final String simpleKey;
        final String accessor;
        final boolean key;
        String upbitNull;
        String source;

        Entry(String defaultKey, String simpleKey, String accessor, boolean key) {
            this.defaultKey = defaultKey;
            this.simpleKey = simpleKey;
            this.accessor = accessor;
            this.key = key;
        }

        Entry nullWhen(String when) {
            upbitNull = when;
            return this;
        }

        Entry from(String page) {
            source = page;
            return this;
        }
    }
}
