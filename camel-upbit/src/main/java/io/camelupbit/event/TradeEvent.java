package io.camelupbit.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One trade on a market ({@code trade}). {@link #sequentialId()} identifies the trade uniquely (it exceeds 2^53, so
 * it is a {@code long}, never a {@code double}).
 *
 * @param code             market code, e.g. {@code KRW-BTC}
 * @param tradePrice       price
 * @param tradeVolume      size
 * @param askBid           {@code ASK} (a sell) or {@code BID} (a buy)
 * @param prevClosingPrice previous closing price
 * @param change           direction against the previous close
 * @param changePrice      absolute change against the previous close
 * @param tradeDate        trade date (UTC)
 * @param tradeTime        trade time (UTC)
 * @param tradeTimestamp   trade time, epoch milliseconds
 * @param timestamp        message time, epoch milliseconds
 * @param sequentialId     unique trade number
 * @param bestAskPrice     best ask at trade time; {@code null} when absent
 * @param bestAskSize      size at the best ask; {@code null} when absent
 * @param bestBidPrice     best bid at trade time; {@code null} when absent
 * @param bestBidSize      size at the best bid; {@code null} when absent
 * @param streamType       snapshot or realtime
 */
public record TradeEvent(
        String code,
        BigDecimal tradePrice,
        BigDecimal tradeVolume,
        AskBid askBid,
        BigDecimal prevClosingPrice,
        Change change,
        BigDecimal changePrice,
        LocalDate tradeDate,
        LocalTime tradeTime,
        Long tradeTimestamp,
        long timestamp,
        long sequentialId,
        BigDecimal bestAskPrice,
        BigDecimal bestAskSize,
        BigDecimal bestBidPrice,
        BigDecimal bestBidSize,
        StreamType streamType) implements UpbitEvent {

    /** The Upbit type name of this event. */
    public static final String TYPE = "trade";

    @Override
    public String type() {
        return TYPE;
    }
}
