package io.camelupbit.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.camelupbit.event.StreamType;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;

/**
 * One route's trades from several lines, each once and in Upbit's order. Trade numbers are unique but need not rise,
 * so order comes from the lines: each brings a market's trades in order, and a line feeds the route only while it is
 * in step ({@link TradeStep}): the trade it brought before is the route's last. A trade the route had is a duplicate.
 * A new trade from a line out of step waits on that line while another line feeds the route in order (in step, or
 * behind and catching up): until the route reaches the trade just before it (then the waiting trades go, and that line
 * leads), or until no line feeds the route (then they go, the first marked when it does not follow the route's last:
 * a gap). A line that brings a trade the route had has nothing
 * older to offer: what waited on it goes as stale. Event-loop confined, one per route.
 */
final class TradeLines implements LineMerge {

    private final LineArbiter arbiter;
    private final LineProgress[] lines;
    private final Delivery delivery;
    /** The route's codes whose next event carries the resync mark. */
    private final Set<String> resyncDue;
    /** Per code, the number of the last trade delivered. */
    private final Map<String, Long> last = new HashMap<>();

    TradeLines(LineArbiter arbiter, LineProgress[] lines, Delivery delivery, Set<String> resyncDue) {
        this.arbiter = arbiter;
        this.lines = lines;
        this.delivery = delivery;
        this.resyncDue = resyncDue;
    }

    @Override
    public LineOutcome arrived(int slot, UpbitEvent event, long nowNanos, List<ReceivedEvent> released) {
        TradeEvent trade = (TradeEvent) event;
        String code = trade.code();
        long id = trade.sequentialId();
        TradeStep step = lines[slot].trades(code);
        // a snapshot begins a stream (a connection, or a send that restarted the line's streams): it follows nothing
        Long previous = trade.streamType() == StreamType.SNAPSHOT ? null : step.last;
        step.last = id;
        if (arbiter.hasTrade(code, id, nowNanos)) {
            // the route is past this point of the line: what waited on it is older than what the route has
            drop(step, nowNanos);
            return LineOutcome.DUPLICATE;
        }
        Long routeLast = last.get(code);
        if (step.waiting.isEmpty() && (routeLast == null || routeLast.equals(previous))) {
            delivered(trade, nowNanos);
            return LineOutcome.DELIVER;
        }
        if (inStepElsewhere(slot, code, nowNanos)) {
            if (step.waiting.isEmpty()) {
                step.waitingAfter = previous;
            }
            return LineOutcome.WAIT;
        }
        // no line feeds the route in order any more: this line's waiting trades go first, then this one
        release(step, code, nowNanos, released, false);
        if (!Objects.equals(last.get(code), previous)) {
            resyncDue.add(code);
        }
        delivered(trade, nowNanos);
        return LineOutcome.DELIVER;
    }

    /** Holds a trade back on the line (after {@link LineOutcome#WAIT}); at most {@link TradeStep#MAX_WAITING}. */
    @Override
    public void hold(int slot, ReceivedEvent event) {
        lines[slot].trades(event.event().code()).hold(event, delivery);
    }

    /**
     * The route got a trade of this code: a line whose waiting trades now follow the route's last leads from here on,
     * its trades go (into {@code released}).
     */
    @Override
    public void caughtUp(int slot, UpbitEvent delivered, long nowNanos, List<ReceivedEvent> released) {
        String code = delivered.code();
        Long routeLast = last.get(code);
        for (int i = 0; i < lines.length; i++) {
            LineProgress line = lines[i];
            TradeStep step = i == slot || line == null ? null : line.tradesIfAny(code);
            if (step == null || step.waiting.isEmpty()) {
                continue;
            }
            // trades the route has by now, from the front
            while (!step.waiting.isEmpty() && arbiter.hasTrade(code, idOf(step.waiting.peekFirst()), nowNanos)) {
                step.waitingAfter = idOf(step.waiting.pollFirst());
                delivery.duplicate();
            }
            if (!step.waiting.isEmpty() && routeLast.equals(step.waitingAfter)) {
                release(step, code, nowNanos, released, true);
                routeLast = last.get(code);
            }
        }
    }

