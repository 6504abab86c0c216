package io.camelupbit.test;

/**
 * Where a {@link TradeStream} reports the trades it did not send because one tick had more than
 * {@link UpbitSimulator.Builder#maxTradesPerTick} (a client far behind gets the newest): the connection counts
 * and logs them.
 */
@FunctionalInterface
interface TradeSkips {

    /** {@code count} (positive) trades of this market were skipped in one tick. */
    void skipped(String code, long count);
}
