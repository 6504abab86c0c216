package io.camelupbit.session;

/**
 * One line's trades of one market for one route, while the channel has several lines. Trade numbers need not rise, so
 * order comes from the lines themselves: a line brings a market's trades in Upbit's order, and it feeds the route only
 * while the trade it brought before is the route's last (it is in step). New trades from a line out of step — one that
 * joined ahead of the route, or is ahead of the line in step — wait here until the route reaches the trade before them
 * (then they go, and this line leads) or no line is in step any more (then they go, marked when they do not follow).
 */
final class TradeStep extends LineStep<Long> {

    /** The most trades held back per line and market: beyond, the oldest are dropped and the next release is marked. */
    static final int MAX_WAITING = 4096;

    TradeStep() {
        super(MAX_WAITING);
    }
}
