package io.camelupbit.test;

import java.math.BigDecimal;

/**
 * The values of one ticker message (upbit-protocol.md §4.1), already at the scale Upbit writes them. Derived from a
 * market's trades by {@link MarketState#ticker}. {@code tradeIndex} (not sent) is the index of the last trade it
 * reflects.
 */
record Ticker(
        long tradeIndex,
        String code,
        BigDecimal openingPrice,
        BigDecimal highPrice,
        BigDecimal lowPrice,
        BigDecimal tradePrice,
        BigDecimal prevClosingPrice,
        String change,
        BigDecimal changePrice,
        BigDecimal signedChangePrice,
        BigDecimal changeRate,
        BigDecimal signedChangeRate,
        BigDecimal tradeVolume,
        BigDecimal accTradeVolume,
        BigDecimal accTradeVolume24h,
        BigDecimal accTradePrice,
        BigDecimal accTradePrice24h,
        String tradeDate,
        String tradeTime,
        long tradeTimestamp,
        String askBid,
        BigDecimal accAskVolume,
        BigDecimal accBidVolume,
        BigDecimal highest52WeekPrice,
        String highest52WeekDate,
        BigDecimal lowest52WeekPrice,
        String lowest52WeekDate,
        String marketState,
        boolean tradingSuspended,
        String delistingDate,
        String marketWarning,
        long timestamp,
        StreamType streamType) implements DataItem {

    /** Upbit's {@code stream_type}. */
    enum StreamType { SNAPSHOT, REALTIME }
}
