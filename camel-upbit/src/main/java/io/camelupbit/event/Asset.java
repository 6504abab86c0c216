package io.camelupbit.event;

import java.math.BigDecimal;

/**
 * One currency's balance after a change.
 *
 * @param currency currency, e.g. {@code KRW}
 * @param balance  amount available
 * @param locked   amount locked in orders
 */
public record Asset(String currency, BigDecimal balance, BigDecimal locked) {
}
