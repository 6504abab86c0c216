package io.camelupbit.event;

import java.math.BigDecimal;

/**
 * One row of an order book: the n-th best ask beside the n-th best bid.
 *
 * @param askPrice ask price
 * @param bidPrice bid price
 * @param askSize  size offered at the ask price
 * @param bidSize  size wanted at the bid price
 */
public record OrderbookUnit(BigDecimal askPrice, BigDecimal bidPrice, BigDecimal askSize, BigDecimal bidSize) {
}
