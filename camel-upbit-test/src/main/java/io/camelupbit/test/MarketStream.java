package io.camelupbit.test;

import java.util.List;

/**
 * One stream of market data on one connection: a (type, code) pair, or (orderbook, code, level). Confined to its
 * connection's event loop.
 */
interface MarketStream {

    /** The snapshot item as of now, or {@code null} when there is none; realtime items continue after it. */
    DataItem snapshot();

    /** Realtime items continue after what the market holds now, without a snapshot. */
    void startAtNow();

    /** The realtime items due now, oldest first (often none). */
    List<DataItem> due();
}
