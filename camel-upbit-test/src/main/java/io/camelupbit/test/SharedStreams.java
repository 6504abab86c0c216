package io.camelupbit.test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The market data streams the connections of one simulator are subscribed to, one {@link SharedStream} per
 * {@link StreamKey}: connections subscribed to the same stream read the same items. A stream is created when its
 * first reader joins and forgotten when its last one leaves, so a stream nobody reads costs nothing and a later
 * subscription starts afresh. Thread-safe: joining and leaving hold this registry's lock, then the stream's.
 */
final class SharedStreams implements MarketStream.Factory {

    private final Market market;
    private final OrderbookLevels levels;
    private final int maxTradesPerTick;
    private final Map<StreamKey, SharedStream> streams = new HashMap<>();

    /**
     * @param maxTradesPerTick at most this many trades (and books) per stream and advance (the newest), and at most this
     *                         many items kept for a reader that does not read
     */
    SharedStreams(Market market, OrderbookLevels levels, int maxTradesPerTick) {
        this.market = market;
        this.levels = levels;
        this.maxTradesPerTick = maxTradesPerTick;
    }

    /** A new reader of this stream (see {@link SharedStream#join}), the stream created if nobody reads it yet. */
    synchronized SharedStream.Reader join(StreamKey key, boolean snapshot, TradeSkips skips) {
        SharedStream stream = streams.computeIfAbsent(key,
                k -> new SharedStream(k, market, this, maxTradesPerTick));
        return stream.join(snapshot, skips);
    }

    /** Removes this reader from its stream; the stream goes when it was the last. */
    synchronized void leave(SharedStream.Reader reader) {
        SharedStream stream = reader.stream();
        if (stream.leave(reader)) {
            streams.remove(stream.key(), stream);
        }
    }

    /** The snapshot of this stream as of now, or {@code null} when there is none, for a snapshot-only object. */
    DataItem snapshot(StreamKey key) {
        return create(key).snapshot();
    }

    /** The keys of the streams somebody reads, for tests. */
    synchronized List<StreamKey> keys() {
        return List.copyOf(streams.keySet());
    }

    @Override
    public MarketStream create(StreamKey key) {
        if (DataTypes.TICKER.equals(key.type())) {
            return new TickerStream(market, key.code());
        }
        if (DataTypes.TRADE.equals(key.type())) {
            return new TradeStream(market, key.code(), maxTradesPerTick);
        }
        if (DataTypes.ORDERBOOK.equals(key.type())) {
            boolean silent = !levels.supported(key.code(), key.level());
            return new OrderbookStream(market, key.code(), key.level(), key.depth(), silent, maxTradesPerTick);
        }
        CandleUnit unit = CandleUnit.ofType(key.type());
        if (unit == null) {
            throw new IllegalStateException("no stream for " + key.type());
        }
        return new CandleStream(market, key.code(), unit);
    }
}
