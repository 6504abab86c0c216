package io.camelupbit.wire;

import java.util.List;
import java.util.function.Function;

import io.camelupbit.event.AnnouncementCategory;
import io.camelupbit.event.AnnouncementEvent;
import io.camelupbit.event.AnnouncementEventType;
import io.camelupbit.event.AskBid;
import io.camelupbit.event.Asset;
import io.camelupbit.event.CandleEvent;
import io.camelupbit.event.CandleUnit;
import io.camelupbit.event.IndicatorEvent;
import io.camelupbit.event.IndicatorSignalEvent;
import io.camelupbit.event.IndicatorTimeframe;
import io.camelupbit.event.IndicatorType;
import io.camelupbit.event.Change;
import io.camelupbit.event.MarketState;
import io.camelupbit.event.MarketWarning;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.OrderbookUnit;
import io.camelupbit.event.SignalParams;
import io.camelupbit.event.SignalTrigger;
import io.camelupbit.event.SmpType;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TimeInForce;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;

/**
 * Builds the typed event from the slots of one decoded data object. A missing field makes the item malformed only when
 * it is one of the item's keys ({@link Field#isKey()}); other missing fields read as {@code null}.
 */
final class EventAssembler {

    private EventAssembler() {
    }

    /** Whether this version decodes items of this type. */
    static boolean knows(String type) {
        return switch (type) {
            case TickerEvent.TYPE, TradeEvent.TYPE, OrderbookEvent.TYPE, MyOrderEvent.TYPE, MyAssetEvent.TYPE,
                 AnnouncementEvent.TYPE, IndicatorEvent.TYPE, IndicatorSignalEvent.TYPE -> true;
            default -> CandleUnit.ofType(type) != null;
        };
    }

    /**
     * @return the event, or {@code null} when this version does not know the object's type
     * @throws IllegalArgumentException when a required field is missing or a value is out of shape
     */
    static UpbitEvent assemble(String type, FieldSlots s) {
        return switch (type) {
            case TickerEvent.TYPE -> ticker(s);
            case TradeEvent.TYPE -> trade(s);
            case OrderbookEvent.TYPE -> orderbook(s);
            case MyOrderEvent.TYPE -> myOrder(s);
            case MyAssetEvent.TYPE -> myAsset(s);
            case AnnouncementEvent.TYPE -> announcement(s);
            case IndicatorEvent.TYPE -> indicator(s);
            case IndicatorSignalEvent.TYPE -> indicatorSignal(s);
            default -> {
                CandleUnit unit = CandleUnit.ofType(type);
                yield unit == null ? null : candle(unit, s);
            }
        };
    }

    private static TickerEvent ticker(FieldSlots s) {
        return new TickerEvent(
                required(s, Field.CODE),
                s.decimal(Field.OPENING_PRICE),
                s.decimal(Field.HIGH_PRICE),
                s.decimal(Field.LOW_PRICE),
                s.decimal(Field.TRADE_PRICE),
                s.decimal(Field.PREV_CLOSING_PRICE),
                constant(s, Field.CHANGE, Change::of),
                s.decimal(Field.CHANGE_PRICE),
                s.decimal(Field.SIGNED_CHANGE_PRICE),
                s.decimal(Field.CHANGE_RATE),
                s.decimal(Field.SIGNED_CHANGE_RATE),
                s.decimal(Field.TRADE_VOLUME),
                s.decimal(Field.ACC_TRADE_VOLUME),
                s.decimal(Field.ACC_TRADE_VOLUME_24H),
                s.decimal(Field.ACC_TRADE_PRICE),
                s.decimal(Field.ACC_TRADE_PRICE_24H),
                s.object(Field.TRADE_DATE),
                s.object(Field.TRADE_TIME),
                s.boxedLong(Field.TRADE_TIMESTAMP),
                constant(s, Field.ASK_BID, AskBid::of),
                s.decimal(Field.ACC_ASK_VOLUME),
                s.decimal(Field.ACC_BID_VOLUME),
                s.decimal(Field.HIGHEST_52_WEEK_PRICE),
                s.object(Field.HIGHEST_52_WEEK_DATE),
                s.decimal(Field.LOWEST_52_WEEK_PRICE),
                s.object(Field.LOWEST_52_WEEK_DATE),
                constant(s, Field.MARKET_STATE, MarketState::of),
                s.bool(Field.IS_TRADING_SUSPENDED),
                s.object(Field.DELISTING_DATE),
                constant(s, Field.MARKET_WARNING, MarketWarning::of),
                requiredLong(s, Field.TIMESTAMP),
                streamType(s));
    }

    private static TradeEvent trade(FieldSlots s) {
        return new TradeEvent(
                required(s, Field.CODE),
                s.decimal(Field.TRADE_PRICE),
                s.decimal(Field.TRADE_VOLUME),
                constant(s, Field.ASK_BID, AskBid::of),
                s.decimal(Field.PREV_CLOSING_PRICE),
                constant(s, Field.CHANGE, Change::of),
                s.decimal(Field.CHANGE_PRICE),
                s.object(Field.TRADE_DATE),
                s.object(Field.TRADE_TIME),
                s.boxedLong(Field.TRADE_TIMESTAMP),
                requiredLong(s, Field.TIMESTAMP),
                requiredLong(s, Field.SEQUENTIAL_ID),
                s.decimal(Field.BEST_ASK_PRICE),
                s.decimal(Field.BEST_ASK_SIZE),
                s.decimal(Field.BEST_BID_PRICE),
                s.decimal(Field.BEST_BID_SIZE),
                streamType(s));
    }

