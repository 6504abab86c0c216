package io.camelupbit.test;

import java.math.BigDecimal;
import java.util.List;

/**
 * The values of one orderbook message (upbit-protocol.md §4.3): a complete book of the rows sent, with their totals.
 * {@code level} is the aggregation unit as requested (0 when none).
 */
record OrderbookMessage(
        long tradeIndex,
        String code,
        BigDecimal totalAskSize,
        BigDecimal totalBidSize,
        List<OrderbookUnit> units,
        long timestamp,
        BigDecimal level,
        Ticker.StreamType streamType) implements DataItem {

    OrderbookMessage {
        units = List.copyOf(units);
    }
}
