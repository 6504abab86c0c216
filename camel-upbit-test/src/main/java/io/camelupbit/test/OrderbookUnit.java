package io.camelupbit.test;

import java.math.BigDecimal;

/** One row of a book (upbit-protocol.md §4.3 {@code orderbook_units}): one ask level paired with one bid level. */
record OrderbookUnit(BigDecimal askPrice, BigDecimal bidPrice, BigDecimal askSize, BigDecimal bidSize) {
}
