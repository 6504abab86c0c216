package io.camelupbit.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code trade}: the last trade as snapshot, then one message per trade of the walk. */
final class TradeStream implements MarketStream {

    /** A client far behind (a stalled loop at high speed) gets the newest trades, not an unbounded burst. */
    private static final int MAX_PER_TICK = 1_000;

    private final Market market;
    private final String code;
    private long cursor;

    TradeStream(Market market, String code) {
        this.market = market;
        this.code = code;
    }

    @Override
    public DataItem snapshot() {
        TradeEntry last = market.lastEntry(code);
        cursor = last.trade().index();
        return message(last, market.now(), Ticker.StreamType.SNAPSHOT);
    }

    @Override
    public void startAtNow() {
        cursor = market.lastTrade(code).index();
    }

    @Override
    public List<DataItem> due() {
        List<TradeEntry> entries = market.entriesAfter(code, cursor, MAX_PER_TICK);
        if (entries.isEmpty()) {
            return List.of();
        }
        Instant now = market.now();
        List<DataItem> out = new ArrayList<>(entries.size());
        for (TradeEntry e : entries) {
            out.add(message(e, now, Ticker.StreamType.REALTIME));
        }
        cursor = entries.get(entries.size() - 1).trade().index();
        return out;
    }

    private TradeMessage message(TradeEntry entry, Instant now, Ticker.StreamType streamType) {
        OrderbookUnit best = market.book(entry.trade()).get(0);
        return MarketMessages.trade(entry, best, now, streamType);
    }
}
