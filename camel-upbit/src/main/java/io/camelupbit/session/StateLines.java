package io.camelupbit.session;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelupbit.event.StreamType;
import io.camelupbit.event.UpbitEvent;

/**
 * One route's states (ticker, orderbook, candle) from several lines: newest wins ({@link LineArbiter}), and a line feeds
 * the route only while it is in step ({@link StateStep}): the state it brought before is the route's newest, or it
 * brought that newest itself. Two lines bring the same states, each in order, but not at the same moment: a line ahead
 * that delivered a state before the line in step brought the one before it would leave that one stale, a state the
 * route never got. So a newer state from a line out of step waits on that line while another line feeds the route in
 * order (in step, or behind and catching up): until the route reaches the state just before it (then the waiting states
 * go, and that line leads), or until no line feeds the route (then they go, the first marked when it does not follow
 * the route's newest). A line that brings a state the route is past has nothing newer waiting: what waited on it goes
 * as stale. Event-loop confined, one per route.
 */
final class StateLines implements LineMerge {

    private final LineArbiter arbiter;
    private final LineProgress[] lines;
    private final Delivery delivery;
    /** The route's codes whose next event carries the resync mark. */
    private final Set<String> resyncDue;

    StateLines(LineArbiter arbiter, LineProgress[] lines, Delivery delivery, Set<String> resyncDue) {
        this.arbiter = arbiter;
        this.lines = lines;
        this.delivery = delivery;
        this.resyncDue = resyncDue;
    }

    @Override
    public LineOutcome arrived(int slot, UpbitEvent state, long nowNanos, List<ReceivedEvent> released) {
        LineProgress line = lines[slot];
        if (alone(slot)) {
            // one connection carries the route (no hand-over under way): its own order passes, nothing to wait for;
            // when another joins, the line that brought the newest counts as in step (inStepElsewhere)
            return judged(state, line, nowNanos);
        }
        StateStep step = line.states(state.code());
        StateTime time = StateTime.of(state);
        // a snapshot begins a stream (a connection, or a send that restarted the line's streams): it follows nothing
        StateTime previous = state.streamType() == StreamType.SNAPSHOT ? null : step.last;
        step.last = time;
        step.stream = state;
        StateTime newest = arbiter.newest(state);
        if (newest != null && time.compareTo(newest) <= 0) {
            // the route is at or past this point of the line: what waited on it is older still
            drop(step, newest);
            return judged(state, line, nowNanos);
        }
        if (newest == null || step.waiting.isEmpty()
                && (newest.equals(previous) || arbiter.broughtNewest(state, line))) {
            return judged(state, line, nowNanos);
        }
        if (inStepElsewhere(slot, state, newest)) {
            if (step.waiting.isEmpty()) {
                step.waitingAfter = previous;
            }
            return LineOutcome.WAIT;
        }
        // no line feeds the route in order any more: this line's waiting states go first, then this one, marked when
        // the line's stream began ahead of the route (what lies between went with the line that was in step)
        if (step.waiting.isEmpty() && (previous == null || previous.compareTo(newest) > 0)) {
            resyncDue.add(state.code());
        }
        release(slot, step, nowNanos, released);
        return judged(state, line, nowNanos);
    }

    /**
     * A snapshot of a market the route has arrived on the line (the route does not take it again): the line's stream
     * of that market begins there, at the route's newest when it repeats that state.
     */
    void began(int slot, UpbitEvent snapshot) {
        StateStep step = lines[slot].states(snapshot.code());
        if (step.waiting.isEmpty()) {
            step.last = arbiter.repeatsNewest(snapshot) ? arbiter.newest(snapshot) : StateTime.of(snapshot);
            step.stream = snapshot;
        }
    }

    /** Holds a state back on the line (after {@link LineOutcome#WAIT}); at most {@link StateStep#MAX_WAITING}. */
    @Override
    public void hold(int slot, ReceivedEvent event) {
        lines[slot].states(event.event().code()).hold(event, delivery);
    }

    /**
     * The route got a state of this market: a line whose waiting states now follow the route's newest leads from here
     * on, its states go (into {@code released}).
     */
    @Override
    public void caughtUp(int slot, UpbitEvent delivered, long nowNanos, List<ReceivedEvent> released) {
        if (alone(slot)) {
            return;
        }
        StateTime newest = arbiter.newest(delivered);
        for (int i = 0; i < lines.length; i++) {
            LineProgress line = lines[i];
            StateStep step = i == slot || line == null ? null : line.statesIfAny(delivered.code());
            if (step == null || step.waiting.isEmpty()) {
                continue;
            }
            drop(step, newest);
            if (!step.waiting.isEmpty() && newest.equals(step.waitingAfter)) {
                release(i, step, nowNanos, released);
                newest = arbiter.newest(delivered);
            }
        }
    }

