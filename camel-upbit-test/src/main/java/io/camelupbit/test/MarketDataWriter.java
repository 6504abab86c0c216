package io.camelupbit.test;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes the market data items (ticker, trade, orderbook, candle) with DEFAULT or SIMPLE keys, in the field order of
 * Upbit's samples. Numbers go out from {@link BigDecimal} in plain notation, at the scale the item carries.
 */
final class MarketDataWriter {

    private MarketDataWriter() {
    }

    static void ticker(JsonGenerator g, Ticker t, boolean s) throws IOException {
        g.writeStartObject();
        g.writeStringField(TickerKey.TYPE.name(s), DataTypes.TICKER);
        g.writeStringField(TickerKey.CODE.name(s), t.code());
        number(g, TickerKey.OPENING_PRICE, s, t.openingPrice());
        number(g, TickerKey.HIGH_PRICE, s, t.highPrice());
        number(g, TickerKey.LOW_PRICE, s, t.lowPrice());
        number(g, TickerKey.TRADE_PRICE, s, t.tradePrice());
        number(g, TickerKey.PREV_CLOSING_PRICE, s, t.prevClosingPrice());
        number(g, TickerKey.ACC_TRADE_PRICE, s, t.accTradePrice());
        g.writeStringField(TickerKey.CHANGE.name(s), t.change());
        number(g, TickerKey.CHANGE_PRICE, s, t.changePrice());
        number(g, TickerKey.SIGNED_CHANGE_PRICE, s, t.signedChangePrice());
        number(g, TickerKey.CHANGE_RATE, s, t.changeRate());
        number(g, TickerKey.SIGNED_CHANGE_RATE, s, t.signedChangeRate());
        g.writeStringField(TickerKey.ASK_BID.name(s), t.askBid());
        number(g, TickerKey.TRADE_VOLUME, s, t.tradeVolume());
        number(g, TickerKey.ACC_TRADE_VOLUME, s, t.accTradeVolume());
        g.writeStringField(TickerKey.TRADE_DATE.name(s), t.tradeDate());
        g.writeStringField(TickerKey.TRADE_TIME.name(s), t.tradeTime());
        g.writeNumberField(TickerKey.TRADE_TIMESTAMP.name(s), t.tradeTimestamp());
        number(g, TickerKey.ACC_ASK_VOLUME, s, t.accAskVolume());
        number(g, TickerKey.ACC_BID_VOLUME, s, t.accBidVolume());
        number(g, TickerKey.HIGHEST_52_WEEK_PRICE, s, t.highest52WeekPrice());
        g.writeStringField(TickerKey.HIGHEST_52_WEEK_DATE.name(s), t.highest52WeekDate());
        number(g, TickerKey.LOWEST_52_WEEK_PRICE, s, t.lowest52WeekPrice());
        g.writeStringField(TickerKey.LOWEST_52_WEEK_DATE.name(s), t.lowest52WeekDate());
        g.writeStringField(TickerKey.MARKET_STATE.name(s), t.marketState());
        g.writeBooleanField(TickerKey.IS_TRADING_SUSPENDED.name(s), t.tradingSuspended());
        g.writeFieldName(TickerKey.DELISTING_DATE.name(s));
        if (t.delistingDate() == null) {
            g.writeNull();
        } else {
            g.writeString(t.delistingDate());
        }
        g.writeStringField(TickerKey.MARKET_WARNING.name(s), t.marketWarning());
        g.writeNumberField(TickerKey.TIMESTAMP.name(s), t.timestamp());
        number(g, TickerKey.ACC_TRADE_PRICE_24H, s, t.accTradePrice24h());
        number(g, TickerKey.ACC_TRADE_VOLUME_24H, s, t.accTradeVolume24h());
        g.writeStringField(TickerKey.STREAM_TYPE.name(s), t.streamType().name());
        g.writeEndObject();
    }

