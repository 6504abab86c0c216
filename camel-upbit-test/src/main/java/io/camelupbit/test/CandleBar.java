package io.camelupbit.test;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One candle as aggregated from a market's trades: the period start, OHLC, the traded volume and value (price x
 * volume summed exactly, as Upbit's {@code candle_acc_trade_price} with its 16 decimals), and the index of the last
 * trade it holds (what tells a stream whether the candle changed).
 */
record CandleBar(CandleUnit unit, Instant start, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                 BigDecimal volume, BigDecimal value, long lastTradeIndex) {

    /** A candle holding only this trade. */
    static CandleBar first(CandleUnit unit, Instant start, Trade t) {
        return new CandleBar(unit, start, t.price(), t.price(), t.price(), t.price(), t.volume(), value(t),
                t.index());
    }

    /** This candle with one more trade. */
    CandleBar with(Trade t) {
        return new CandleBar(unit, start, open, high.max(t.price()), low.min(t.price()), t.price(),
                volume.add(t.volume()), value.add(value(t)), t.index());
    }

    private static BigDecimal value(Trade t) {
        return MarketState.eight(t.price()).multiply(t.volume());
    }
}
