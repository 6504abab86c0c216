package io.camelupbit.test;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The state of one limit order of a {@link SimAccount}, with the amounts a {@code myOrder} message carries
 * (upbit-protocol.md §4.5). Amounts are exact decimals.
 *
 * @param uuid            order id
 * @param code            market, e.g. {@code KRW-BTC}
 * @param side            {@code BID} buys, {@code ASK} sells
 * @param price           limit price
 * @param volume          ordered quantity
 * @param remainingVolume quantity still open
 * @param executedVolume  quantity filled
 * @param executedFunds   filled notional (price x filled quantity), in the quote currency
 * @param reservedFee     fee reserved when the order was placed (bids: 0.05 % of price x volume; asks: 0, the fee
 *                        comes out of the proceeds)
 * @param remainingFee    reserved fee not yet paid
 * @param paidFee         fee paid so far
 * @param locked          funds still locked: bids the quote currency (remaining funds + remaining fee), asks the
 *                        remaining quantity
 * @param tradesCount     number of fills
 * @param state           {@code wait}, {@code done} or {@code cancel}
 * @param identifier      client-assigned id, or {@code null}
 * @param orderedAt       when it was placed (wall clock of the simulator)
 */
public record SimOrder(String uuid, String code, Side side, BigDecimal price, BigDecimal volume,
                       BigDecimal remainingVolume, BigDecimal executedVolume, BigDecimal executedFunds,
                       BigDecimal reservedFee, BigDecimal remainingFee, BigDecimal paidFee, BigDecimal locked,
                       int tradesCount, String state, String identifier, Instant orderedAt) {

    /** The average fill price ({@code executedFunds / executedVolume}), 0 before the first fill. */
    public BigDecimal avgPrice() {
        if (executedVolume.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return executedFunds.divide(executedVolume, java.math.MathContext.DECIMAL128);
    }
}
