package io.camelupbit.session;

import io.camelupbit.event.UpbitEvent;

/**
 * One line's states (ticker, orderbook, candle) of one market for one route, while the channel has several lines, by
 * their time. Each line brings a market's states in Upbit's order; it feeds the route only while the state it brought
 * before is the route's newest (it is in step). Newer states from a line out of step — one that joined, or restarted,
 * ahead of the route — wait here until the route reaches the state before them (then they go, and this line leads) or
 * no line is in step any more (then they go). Without this, a line ahead would deliver a newer state before the line
 * in step brought the one before it, which newest-wins would then have to drop.
 */
final class StateStep extends LineStep<StateTime> {

    /** The most states held back per line and market: beyond, the oldest are dropped and the next release is marked. */
    static final int MAX_WAITING = 1024;

    /** A state of this stream (the route's newest of it is looked up by it); {@code null} before the first. */
    UpbitEvent stream;

    StateStep() {
        super(MAX_WAITING);
    }
}
