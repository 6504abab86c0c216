package io.camelupbit.test;

import java.math.BigDecimal;

/**
 * A trade of a market's history with what the trade message needs beside it: the previous close in force when it
 * happened (it changes at 00:00 UTC).
 */
record TradeEntry(Trade trade, BigDecimal prevClose) {
}
