package io.camelupbit.examples.signals;

import java.math.BigDecimal;
import java.time.Instant;

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

    /** A name unique per market, candle and side: the client order id of the order the signal becomes. */
    public String id() {
        return code + "-" + side + "-" + candleStart.getEpochSecond();
    }
}
