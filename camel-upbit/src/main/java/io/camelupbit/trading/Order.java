package io.camelupbit.trading;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.SmpType;
import io.camelupbit.event.TimeInForce;

/**
 * An order as Upbit's REST API describes it (placing, cancelling, reading, listing;
 * https://docs.upbit.com/kr/reference/get-order). Fields Upbit leaves out for an order (a market sell has no price, a
 * market buy by amount no volume, a list no trades) are {@code null}.
 *
 * @param uuid            the order's id
 * @param code            market code
 * @param side            bid (buy) or ask (sell)
 * @param orderType       limit, price (market buy by amount), market (market sell) or best
 * @param price           limit price, or the amount of a market buy
 * @param state           wait, watch, done, cancel
 * @param createdAt       when it was placed (Upbit's offset)
 * @param volume          ordered volume
 * @param remainingVolume volume still open
 * @param reservedFee     fee reserved when placed
 * @param remainingFee    reserved fee not yet used
 * @param paidFee         fee paid so far
 * @param locked          amount held by the order
 * @param executedVolume  volume filled
 * @param executedFunds   amount filled ({@code null} where Upbit leaves it out)
 * @param tradesCount     number of fills
 * @param timeInForce     ioc, fok or post_only; {@code null} when none was given
 * @param identifier      the client's id of the order; {@code null} when none was given
 * @param smpType         self-match prevention mode
 * @param preventedVolume volume cancelled by self-match prevention
 * @param preventedLocked amount released by self-match prevention
 * @param trades          the fills ({@code GET /v1/order} only); empty when Upbit sends none
 */
public record Order(String uuid, String code, AskBid side, OrderType orderType, BigDecimal price, OrderState state,
                    OffsetDateTime createdAt, BigDecimal volume, BigDecimal remainingVolume, BigDecimal reservedFee,
                    BigDecimal remainingFee, BigDecimal paidFee, BigDecimal locked, BigDecimal executedVolume,
                    BigDecimal executedFunds, Integer tradesCount, TimeInForce timeInForce, String identifier,
                    SmpType smpType, BigDecimal preventedVolume, BigDecimal preventedLocked, List<OrderTrade> trades) {

    public Order {
        trades = trades == null ? List.of() : List.copyOf(trades);
    }
}
