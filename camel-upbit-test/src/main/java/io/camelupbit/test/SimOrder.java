package io.camelupbit.test;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The state of one order of a {@link SimAccount}, with the amounts a {@code myOrder} message carries
 * (upbit-protocol.md §4.5). Amounts are exact decimals.
 *
 * @param uuid            order id
 * @param code            market, e.g. {@code KRW-BTC}
 * @param side            {@code BID} buys, {@code ASK} sells
 * @param orderType       {@code limit}, {@code price}, {@code market} or {@code best} ({@link OrderRequest})
 * @param price           the unit price of a limit order, the total amount of a {@code price} order or a
 *                        {@code best} bid, {@code null} for a {@code market} order or a {@code best} ask
 * @param volume          ordered quantity, {@code null} for an order by total amount
 * @param remainingVolume quantity still open, {@code null} for an order by total amount (it has no quantity)
 * @param executedVolume  quantity filled
 * @param executedFunds   filled notional (sum of fill price x fill quantity), in the quote currency
 * @param reservedFee     fee reserved when the order was placed (bids: 0.05 % of what they may spend; asks: 0, the
 *                        fee comes out of the proceeds)
 * @param remainingFee    reserved fee not yet paid or released
 * @param paidFee         fee paid so far
 * @param locked          funds still locked: bids the quote currency (remaining funds + remaining fee), asks the
 *                        remaining quantity
 * @param preventedVolume quantity cancelled by self-match prevention
 * @param preventedLocked what self-match prevention released: bids the quote amount (fee included), asks the
 *                        quantity
 * @param tradesCount     number of fills
 * @param state           {@code watch}, {@code wait}, {@code done} or {@code cancel}
 * @param timeInForce     {@code ioc}, {@code fok}, {@code post_only} or {@code null}
 * @param smpType         the self-match prevention the order carries ({@link OrderRequest#appliedSmpType()})
 * @param identifier      client-assigned id, or {@code null}
 * @param stopPrice       trigger price of a stop-limit order, or {@code null}
 * @param orderedAt       when it was placed (wall clock of the simulator)
 */
public record SimOrder(String uuid, String code, Side side, String orderType, BigDecimal price, BigDecimal volume,
                       BigDecimal remainingVolume, BigDecimal executedVolume, BigDecimal executedFunds,
                       BigDecimal reservedFee, BigDecimal remainingFee, BigDecimal paidFee, BigDecimal locked,
                       BigDecimal preventedVolume, BigDecimal preventedLocked, int tradesCount, String state,
                       String timeInForce, String smpType, String identifier, BigDecimal stopPrice,
                       Instant orderedAt) {

    /** The average fill price ({@code executedFunds / executedVolume}), 0 before the first fill. */
    public BigDecimal avgPrice() {
        if (executedVolume.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return executedFunds.divide(executedVolume, java.math.MathContext.DECIMAL128);
    }
}
