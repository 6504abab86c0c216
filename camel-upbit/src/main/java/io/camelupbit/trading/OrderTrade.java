package io.camelupbit.trading;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.camelupbit.event.AskBid;

/**
 * One fill of an order ({@code trades} of {@code GET /v1/order}).
 *
 * @param code      market code
 * @param uuid      the trade's id
 * @param price     the fill's price
 * @param volume    the fill's volume
 * @param funds     price x volume
 * @param trend     {@code up} or {@code down}: the price against the previous trade
 * @param createdAt when it was filled (Upbit's offset, microseconds)
 * @param side      the order's side
 */
public record OrderTrade(String code, String uuid, BigDecimal price, BigDecimal volume, BigDecimal funds, String trend,
                         OffsetDateTime createdAt, AskBid side) {
}