    private static OrderbookEvent orderbook(FieldSlots s) {
        List<OrderbookUnit> units = s.object(Field.ORDERBOOK_UNITS);
        return new OrderbookEvent(
                required(s, Field.CODE),
                s.decimal(Field.TOTAL_ASK_SIZE),
                s.decimal(Field.TOTAL_BID_SIZE),
                units == null ? List.of() : units,
                requiredLong(s, Field.TIMESTAMP),
                s.decimal(Field.LEVEL),
                streamType(s));
    }

    private static CandleEvent candle(CandleUnit unit, FieldSlots s) {
        return new CandleEvent(
                unit,
                required(s, Field.CODE),
                requiredObject(s, Field.CANDLE_DATE_TIME_UTC),
                s.object(Field.CANDLE_DATE_TIME_KST),
                s.decimal(Field.OPENING_PRICE),
                s.decimal(Field.HIGH_PRICE),
                s.decimal(Field.LOW_PRICE),
                s.decimal(Field.TRADE_PRICE),
                s.decimal(Field.CANDLE_ACC_TRADE_VOLUME),
                s.decimal(Field.CANDLE_ACC_TRADE_PRICE),
                requiredLong(s, Field.TIMESTAMP),
                streamType(s));
    }

    private static MyOrderEvent myOrder(FieldSlots s) {
        Long tradesCount = s.boxedLong(Field.TRADES_COUNT);
        return new MyOrderEvent(
                required(s, Field.CODE),
                required(s, Field.UUID),
                constant(s, Field.ASK_BID, AskBid::of),
                constant(s, Field.ORDER_TYPE, OrderType::of),
                constant(s, Field.STATE, OrderState::of),
                s.text(Field.TRADE_UUID),
                s.decimal(Field.PRICE),
                s.decimal(Field.AVG_PRICE),
                s.decimal(Field.VOLUME),
                s.decimal(Field.REMAINING_VOLUME),
                s.decimal(Field.EXECUTED_VOLUME),
                tradesCount == null ? null : tradesCount.intValue(),
                s.decimal(Field.RESERVED_FEE),
                s.decimal(Field.REMAINING_FEE),
                s.decimal(Field.PAID_FEE),
                s.decimal(Field.LOCKED),
                s.decimal(Field.EXECUTED_FUNDS),
                constant(s, Field.TIME_IN_FORCE, TimeInForce::of),
                s.decimal(Field.TRADE_FEE),
                s.bool(Field.IS_MAKER),
                s.text(Field.IDENTIFIER),
                constant(s, Field.SMP_TYPE, SmpType::of),
                s.decimal(Field.PREVENTED_VOLUME),
                s.decimal(Field.PREVENTED_LOCKED),
                s.boxedLong(Field.TRADE_TIMESTAMP),
                s.boxedLong(Field.ORDER_TIMESTAMP),
                requiredLong(s, Field.TIMESTAMP),
                streamType(s));
    }

    private static MyAssetEvent myAsset(FieldSlots s) {
        List<Asset> assets = s.object(Field.ASSETS);
        return new MyAssetEvent(
                required(s, Field.ASSET_UUID),
                assets == null ? List.of() : assets,
                s.boxedLong(Field.ASSET_TIMESTAMP),
                requiredLong(s, Field.TIMESTAMP),
                streamType(s));
    }

    private static AnnouncementEvent announcement(FieldSlots s) {
        return new AnnouncementEvent(
                constant(s, Field.EVENT_TYPE, AnnouncementEventType::of),
                required(s, Field.UUID),
                s.text(Field.TITLE),
                constant(s, Field.CATEGORY, AnnouncementCategory::of),
                s.text(Field.URL),
                s.object(Field.FIRST_LISTED_AT),
                s.object(Field.LISTED_AT),
                s.text(Field.BODY),
                requiredLong(s, Field.TIMESTAMP),
                streamType(s));
    }

    private static IndicatorEvent indicator(FieldSlots s) {
        return new IndicatorEvent(
                required(s, Field.CODE),
                IndicatorTimeframe.of(required(s, Field.TIMEFRAME)),
                IndicatorType.of(required(s, Field.INDICATOR)),
                requiredObject(s, Field.PARAMS),
                s.object(Field.VALUE),
                requiredObject(s, Field.CANDLE_DATE_TIME_UTC),
                requiredLong(s, Field.TIMESTAMP),
                streamType(s));
    }

    private static IndicatorSignalEvent indicatorSignal(FieldSlots s) {
        SignalParams eventParams = s.object(Field.EVENT_PARAMS);
        return new IndicatorSignalEvent(
                required(s, Field.CODE),
                IndicatorTimeframe.of(required(s, Field.TIMEFRAME)),
                IndicatorType.of(required(s, Field.INDICATOR)),
                requiredObject(s, Field.PARAMS),
                SignalTrigger.of(required(s, Field.TRIGGER)),
                eventParams == null ? SignalParams.NONE : eventParams,
                s.object(Field.VALUE),
                requiredObject(s, Field.CANDLE_DATE_TIME_UTC),
                requiredLong(s, Field.TIMESTAMP),
                streamType(s));
    }

    private static StreamType streamType(FieldSlots s) {
        return StreamType.of(required(s, Field.STREAM_TYPE));
    }

    private static <E> E constant(FieldSlots s, Field field, Function<String, E> of) {
        String text = s.text(field);
        return text == null ? null : of.apply(text);
    }

    private static String required(FieldSlots s, Field field) {
        return requiredObject(s, field);
    }

    private static <T> T requiredObject(FieldSlots s, Field field) {
        T value = s.object(field);
        if (value == null) {
            throw new IllegalArgumentException("missing " + field.defaultKey);
        }
        return value;
    }

    private static long requiredLong(FieldSlots s, Field field) {
        if (!s.hasLong(field)) {
            throw new IllegalArgumentException("missing " + field.defaultKey);
        }
        return s.longValue(field);
    }
}