    /** The line in step may be gone: every market's trades waiting on other lines go now (marked if they do not follow). */
    @Override
    public void releaseAll(long nowNanos, List<ReceivedEvent> released) {
        for (LineProgress line : lines) {
            if (line == null) {
                continue;
            }
            for (Map.Entry<String, TradeStep> entry : line.tradeSteps()) {
                String code = entry.getKey();
                if (!entry.getValue().waiting.isEmpty() && !inStepElsewhere(-1, code, nowNanos)) {
                    release(entry.getValue(), code, nowNanos, released, false);
                }
            }
        }
    }

    /** Whether trades wait on the line in this slot: it is not in step with the route yet. */
    @Override
    public boolean waitingOn(int slot) {
        LineProgress line = lines[slot];
        if (line == null) {
            return false;
        }
        for (Map.Entry<String, TradeStep> entry : line.tradeSteps()) {
            if (!entry.getValue().waiting.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a line other than {@code slot} feeds the route in order: it carries the route, holds nothing back, and
     * the last trade it brought is the route's last or one the route had (it is in step, or behind and catching up).
     */
    private boolean inStepElsewhere(int slot, String code, long nowNanos) {
        Long routeLast = last.get(code);
        for (int i = 0; i < lines.length; i++) {
            LineProgress line = lines[i];
            if (i == slot || line == null || !line.flowing()) {
                continue;
            }
            TradeStep step = line.tradesIfAny(code);
            if (step != null && step.waiting.isEmpty() && step.last != null
                    && (step.last.equals(routeLast) || arbiter.hasTrade(code, step.last, nowNanos))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The waiting trades go, in order; the first is marked when it does not follow the route's last. A snapshot among
     * them the route does not have began a new stream on the line (a restart): it follows nothing known. When the line
     * is to lead ({@code untilRestart}), only the trades before it go, and the rest waits for the route to reach it;
     * when no line feeds the route, all go, the snapshot marked as after a gap.
     */
    private void release(TradeStep step, String code, long nowNanos, List<ReceivedEvent> released,
            boolean untilRestart) {
        if (step.waiting.isEmpty()) {
            return;
        }
        if (!Objects.equals(last.get(code), step.waitingAfter)) {
            resyncDue.add(code);
        }
        while (!step.waiting.isEmpty()) {
            ReceivedEvent event = step.waiting.peekFirst();
            TradeEvent trade = (TradeEvent) event.event();
            boolean had = arbiter.hasTrade(code, trade.sequentialId(), nowNanos);
            if (trade.streamType() == StreamType.SNAPSHOT && !had) {
                if (untilRestart) {
                    step.waitingAfter = null;
                    return;
                }
                resyncDue.add(code);
            }
            step.waiting.pollFirst();
            if (had) {
                delivery.duplicate();
                continue;
            }
            delivered(trade, nowNanos);
            released.add(event);
        }
        step.waitingAfter = null;
    }

    /** The line brought a trade the route had: what waited on it is older, never to be delivered. */
    private void drop(TradeStep step, long nowNanos) {
        while (!step.waiting.isEmpty()) {
            ReceivedEvent event = step.waiting.pollFirst();
            TradeEvent trade = (TradeEvent) event.event();
            if (arbiter.hasTrade(trade.code(), trade.sequentialId(), nowNanos)) {
                delivery.duplicate();
            } else {
                delivery.stale();
            }
        }
        step.waitingAfter = null;
    }

    private void delivered(TradeEvent trade, long nowNanos) {
        arbiter.addTrade(trade, nowNanos);
        last.put(trade.code(), trade.sequentialId());
    }

    private static long idOf(ReceivedEvent event) {
        return ((TradeEvent) event.event()).sequentialId();
    }
}
