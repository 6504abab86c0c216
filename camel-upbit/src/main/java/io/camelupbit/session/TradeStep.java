package io.camelupbit.session;

import java.util.ArrayDeque;

/**
 * One line's trades of one market for one route, while the channel has several lines. Trade numbers need not rise, so
 * order comes from the lines themselves: a line brings a market's trades in Upbit's order, and it feeds the route only
 * while the trade it brought before is the route's last (it is in step). New trades from a line out of step — one that
 * joined ahead of the route, or is ahead of the line in step — wait here until the route reaches the trade before them
 * (then they go, and this line leads) or no line is in step any more (then they go, marked when they do not follow).
 * Event-loop confined.
 */
final class TradeStep {

    /** The most trades held back per line and market: beyond, the oldest are dropped and the next release is marked. */
    static final int MAX_WAITING = 4096;

    /** The number of the last trade this line brought, delivered or not; {@code null} before its first. */
    Long last;
    /** The number of the trade this line brought just before the first one waiting; {@code null} when unknown. */
    Long waitingAfter;
    /** New trades held back, in the line's order. */
    final ArrayDeque<ReceivedEvent> waiting = new ArrayDeque<>();
}
