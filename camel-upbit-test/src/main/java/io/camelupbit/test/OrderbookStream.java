package io.camelupbit.test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code orderbook} of one (code, level): the current book as snapshot, then a full book per trade (the book changes
 * with each), however many trades one read finds: books of the same market at other depths, which are other streams
 * read at other moments, come at the same times, as from one server. A level the market does not support makes the
 * stream silent (upbit-protocol.md §2.3).
 */
final class OrderbookStream implements MarketStream {

    private final Market market;
    private final String code;
    private final BigDecimal level;
    private final int depth;
    private final boolean silent;
    private final int maxPerRead;
    private long cursor;

    /** @param maxPerRead at most this many books per read (the newest), as for trades */
    OrderbookStream(Market market, String code, BigDecimal level, int depth, boolean silent, int maxPerRead) {
        this.market = market;
        this.maxPerRead = maxPerRead;
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
        List<TradeEntry> entries = market.entriesAfter(code, cursor, maxPerRead);
        if (entries.isEmpty()) {
            return List.of();
        }
        List<DataItem> books = new ArrayList<>(entries.size());
        for (TradeEntry entry : entries) {
            books.add(message(entry.trade(), Ticker.StreamType.REALTIME));
        }
        cursor = entries.get(entries.size() - 1).trade().index();
        return books;
    }

    private OrderbookMessage message(Trade trade, Ticker.StreamType streamType) {
        return MarketMessages.orderbook(trade, market.book(trade), level, depth, streamType);
    }
}
