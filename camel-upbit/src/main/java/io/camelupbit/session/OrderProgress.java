package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;

/**
 * How far each order has got for one route, so that an order never moves backwards when reconciled states (read over
 * REST after a gap) and realtime events (held while the reconcile ran, or late) meet: an order goes watch, wait,
 * fills (its executed volume growing), then done, cancel or prevented. An event that would take an order back is
 * stale; one equal to what the route has is a duplicate; both are suppressed and counted. Events of a state this
 * version does not know are always let through.
 * <p>
 * Bounded: the orders seen last are kept, at most {@value #MAX_ORDERS}; an order forgotten is judged afresh. Not
 * thread-safe: one per route, on the session's event loop.
 */
final class OrderProgress {

    static final int MAX_ORDERS = 10_000;

    /** What became of an event. */
    enum Verdict { FORWARD, DUPLICATE, STALE }

    private final Map<String, Step> orders = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Step> eldest) {
            return size() > MAX_ORDERS;
        }
    };
    private long duplicates;
    private long stale;

    /** Judges the event against what the route has of its order, and remembers it when it moves the order on. */
    Verdict judge(MyOrderEvent event) {
        Step next = Step.of(event);
        if (next == null || event.uuid() == null) {
            return Verdict.FORWARD;
        }
        Step last = orders.get(event.uuid());
        int order = last == null ? 1 : next.against(last);
        if (order > 0) {
            orders.put(event.uuid(), next);
            return Verdict.FORWARD;
        }
        if (order == 0) {
            duplicates++;
            return Verdict.DUPLICATE;
        }
        stale++;
        return Verdict.STALE;
    }

    /** Events suppressed as equal to what the route had. */
    long duplicatesSuppressed() {
        return duplicates;
    }

    /** Events suppressed as older than what the route had. */
    long staleSuppressed() {
        return stale;
    }

    /** An order's progress: the stage of its state, then its executed volume. */
    private record Step(int stage, BigDecimal executed) {

        static Step of(MyOrderEvent event) {
            int stage = switch (event.state() == null ? OrderState.UNKNOWN : event.state()) {
                case WATCH -> 0;
                case WAIT -> 1;
                case TRADE -> 2;
                case DONE, CANCEL, PREVENTED -> 3;
                case UNKNOWN -> -1;
            };
            if (stage < 0) {
                return null;
            }
            return new Step(stage, event.executedVolume() == null ? BigDecimal.ZERO : event.executedVolume());
        }

        /**
         * Positive when this step is ahead of the last one, 0 when it is the same, negative when behind. Not an
         * ordering: a step of an earlier stage with more executed volume (a fill reported after an end that had less)
         * is ahead, since the volume is news.
         */
        int against(Step last) {
            int byVolume = executed.compareTo(last.executed);
            if (stage == last.stage) {
                return byVolume;
            }
            if (stage > last.stage) {
                return 1;
            }
            return byVolume > 0 ? 1 : -1;
        }
    }
}
