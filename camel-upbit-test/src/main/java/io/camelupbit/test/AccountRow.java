package io.camelupbit.test;

import java.math.BigDecimal;

/**
 * One currency of a {@link SimAccount} as {@code GET /v1/accounts} shows it.
 *
 * @param balance     the available and locked amounts
 * @param avgBuyPrice the volume-weighted average price of the account's bid fills of this currency in KRW markets
 *                    (rounded half-even to 8 decimals),
 *                    0 when there were none (see {@link SimAccount})
 */
record AccountRow(SimBalance balance, BigDecimal avgBuyPrice) {
}