    static void trade(JsonGenerator g, TradeMessage t, boolean s) throws IOException {
        g.writeStartObject();
        g.writeStringField(TradeKey.TYPE.name(s), DataTypes.TRADE);
        g.writeStringField(TradeKey.CODE.name(s), t.code());
        g.writeNumberField(TradeKey.TIMESTAMP.name(s), t.timestamp());
        g.writeStringField(TradeKey.TRADE_DATE.name(s), t.tradeDate());
        g.writeStringField(TradeKey.TRADE_TIME.name(s), t.tradeTime());
        g.writeNumberField(TradeKey.TRADE_TIMESTAMP.name(s), t.tradeTimestamp());
        number(g, TradeKey.TRADE_PRICE, s, t.tradePrice());
        number(g, TradeKey.TRADE_VOLUME, s, t.tradeVolume());
        g.writeStringField(TradeKey.ASK_BID.name(s), t.askBid());
        number(g, TradeKey.PREV_CLOSING_PRICE, s, t.prevClosingPrice());
        g.writeStringField(TradeKey.CHANGE.name(s), t.change());
        number(g, TradeKey.CHANGE_PRICE, s, t.changePrice());
        g.writeNumberField(TradeKey.SEQUENTIAL_ID.name(s), t.sequentialId());
        number(g, TradeKey.BEST_ASK_PRICE, s, t.bestAskPrice());
        number(g, TradeKey.BEST_ASK_SIZE, s, t.bestAskSize());
        number(g, TradeKey.BEST_BID_PRICE, s, t.bestBidPrice());
        number(g, TradeKey.BEST_BID_SIZE, s, t.bestBidSize());
        g.writeStringField(TradeKey.STREAM_TYPE.name(s), t.streamType().name());
        g.writeEndObject();
    }

    static void orderbook(JsonGenerator g, OrderbookMessage o, boolean s) throws IOException {
        g.writeStartObject();
        g.writeStringField(OrderbookKey.TYPE.name(s), DataTypes.ORDERBOOK);
        g.writeStringField(OrderbookKey.CODE.name(s), o.code());
        g.writeNumberField(OrderbookKey.TIMESTAMP.name(s), o.timestamp());
        number(g, OrderbookKey.TOTAL_ASK_SIZE, s, o.totalAskSize());
        number(g, OrderbookKey.TOTAL_BID_SIZE, s, o.totalBidSize());
        g.writeArrayFieldStart(OrderbookKey.ORDERBOOK_UNITS.name(s));
        for (OrderbookUnit u : o.units()) {
            g.writeStartObject();
            number(g, OrderbookUnitKey.ASK_PRICE, s, u.askPrice());
            number(g, OrderbookUnitKey.BID_PRICE, s, u.bidPrice());
            number(g, OrderbookUnitKey.ASK_SIZE, s, u.askSize());
            number(g, OrderbookUnitKey.BID_SIZE, s, u.bidSize());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField(OrderbookKey.STREAM_TYPE.name(s), o.streamType().name());
        number(g, OrderbookKey.LEVEL, s, o.level());
        g.writeEndObject();
    }

    static void candle(JsonGenerator g, CandleMessage c, boolean s) throws IOException {
        g.writeStartObject();
        g.writeStringField(CandleKey.TYPE.name(s), c.type());
        g.writeStringField(CandleKey.CODE.name(s), c.code());
        g.writeStringField(CandleKey.CANDLE_DATE_TIME_UTC.name(s), c.candleDateTimeUtc());
        g.writeStringField(CandleKey.CANDLE_DATE_TIME_KST.name(s), c.candleDateTimeKst());
        number(g, CandleKey.OPENING_PRICE, s, c.openingPrice());
        number(g, CandleKey.HIGH_PRICE, s, c.highPrice());
        number(g, CandleKey.LOW_PRICE, s, c.lowPrice());
        number(g, CandleKey.TRADE_PRICE, s, c.tradePrice());
        number(g, CandleKey.CANDLE_ACC_TRADE_VOLUME, s, c.candleAccTradeVolume());
        number(g, CandleKey.CANDLE_ACC_TRADE_PRICE, s, c.candleAccTradePrice());
        g.writeNumberField(CandleKey.TIMESTAMP.name(s), c.timestamp());
        g.writeStringField(CandleKey.STREAM_TYPE.name(s), c.streamType().name());
        g.writeEndObject();
    }

    static void number(JsonGenerator g, Key key, boolean simple, BigDecimal value) throws IOException {
        g.writeFieldName(key.name(simple));
        g.writeNumber(value);
    }
}
