package io.camelupbit.test;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One simulated trade: a step of a market's random walk.
 *
 * @param code         market code
 * @param index        position in the market's trade sequence (0 is the trade just before simulated start); the
 *                     same seed gives the same (price, volume, side) at every index
 * @param price        price on the market's tick grid
 * @param volume       size, 8 decimals
 * @param side         {@code ASK} (a sell order took the bid) or {@code BID} (a buy order took the ask)
 * @param time         simulated trade time
 * @param sequentialId Upbit-style unique trade number: epoch millis x 10,000 + index within that millisecond
 */
public record Trade(String code, long index, BigDecimal price, BigDecimal volume, Side side, Instant time,
                    long sequentialId) {

    /** The taker side, as Upbit's {@code ask_bid}. */
    public enum Side { ASK, BID }
}
