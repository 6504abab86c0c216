package io.camelupbit.benchmarks.proto;

import io.camelupbit.wire.*;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.Asset;
import io.camelupbit.event.CandleEvent;
import io.camelupbit.event.CandleUnit;
import io.camelupbit.event.Change;
import io.camelupbit.event.MarketState;
import io.camelupbit.event.MarketWarning;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.OrderbookUnit;
import io.camelupbit.event.SmpType;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TimeInForce;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;

/**
 * Builds the typed event from the slots of one decoded data object. A field Upbit documents as always present but
 * that is missing here makes the item malformed only when the event cannot stand without it (type, code, timestamp,
 * stream type, ids); other missing fields read as {@code null}.
 */
final class ProtoEventAssembler {

    private ProtoEventAssembler() {
    }

    /**
     * @return the event, or {@code null} when this version does not know the object's type
     * @throws IllegalArgumentException when a required field is missing or a value is out of shape
     */
    static UpbitEvent assemble(String type, ProtoFieldSlots s) {
        return switch (type) {
            case TickerEvent.TYPE -> ticker(s);
            case TradeEvent.TYPE -> trade(s);
            case OrderbookEvent.TYPE -> orderbook(s);
            case MyOrderEvent.TYPE -> myOrder(s);
            case MyAssetEvent.TYPE -> myAsset(s);
            default -> {
                CandleUnit unit = CandleUnit.ofType(type);
                yield unit == null ? null : candle(unit, s);
            }
        };
    }

    private static TickerEvent ticker(ProtoFieldSlots s) {
        return new TickerEvent(
                required(s, ProtoField.CODE),
                s.decimal(ProtoField.OPENING_PRICE),
                s.decimal(ProtoField.HIGH_PRICE),
                s.decimal(ProtoField.LOW_PRICE),
                s.decimal(ProtoField.TRADE_PRICE),
                s.decimal(ProtoField.PREV_CLOSING_PRICE),
                constant(s, ProtoField.CHANGE, Change::of),
                s.decimal(ProtoField.CHANGE_PRICE),
                s.decimal(ProtoField.SIGNED_CHANGE_PRICE),
                s.decimal(ProtoField.CHANGE_RATE),
                s.decimal(ProtoField.SIGNED_CHANGE_RATE),
                s.decimal(ProtoField.TRADE_VOLUME),
                s.decimal(ProtoField.ACC_TRADE_VOLUME),
                s.decimal(ProtoField.ACC_TRADE_VOLUME_24H),
                s.decimal(ProtoField.ACC_TRADE_PRICE),
                s.decimal(ProtoField.ACC_TRADE_PRICE_24H),
                ProtoTimeText.date(s.text(ProtoField.TRADE_DATE)),
                ProtoTimeText.time(s.text(ProtoField.TRADE_TIME)),
                requiredLong(s, ProtoField.TRADE_TIMESTAMP),
                constant(s, ProtoField.ASK_BID, AskBid::of),
                s.decimal(ProtoField.ACC_ASK_VOLUME),
                s.decimal(ProtoField.ACC_BID_VOLUME),
                s.decimal(ProtoField.HIGHEST_52_WEEK_PRICE),
                ProtoTimeText.date(s.text(ProtoField.HIGHEST_52_WEEK_DATE)),
                s.decimal(ProtoField.LOWEST_52_WEEK_PRICE),
                ProtoTimeText.date(s.text(ProtoField.LOWEST_52_WEEK_DATE)),
                constant(s, ProtoField.MARKET_STATE, MarketState::of),
                s.bool(ProtoField.IS_TRADING_SUSPENDED),
                ProtoTimeText.date(s.text(ProtoField.DELISTING_DATE)),
                constant(s, ProtoField.MARKET_WARNING, MarketWarning::of),
                requiredLong(s, ProtoField.TIMESTAMP),
                streamType(s));
    }

    private static TradeEvent trade(ProtoFieldSlots s) {
        return new TradeEvent(
                required(s, ProtoField.CODE),
                s.decimal(ProtoField.TRADE_PRICE),
                s.decimal(ProtoField.TRADE_VOLUME),
                constant(s, ProtoField.ASK_BID, AskBid::of),
                s.decimal(ProtoField.PREV_CLOSING_PRICE),
                constant(s, ProtoField.CHANGE, Change::of),
                s.decimal(ProtoField.CHANGE_PRICE),
                ProtoTimeText.date(s.text(ProtoField.TRADE_DATE)),
                ProtoTimeText.time(s.text(ProtoField.TRADE_TIME)),
                requiredLong(s, ProtoField.TRADE_TIMESTAMP),
                requiredLong(s, ProtoField.TIMESTAMP),
                requiredLong(s, ProtoField.SEQUENTIAL_ID),
                s.decimal(ProtoField.BEST_ASK_PRICE),
                s.decimal(ProtoField.BEST_ASK_SIZE),
                s.decimal(ProtoField.BEST_BID_PRICE),
                s.decimal(ProtoField.BEST_BID_SIZE),
                streamType(s));
    }

