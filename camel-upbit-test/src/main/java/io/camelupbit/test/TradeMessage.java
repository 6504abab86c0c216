package io.camelupbit.test;

import java.math.BigDecimal;

/** The values of one trade message (upbit-protocol.md §4.2), already at the scale Upbit writes them. */
record TradeMessage(
        long tradeIndex,
        String code,
        BigDecimal tradePrice,
        BigDecimal tradeVolume,
        String askBid,
        BigDecimal prevClosingPrice,
        String change,
        BigDecimal changePrice,
        String tradeDate,
        String tradeTime,
        long tradeTimestamp,
        long timestamp,
        long sequentialId,
        BigDecimal bestAskPrice,
        BigDecimal bestAskSize,
        BigDecimal bestBidPrice,
        BigDecimal bestBidSize,
        Ticker.StreamType streamType) implements DataItem {
}
