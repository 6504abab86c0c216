package io.camelupbit.session;

/** What becomes of a trade or state just arrived on one of several lines ({@link TradeLines}, {@link StateLines}). */
enum LineOutcome {
    /** To the route now. */
    DELIVER,
    /** The route had it. */
    DUPLICATE,
    /** Older than what the route has. */
    STALE,
    /** Held back on its line until the route reaches the one before it. */
    WAIT
}
