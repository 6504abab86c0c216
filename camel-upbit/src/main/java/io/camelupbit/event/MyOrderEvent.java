package io.camelupbit.event;

import java.math.BigDecimal;

/**
 * A change of one of the account's orders ({@code myOrder}, private). A fill is an event with
 * {@link OrderState#TRADE} and a {@link #tradeUuid()}; then {@link #price()} and {@link #volume()} are the fill's.
 * Everything but the code, uuid, side, order type, state, timestamp and stream type may be {@code null}.
 *
 * @param code            market code
 * @param uuid            order id
 * @param askBid          side
 * @param orderType       kind of order
 * @param state           what this event reports
 * @param tradeUuid       fill id; {@code null} unless the state is {@code TRADE}
 * @param price           order price, or the fill price for a fill
 * @param avgPrice        average fill price
 * @param volume          order quantity, or the fill quantity for a fill
 * @param remainingVolume quantity still open
 * @param executedVolume  quantity filled
 * @param tradesCount     number of fills
 * @param reservedFee     fee reserved
 * @param remainingFee    fee still reserved
 * @param paidFee         fee paid
 * @param locked          funds locked by the order
 * @param executedFunds   filled notional
 * @param timeInForce     time-in-force condition
 * @param tradeFee        fee of this fill; {@code null} unless a fill
 * @param maker           whether this fill was on the maker side; {@code null} unless a fill
 * @param identifier      client-assigned order id
 * @param smpType         self-match prevention mode
 * @param preventedVolume quantity cancelled by self-match prevention
 * @param preventedLocked funds released by self-match prevention
 * @param tradeTimestamp  fill time, epoch milliseconds
 * @param orderTimestamp  order time, epoch milliseconds
 * @param timestamp       message time, epoch milliseconds
 * @param streamType      snapshot or realtime
 */
public record MyOrderEvent(
        String code,
        String uuid,
        AskBid askBid,
        OrderType orderType,
        OrderState state,
        String tradeUuid,
        BigDecimal price,
        BigDecimal avgPrice,
        BigDecimal volume,
        BigDecimal remainingVolume,
        BigDecimal executedVolume,
        Integer tradesCount,
        BigDecimal reservedFee,
        BigDecimal remainingFee,
        BigDecimal paidFee,
        BigDecimal locked,
        BigDecimal executedFunds,
        TimeInForce timeInForce,
        BigDecimal tradeFee,
        Boolean maker,
        String identifier,
        SmpType smpType,
        BigDecimal preventedVolume,
        BigDecimal preventedLocked,
        Long tradeTimestamp,
        Long orderTimestamp,
        long timestamp,
        StreamType streamType) implements UpbitEvent {

    /** The Upbit type name of this event. */
    public static final String TYPE = "myOrder";

    @Override
    public String type() {
        return TYPE;
    }
}
