package io.camelupbit.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One market data stream ({@link StreamKey}) shared by every connection subscribed to it, so that they all get the
 * same items: its realtime items are computed once, by one {@link MarketStream}, and handed to each connection's
 * {@link Reader} as the same objects (same trades, same {@code timestamp}s, same coalescing of a tick's trades into
 * one ticker, book or candle), in the same order.
 *
 * <p>The stream advances whenever one of its readers reads (each connection reads at its own ticks): what is due
 * then is computed as of that moment and queued for every reader. A reader gets, from the moment it joined, every
 * item computed after its starting point (its snapshot, or the market's last trade for a realtime-only
 * subscription): items reflecting only trades up to that point are left out, so a reader's first realtime item
 * follows its snapshot as a connection's own stream would. A reader that does not read (a client that does not
 * read, so its channel stays unwritable) keeps at most {@code capacity} items, the newest; trades lost that way show
 * as a gap in its trade indexes and are counted as skipped when it reads again.
 *
 * <p>Thread-safe: readers on several event loops; every method holds the stream's lock. {@link SharedStreams}
 * creates, joins and leaves streams under its own lock, taken before this one.
 */
final class SharedStream {

    private final StreamKey key;
    private final Market market;
    private final MarketStream source;
    private final MarketStream.Factory streams;
    private final int capacity;
    private final List<Reader> readers = new ArrayList<>();

    /**
     * @param streams  makes the stream's sources: one now for the realtime items (started at now), one per snapshot
     * @param capacity the most items a reader keeps while it does not read
     */
    SharedStream(StreamKey key, Market market, MarketStream.Factory streams, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.key = key;
        this.market = market;
        this.streams = streams;
        this.capacity = capacity;
        this.source = streams.create(key);
        this.source.startAtNow();
    }

    StreamKey key() {
        return key;
    }

    /**
     * A new reader of this stream, with its snapshot when asked (computed now, its own: not shared) and its realtime
     * items from the next read on.
     *
     * @param skips told of the trades a trade stream's reader never got
     */
    synchronized Reader join(boolean snapshot, TradeSkips skips) {
        DataItem first = snapshot ? streams.create(key).snapshot() : null;
        // Under this lock the source cannot advance between the snapshot and the reader's start: nothing computed
        // after the snapshot is missed, and nothing it already shows is repeated.
        long start = first != null ? position(first) : market.lastTrade(key.code()).index();
        Reader reader = new Reader(first, start, skips);
        readers.add(reader);
        return reader;
    }

    /**
     * Removes this reader.
     *
     * @return whether no reader is left
     */
    synchronized boolean leave(Reader reader) {
        readers.remove(reader);
        return readers.isEmpty();
    }

    /** How many readers the stream has. */
    synchronized int readers() {
        return readers.size();
    }

    /** Advances the stream to now, then takes the reader's queued items, oldest first. */
    private synchronized List<DataItem> read(Reader reader) {
        List<DataItem> due = source.due();
        if (!due.isEmpty()) {
            for (Reader r : readers) {
                r.offer(due);
            }
        }
        return reader.take();
    }

    /** The index of the last trade an item reflects: what orders a stream's items. */
    static long position(DataItem item) {
        if (item instanceof TradeMessage t) {
            return t.tradeIndex();
        }
        if (item instanceof Ticker t) {
            return t.tradeIndex();
        }
        if (item instanceof OrderbookMessage o) {
            return o.tradeIndex();
        }
        if (item instanceof CandleMessage c) {
            return c.tradeIndex();
        }
        throw new IllegalArgumentException("not a market data item: " + item.getClass());
    }

    @Override
    public synchronized String toString() {
        return "SharedStream[" + key + ", " + readers.size() + " readers]";
    }

    /** One connection's place in a {@link SharedStream}. Guarded by the stream's lock. */
    final class Reader {

        private final DataItem snapshot;
        /** Items reflecting no trade after this index are not for this reader. */
        private final long start;
        private final TradeSkips skips;
        private final Deque<DataItem> queue = new ArrayDeque<>();
        /** The index of the last trade this reader got (trade streams), to see gaps. */
        private long lastTrade;

        private Reader(DataItem snapshot, long start, TradeSkips skips) {
            this.snapshot = snapshot;
            this.start = start;
            this.skips = skips;
            this.lastTrade = start;
        }

        /** The snapshot taken when the reader joined, or {@code null} when none was asked (or there is none). */
        DataItem snapshot() {
            return snapshot;
        }

        SharedStream stream() {
            return SharedStream.this;
        }

        /** The realtime items due for this reader now, oldest first (often none). */
        List<DataItem> read() {
            return SharedStream.this.read(this);
        }

        private void offer(List<DataItem> items) {
            for (DataItem item : items) {
                if (position(item) > start) {
                    queue.addLast(item);
                    if (queue.size() > capacity) {
                        queue.removeFirst();
                    }
                }
            }
        }

        private List<DataItem> take() {
            if (queue.isEmpty()) {
                return List.of();
            }
            List<DataItem> out = new ArrayList<>(queue);
            queue.clear();
            for (DataItem item : out) {
                if (item instanceof TradeMessage t) {
                    // Indexes are consecutive: a gap is what the per-tick limit, the market's history or this
                    // reader's own capacity left out.
                    long skipped = t.tradeIndex() - lastTrade - 1;
                    if (skipped > 0) {
                        skips.skipped(key.code(), skipped);
                    }
                    lastTrade = t.tradeIndex();
                }
            }
            return out;
        }
    }
}
