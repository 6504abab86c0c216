package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;

/**
 * How far each order has got for one route, so that an order never moves backwards when reconciled states (read over
 * REST after a gap) and realtime events (held while the reconcile ran, or late) meet: an order goes watch, then wait
 * with its fills (its executed volume growing; a fill's {@code trade} state is the same stage as {@code wait}, since
 * REST reports a partly filled open order as {@code wait}), then done, cancel or prevented. A realtime event that would
 * take an order back is stale; one equal to what the route has is a duplicate; both are suppressed (the
 * {@link Delivery} counts them). A
 * reconciled state equal to what the route has is delivered all the same: it is the route's answer to "where is this
 * order now". Events of a state this version does not know are always let through.
 * <p>
 * Bounded: the orders seen last are kept, at most {@value #MAX_ORDERS}; an order forgotten is judged afresh. Not
 * thread-safe: one per route, guarded by its {@link Delivery}.
 */
final class OrderProgress {

    static final int MAX_ORDERS = 10_000;

    private final Map<String, Step> orders = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Step> eldest) {
            return size() > MAX_ORDERS;
        }
    };

    /**
     * Judges the event against what the route has of its order, and remembers it when it moves the order on.
     *
     * @param reconciled whether it is a state read over REST: one equal to what the route has is forwarded
     */
    Verdict judge(MyOrderEvent event, boolean reconciled) {
        Step next = Step.of(event);
        if (next == null || event.uuid() == null) {
            return Verdict.DELIVER;
        }
        Step last = orders.get(event.uuid());
        int order = last == null ? 1 : next.against(last);
        if (order > 0) {
            orders.put(event.uuid(), next);
            return Verdict.DELIVER;
        }
        if (order == 0 && reconciled) {
            return Verdict.DELIVER;
        }
        return order == 0 ? Verdict.DUPLICATE : Verdict.STALE;
    }

    /** The orders the route last saw open (watch or wait), least recently seen first: those a gap may have ended unseen. */
    List<String> openOrders() {
        List<String> open = new ArrayList<>();
        orders.forEach((uuid, step) -> {
            if (step.stage() < Step.ENDED) {
                open.add(uuid);
            }
        });
        return open;
    }

    /** An order's progress: the stage of its state, then its executed volume. */
    private record Step(int stage, BigDecimal executed) {

        static final int ENDED = 2;

        static Step of(MyOrderEvent event) {
            int stage = switch (event.state() == null ? OrderState.UNKNOWN : event.state()) {
                case WATCH -> 0;
                case WAIT, TRADE -> 1;
                case DONE, CANCEL, PREVENTED -> ENDED;
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