    @Override
    public void releaseAll(long nowNanos, List<ReceivedEvent> released) {
        for (int i = 0; i < lines.length; i++) {
            LineProgress line = lines[i];
            if (line == null) {
                continue;
            }
            for (Map.Entry<String, StateStep> entry : line.stateSteps()) {
                StateStep step = entry.getValue();
                UpbitEvent first = step.waiting.isEmpty() ? null : step.waiting.peekFirst().event();
                if (first != null && !inStepElsewhere(-1, first, arbiter.newest(first))) {
                    release(i, step, nowNanos, released);
                }
            }
        }
    }

    /**
     * Whether the line in this slot is not in step with the route yet: states wait on it, or its stream of a market
     * began ahead of the route's newest (a snapshot newer than what the route has) and the route has not reached it.
     */
    @Override
    public boolean waitingOn(int slot) {
        LineProgress line = lines[slot];
        if (line == null) {
            return false;
        }
        for (Map.Entry<String, StateStep> entry : line.stateSteps()) {
            StateStep step = entry.getValue();
            StateTime newest = step.stream == null ? null : arbiter.newest(step.stream);
            if (!step.waiting.isEmpty() || newest != null && step.last != null && step.last.compareTo(newest) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether no other line has progress for the route: one connection carries it. */
    private boolean alone(int slot) {
        for (int i = 0; i < lines.length; i++) {
            if (i != slot && lines[i] != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a line other than {@code slot} feeds the route in order: it carries the route, holds nothing back, and
     * the last state it brought is at most the route's newest (it is in step, or behind and catching up), or it
     * brought the newest (a line that was alone kept no step).
     */
    private boolean inStepElsewhere(int slot, UpbitEvent state, StateTime newest) {
        for (int i = 0; i < lines.length; i++) {
            LineProgress line = lines[i];
            if (i == slot || line == null || !line.flowing()) {
                continue;
            }
            StateStep step = line.statesIfAny(state.code());
            if (step == null ? arbiter.broughtNewest(state, line) : step.waiting.isEmpty() && step.last != null
                    && (newest == null || step.last.compareTo(newest) <= 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The waiting states go, in order, those the route is past dropped; the first is marked when it does not follow
     * the route's newest (the line in step went before it brought the state this line's waiting ones follow).
     */
    private void release(int slot, StateStep step, long nowNanos, List<ReceivedEvent> released) {
        StateTime newest = step.waiting.isEmpty() ? null : arbiter.newest(step.waiting.peekFirst().event());
        boolean follows = newest == null || newest.equals(step.waitingAfter);
        while (!step.waiting.isEmpty()) {
            ReceivedEvent event = step.waiting.pollFirst();
            StateTime time = StateTime.of(event.event());
            if (newest != null && time.compareTo(newest) <= 0) {
                follows |= time.equals(newest);
                count(time, newest);
                continue;
            }
            if (!follows) {
                resyncDue.add(event.event().code());
                follows = true;
            }
            switch (judged(event.event(), lines[slot], nowNanos)) {
                case DELIVER -> released.add(event);
                case STALE -> delivery.stale();
                default -> delivery.duplicate();
            }
            newest = time;
        }
        step.waitingAfter = null;
    }

    /** Drops the waiting states the route is at or past ({@code newest}), from the front. */
    private void drop(StateStep step, StateTime newest) {
        while (!step.waiting.isEmpty()) {
            StateTime time = StateTime.of(step.waiting.peekFirst().event());
            if (time.compareTo(newest) > 0) {
                return;
            }
            step.waiting.pollFirst();
            step.waitingAfter = time;
            count(time, newest);
        }
    }

    private void count(StateTime time, StateTime newest) {
        if (time.equals(newest)) {
            delivery.duplicate();
        } else {
            delivery.stale();
        }
    }

    private LineOutcome judged(UpbitEvent state, LineProgress line, long nowNanos) {
        return switch (arbiter.judge(state, line, nowNanos)) {
            case DELIVER -> LineOutcome.DELIVER;
            case DUPLICATE -> LineOutcome.DUPLICATE;
            case STALE -> LineOutcome.STALE;
        };
    }
}
