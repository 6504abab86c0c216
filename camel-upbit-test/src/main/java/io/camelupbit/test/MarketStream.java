package io.camelupbit.test;

import java.util.List;

/**
 * The source of one stream of market data ({@link StreamKey}): a new instance gives one snapshot, and the instance a
 * {@link SharedStream} holds gives the realtime items of every connection subscribed to the stream. Not
 * thread-safe: its owner guards it.
 */
interface MarketStream {

    /** The snapshot item as of now, or {@code null} when there is none; realtime items continue after it. */
    DataItem snapshot();

    /** Realtime items continue after what the market holds now, without a snapshot. */
    void startAtNow();

    /** The realtime items due now, oldest first (often none). */
    List<DataItem> due();

    /** Makes the source of a stream, new each call. */
    @FunctionalInterface
    interface Factory {
        MarketStream create(StreamKey key);
    }
}
