package io.camelupbit.test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Turns the market model's facts (trades, books, candles) into the values of trade, orderbook and candle messages,
 * at the scales Upbit writes: prices of trades and candles with 8 decimals ({@code 100473000.00000000}), book
 * prices plain ({@code 137002000}), sizes with 8 decimals, {@code candle_acc_trade_price} with 16.
 */
final class MarketMessages {

    private static final DateTimeFormatter TRADE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TRADE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter CANDLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** Korea Standard Time has no daylight saving: always UTC+9. */
    private static final ZoneOffset KST = ZoneOffset.ofHours(9);

    private MarketMessages() {
    }

    /** The trade message of this entry; the best bid and ask come from the book right after the trade. */
    static TradeMessage trade(TradeEntry entry, OrderbookUnit best, Instant messageTime,
                              Ticker.StreamType streamType) {
        Trade t = entry.trade();
        BigDecimal diff = t.price().subtract(entry.prevClose());
        String change = diff.signum() > 0 ? "RISE" : diff.signum() < 0 ? "FALL" : "EVEN";
        return new TradeMessage(t.index(), t.code(), MarketState.eight(t.price()), t.volume(), t.side().name(),
                MarketState.eight(entry.prevClose()), change, MarketState.eight(diff.abs()),
                TRADE_DATE.format(t.time().atOffset(ZoneOffset.UTC)),
                TRADE_TIME.format(t.time().atOffset(ZoneOffset.UTC)),
                t.time().toEpochMilli(), Math.max(messageTime.toEpochMilli(), t.time().toEpochMilli()),
                t.sequentialId(), best.askPrice(), best.askSize(), best.bidPrice(), best.bidSize(), streamType);
    }

    /**
     * The orderbook message of the book after this trade: aggregated to {@code level}, cut to {@code depth} rows,
     * totals summed over the rows sent. Its time is the trade's (so consecutive books may share a timestamp).
     */
    static OrderbookMessage orderbook(Trade trade, List<OrderbookUnit> nativeRows, BigDecimal level, int depth,
                                      Ticker.StreamType streamType) {
        List<OrderbookUnit> rows = OrderbookLevels.aggregate(nativeRows, level);
        rows = rows.subList(0, Math.min(depth, rows.size()));
        BigDecimal asks = BigDecimal.ZERO.setScale(8);
        BigDecimal bids = BigDecimal.ZERO.setScale(8);
        for (OrderbookUnit row : rows) {
            asks = asks.add(row.askSize());
            bids = bids.add(row.bidSize());
        }
        BigDecimal lv = level == null ? BigDecimal.ZERO : TickSize.normalize(level);
        return new OrderbookMessage(trade.index(), trade.code(), asks, bids, rows, trade.time().toEpochMilli(), lv,
                streamType);
    }

    /** The candle message of this candle. */
    static CandleMessage candle(String code, CandleBar bar, Instant messageTime, Ticker.StreamType streamType) {
        return new CandleMessage(bar.lastTradeIndex(), bar.unit().type(), code,
                CANDLE_TIME.format(bar.start().atOffset(ZoneOffset.UTC)),
                CANDLE_TIME.format(bar.start().atOffset(KST)),
                MarketState.eight(bar.open()), MarketState.eight(bar.high()), MarketState.eight(bar.low()),
                MarketState.eight(bar.close()), bar.volume(), bar.value(), messageTime.toEpochMilli(), streamType);
    }
}
