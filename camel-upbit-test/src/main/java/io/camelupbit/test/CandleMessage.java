package io.camelupbit.test;

import java.math.BigDecimal;

/**
 * The values of one candle message (upbit-protocol.md §4.4), already at the scale Upbit writes them.
 * {@code tradeIndex} is the index of the last trade the candle holds (not written: it orders a stream's candles).
 */
record CandleMessage(
        long tradeIndex,
        String type,
        String code,
        String candleDateTimeUtc,
        String candleDateTimeKst,
        BigDecimal openingPrice,
        BigDecimal highPrice,
        BigDecimal lowPrice,
        BigDecimal tradePrice,
        BigDecimal candleAccTradeVolume,
        BigDecimal candleAccTradePrice,
        long timestamp,
        Ticker.StreamType streamType) implements DataItem {
}