    private static OrderbookEvent orderbook(ProtoFieldSlots s) {
        List<OrderbookUnit> units = s.object(ProtoField.ORDERBOOK_UNITS);
        return new OrderbookEvent(
                required(s, ProtoField.CODE),
                s.decimal(ProtoField.TOTAL_ASK_SIZE),
                s.decimal(ProtoField.TOTAL_BID_SIZE),
                units == null ? List.of() : units,
                requiredLong(s, ProtoField.TIMESTAMP),
                s.decimal(ProtoField.LEVEL),
                streamType(s));
    }

    private static CandleEvent candle(CandleUnit unit, ProtoFieldSlots s) {
        return new CandleEvent(
                unit,
                required(s, ProtoField.CODE),
                dateTime(required(s, ProtoField.CANDLE_DATE_TIME_UTC)),
                dateTime(s.text(ProtoField.CANDLE_DATE_TIME_KST)),
                s.decimal(ProtoField.OPENING_PRICE),
                s.decimal(ProtoField.HIGH_PRICE),
                s.decimal(ProtoField.LOW_PRICE),
                s.decimal(ProtoField.TRADE_PRICE),
                s.decimal(ProtoField.CANDLE_ACC_TRADE_VOLUME),
                s.decimal(ProtoField.CANDLE_ACC_TRADE_PRICE),
                requiredLong(s, ProtoField.TIMESTAMP),
                streamType(s));
    }

    private static MyOrderEvent myOrder(ProtoFieldSlots s) {
        Long tradesCount = s.boxedLong(ProtoField.TRADES_COUNT);
        return new MyOrderEvent(
                required(s, ProtoField.CODE),
                required(s, ProtoField.UUID),
                constant(s, ProtoField.ASK_BID, AskBid::of),
                constant(s, ProtoField.ORDER_TYPE, OrderType::of),
                constant(s, ProtoField.STATE, OrderState::of),
                s.text(ProtoField.TRADE_UUID),
                s.decimal(ProtoField.PRICE),
                s.decimal(ProtoField.AVG_PRICE),
                s.decimal(ProtoField.VOLUME),
                s.decimal(ProtoField.REMAINING_VOLUME),
                s.decimal(ProtoField.EXECUTED_VOLUME),
                tradesCount == null ? null : Math.toIntExact(tradesCount),
                s.decimal(ProtoField.RESERVED_FEE),
                s.decimal(ProtoField.REMAINING_FEE),
                s.decimal(ProtoField.PAID_FEE),
                s.decimal(ProtoField.LOCKED),
                s.decimal(ProtoField.EXECUTED_FUNDS),
                constant(s, ProtoField.TIME_IN_FORCE, TimeInForce::of),
                s.decimal(ProtoField.TRADE_FEE),
                s.bool(ProtoField.IS_MAKER),
                s.text(ProtoField.IDENTIFIER),
                constant(s, ProtoField.SMP_TYPE, SmpType::of),
                s.decimal(ProtoField.PREVENTED_VOLUME),
                s.decimal(ProtoField.PREVENTED_LOCKED),
                s.boxedLong(ProtoField.TRADE_TIMESTAMP),
                s.boxedLong(ProtoField.ORDER_TIMESTAMP),
                requiredLong(s, ProtoField.TIMESTAMP),
                streamType(s));
    }

    private static MyAssetEvent myAsset(ProtoFieldSlots s) {
        List<Asset> assets = s.object(ProtoField.ASSETS);
        return new MyAssetEvent(
                required(s, ProtoField.ASSET_UUID),
                assets == null ? List.of() : assets,
                requiredLong(s, ProtoField.ASSET_TIMESTAMP),
                requiredLong(s, ProtoField.TIMESTAMP),
                streamType(s));
    }

    private static StreamType streamType(ProtoFieldSlots s) {
        return StreamType.of(required(s, ProtoField.STREAM_TYPE));
    }

    private static <E> E constant(ProtoFieldSlots s, ProtoField field, Function<String, E> of) {
        String text = s.text(field);
        return text == null ? null : of.apply(text);
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss}; {@code null} stays {@code null}. */
    private static LocalDateTime dateTime(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() != 19 || text.charAt(10) != 'T') {
            throw new IllegalArgumentException("not a date-time: " + text);
        }
        return LocalDateTime.of(ProtoTimeText.date(text.substring(0, 10)), ProtoTimeText.time(text.substring(11)));
    }

    private static String required(ProtoFieldSlots s, ProtoField field) {
        String value = s.text(field);
        if (value == null) {
            throw new IllegalArgumentException("missing " + field.defaultKey);
        }
        return value;
    }

    private static long requiredLong(ProtoFieldSlots s, ProtoField field) {
        if (!s.hasLong(field)) {
            throw new IllegalArgumentException("missing " + field.defaultKey);
        }
        return s.longValue(field);
    }
}
