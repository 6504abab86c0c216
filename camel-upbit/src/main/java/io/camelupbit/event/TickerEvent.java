package io.camelupbit.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Current price and 24 hour statistics of one market ({@code ticker}).
 * <p>
 * Every amount is a {@link BigDecimal} exactly as Upbit wrote it (scale included: compare with {@code compareTo}
 * when trailing zeros should not matter). Fields Upbit may leave out or send as {@code null} are {@code null}.
 *
 * @param code                  market code, e.g. {@code KRW-BTC}
 * @param openingPrice          opening price
 * @param highPrice             high price
 * @param lowPrice              low price
 * @param tradePrice            last traded price
 * @param prevClosingPrice      previous closing price
 * @param change                direction against the previous close
 * @param changePrice           absolute change against the previous close
 * @param signedChangePrice     signed change against the previous close
 * @param changeRate            absolute change rate
 * @param signedChangeRate      signed change rate
 * @param tradeVolume           size of the last trade
 * @param accTradeVolume        volume since 00:00 UTC
 * @param accTradeVolume24h     volume over the last 24 hours
 * @param accTradePrice         traded value since 00:00 UTC
 * @param accTradePrice24h      traded value over the last 24 hours
 * @param tradeDate             date of the last trade (UTC)
 * @param tradeTime             time of the last trade (UTC)
 * @param tradeTimestamp        time of the last trade, epoch milliseconds; {@code null} when Upbit sends none
 * @param askBid                side of the last trade
 * @param accAskVolume          accumulated sell volume
 * @param accBidVolume          accumulated buy volume
 * @param highest52WeekPrice    52-week high
 * @param highest52WeekDate     date of the 52-week high
 * @param lowest52WeekPrice     52-week low
 * @param lowest52WeekDate      date of the 52-week low
 * @param marketState           trading state of the market
 * @param tradingSuspended      whether trading is suspended; deprecated by Upbit, to be removed on a date not yet
 *                              announced
 *                              (https://docs.upbit.com/kr/changelog/websocket-ticker-stream-deprecated-fields): still
 *                              decoded, {@code null} when absent
 * @param delistingDate         delisting date, {@code null} unless the market is being delisted
 * @param marketWarning         whether the market is flagged for caution; deprecated by Upbit like tradingSuspended,
 *                              still decoded, {@code null} when absent
 * @param timestamp             message time, epoch milliseconds
 * @param streamType            snapshot or realtime
 */
public record TickerEvent(
        String code,
        BigDecimal openingPrice,
        BigDecimal highPrice,
        BigDecimal lowPrice,
        BigDecimal tradePrice,
        BigDecimal prevClosingPrice,
        Change change,
        BigDecimal changePrice,
        BigDecimal signedChangePrice,
        BigDecimal changeRate,
        BigDecimal signedChangeRate,
        BigDecimal tradeVolume,
        BigDecimal accTradeVolume,
        BigDecimal accTradeVolume24h,
        BigDecimal accTradePrice,
        BigDecimal accTradePrice24h,
        LocalDate tradeDate,
        LocalTime tradeTime,
        Long tradeTimestamp,
        AskBid askBid,
        BigDecimal accAskVolume,
        BigDecimal accBidVolume,
        BigDecimal highest52WeekPrice,
        LocalDate highest52WeekDate,
        BigDecimal lowest52WeekPrice,
        LocalDate lowest52WeekDate,
        MarketState marketState,
        @Deprecated Boolean tradingSuspended,
        LocalDate delistingDate,
        @Deprecated MarketWarning marketWarning,
        long timestamp,
        StreamType streamType) implements UpbitEvent {

    /** The Upbit type name of this event. */
    public static final String TYPE = "ticker";

    @Override
    public String type() {
        return TYPE;
    }
}
