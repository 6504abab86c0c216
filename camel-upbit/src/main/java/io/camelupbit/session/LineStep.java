package io.camelupbit.session;

import java.util.ArrayDeque;

/**
 * One line's events of one market for one route, while the channel has several lines: where the line stands, and the
 * events it brought ahead of the route, held back until the route reaches the one before them ({@link TradeLines},
 * {@link StateLines}). Event-loop confined.
 *
 * @param <P> where an event stands in its stream: a trade's number, a state's time
 */
abstract class LineStep<P> {

    /** Where the last event this line brought stands, delivered or not; {@code null} before its first. */
    P last;
    /** Where the event this line brought just before the first one waiting stands; {@code null} when unknown. */
    P waitingAfter;
    /** Events held back, in the line's order. */
    final ArrayDeque<ReceivedEvent> waiting = new ArrayDeque<>();
    private final int maxWaiting;

    LineStep(int maxWaiting) {
        this.maxWaiting = maxWaiting;
    }

    /** Holds an event back; beyond the most, the oldest goes as stale and the next release is marked. */
    void hold(ReceivedEvent event, Delivery delivery) {
        if (waiting.size() >= maxWaiting) {
            waiting.pollFirst();
            delivery.stale();
            waitingAfter = null;
        }
        waiting.addLast(event);
    }
}
