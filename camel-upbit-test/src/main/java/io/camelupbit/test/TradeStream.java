package io.camelupbit.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code trade}: the last trade as snapshot, then one message per trade of the walk. A stream far behind (read
 * rarely at high speed) gets at most {@code maxPerTick} of the newest trades per call of {@link #due()}, not an
 * unbounded burst; the older ones are left out, which shows as a gap in the trade indexes of what it returns (its
 * {@link SharedStream} readers count such gaps as skipped trades).
 */
final class TradeStream implements MarketStream {

    private final Market market;
    private final String code;
    private final int maxPerTick;
    private long cursor;

    TradeStream(Market market, String code, int maxPerTick) {
        if (maxPerTick < 1) {
            throw new IllegalArgumentException("maxPerTick must be at least 1: " + maxPerTick);
        }
        this.market = market;
        this.code = code;
        this.maxPerTick = maxPerTick;
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
        List<TradeEntry> entries = market.entriesAfter(code, cursor, maxPerTick);
        if (entries.isEmpty()) {
            return List.of();
        }
        // Indexes are consecutive: a gap before the first returned trade is what the limit (or a history too short
        // to reach back to the cursor) left out; the readers see it and count it.
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
