package io.camelupbit.test;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code orderbook} of one (code, level): the current book as snapshot, then a full book per feed tick in which the
 * market traded. A level the market does not support makes the stream silent (upbit-protocol.md §2.3).
 */
final class OrderbookStream implements MarketStream {

    private final Market market;
    private final String code;
    private final BigDecimal level;
    private final int depth;
    private final boolean silent;
    private long cursor;

    OrderbookStream(Market market, String code, BigDecimal level, int depth, boolean silent) {
        this.market = market;
        this.code = code;
        this.level = level;
        this.depth = depth;
        this.silent = silent;
    }

    @Override
    public DataItem snapshot() {
        if (silent) {
            return null;
        }
        Trade last = market.lastTrade(code);
        cursor = last.index();
        return message(last, Ticker.StreamType.SNAPSHOT);
    }

    @Override
    public void startAtNow() {
        cursor = market.lastTrade(code).index();
    }

    @Override
    public List<DataItem> due() {
        if (silent) {
            return List.of();
        }
        Trade last = market.lastTrade(code);
        if (last.index() <= cursor) {
            return List.of();
        }
        cursor = last.index();
        return List.of(message(last, Ticker.StreamType.REALTIME));
    }

    private OrderbookMessage message(Trade trade, Ticker.StreamType streamType) {
        return MarketMessages.orderbook(trade, market.book(trade), level, depth, streamType);
    }
}
