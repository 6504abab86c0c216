package io.camelupbit.test;

import java.math.BigDecimal;

/**
 * One {@code myOrder} message (upbit-protocol.md §4.5): the order's state after an event. For a fill
 * ({@code state=trade}) {@code price} and {@code volume} are the fill's, and the trade fields are set; otherwise they
 * are the order's price and quantity ({@code null} where the order has none: the volume of an order by total amount,
 * the price of a {@code market} order or {@code best} ask) and the trade fields are {@code null}.
 */
record MyOrderEvent(SimOrder order, String state, BigDecimal price, BigDecimal volume, String tradeUuid,
                    BigDecimal tradeFee, Boolean maker, Long tradeTimestamp, long timestamp) implements DataItem {
}
