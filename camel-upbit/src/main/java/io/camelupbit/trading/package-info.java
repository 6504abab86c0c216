/**
 * What Upbit's REST API answers, as immutable records: balances, orders with their trades, the order chance of a
 * market. Every amount is a {@link java.math.BigDecimal} exactly as Upbit wrote it (Upbit writes most of them as JSON
 * strings); times are {@link java.time.OffsetDateTime} with Upbit's offset; enumerations are the events' own, with
 * {@code UNKNOWN} for a value this version does not know.
 */
package io.camelupbit.trading;
