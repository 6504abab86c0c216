package io.camelupbit.test;

import java.math.BigDecimal;

/**
 * One currency of a {@link SimAccount}: what is available and what open orders lock (a {@code myAsset} row,
 * upbit-protocol.md §4.6). Amounts are exact decimals, never rounded.
 *
 * @param currency e.g. {@code KRW} or {@code BTC}
 * @param balance  the available amount
 * @param locked   the amount locked by open orders
 */
public record SimBalance(String currency, BigDecimal balance, BigDecimal locked) {
}
