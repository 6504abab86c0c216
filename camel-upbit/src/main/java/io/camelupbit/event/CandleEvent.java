package io.camelupbit.event;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A candle of one market ({@code candle.1s} ... {@code candle.240m}). Upbit sends the running candle again whenever a
 * trade changes it (at most once a second): the last event of a period holds its final values.
 *
 * @param unit                 the candle period
 * @param code                 market code
 * @param candleDateTimeUtc    start of the period, UTC
 * @param candleDateTimeKst    start of the period, Korea time
 * @param openingPrice         open
 * @param highPrice            high
 * @param lowPrice             low
 * @param tradePrice           close (last trade so far)
 * @param candleAccTradeVolume volume traded in the period
 * @param candleAccTradePrice  value traded in the period
 * @param timestamp            message time, epoch milliseconds
 * @param streamType           snapshot or realtime
 */
public record CandleEvent(
        CandleUnit unit,
        String code,
        LocalDateTime candleDateTimeUtc,
        LocalDateTime candleDateTimeKst,
        BigDecimal openingPrice,
        BigDecimal highPrice,
        BigDecimal lowPrice,
        BigDecimal tradePrice,
        BigDecimal candleAccTradeVolume,
        BigDecimal candleAccTradePrice,
        long timestamp,
        StreamType streamType) implements UpbitEvent {

    @Override
    public String type() {
        return unit.typeName();
    }
}
