package io.camelupbit.examples.signals;

import java.math.BigDecimal;
import java.time.Instant;

import io.camelupbit.event.AskBid;
import io.camelupbit.trading.OrderRequest;

/**
 * A moving-average crossover on one market's closed candles.
 *
 * @param code         market code, e.g. {@code KRW-BTC}
 * @param side         BUY when the short average crossed above the long one, SELL when it crossed below
 * @param candleStart  the start of the candle whose close made the cross (UTC)
 * @param close        that candle's close
 * @param shortAverage the short moving average after that close
 * @param longAverage  the long moving average after that close
 */
public record Signal(String code, Side side, Instant candleStart, BigDecimal close, BigDecimal shortAverage,
                     BigDecimal longAverage) {

    /** Which way the short average crossed the long one. */
    public enum Side { BUY, SELL }

    /** What starts the id of every signal: the app's own orders are those whose identifier starts so. */
    public static final String ID_PREFIX = "signal-";

    /**
     * A name unique per market, candle and side: the client order id ({@code identifier}) of the order the signal
     * becomes, so that Upbit refuses to place it twice.
     */
    public String id() {
        return ID_PREFIX + code + "-" + side + "-" + candleStart.getEpochSecond();
    }

    /** The order the signal becomes: a limit order of this volume at the candle's close, identified by {@link #id()}. */
    public OrderRequest toOrder(BigDecimal volume) {
        return OrderRequest.limit(code, side == Side.BUY ? AskBid.BID : AskBid.ASK, close, volume).identifier(id());
    }
}
