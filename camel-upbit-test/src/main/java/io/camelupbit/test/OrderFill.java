package io.camelupbit.test;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One fill of a {@link SimAccount} order: an item of the {@code trades} array of {@code GET /v1/order}.
 *
 * @param uuid   the trade's id, the {@code trade_uuid} of its {@code myOrder} event
 * @param price  the fill price
 * @param volume the filled quantity
 * @param funds  price x volume, in the quote currency
 * @param at     when it happened (the simulator's wall clock)
 */
record OrderFill(String uuid, BigDecimal price, BigDecimal volume, BigDecimal funds, Instant at) {
}
