package io.camelupbit.session;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one line (connection) of the channel has done for one route: whether its subscription went out and was taken
 * there, and where each of the route's streams stands on it. The route's own view (marks, codes seen, arbitration)
 * is its {@link Registration}. Event-loop confined.
 */
final class LineProgress {

    /** Whether a subscribe message on the line's current connection included the route's spec. */
    boolean sent;
    /** Whether Upbit ever accepted, on this line, a subscription that included the spec (kept over reconnects). */
    boolean acknowledged;
    /** System.nanoTime() until which realtime events wait for the snapshot; unbounded until the send went out. */
    long snapshotDeadline = Long.MAX_VALUE;
    /**
     * Per code, the number ({@link SnapshotNumbers}) of the snapshot that answers the message that carried the route:
     * earlier snapshots predate its subscription, later ones begin a stream that a later message restarted. Only for
     * streams whose snapshot was asked for.
     */
    final Map<String, Long> joinedAt = new HashMap<>();
    /** Codes whose stream has begun on this line: its snapshot came, or the wait for it ended. */
    final Set<String> started = new HashSet<>();
    /** Codes restarted by a send whose stream has no snapshot (realtime only): the acknowledgement is the boundary. */
    final Set<String> restartedWithoutSnapshot = new HashSet<>();
    /** As {@link #restartedWithoutSnapshot}, for a route of every code (myOrder without codes, myAsset). */
    boolean everyCodeRestarted;
    /** Per code, where this line's trades stand for the route; only with several lines (see {@link TradeStep}). */
    private final Map<String, TradeStep> trades = new HashMap<>();
    /** Per code, where this line's states stand for the route; only with several lines (see {@link StateStep}). */
    private final Map<String, StateStep> states = new HashMap<>();

    /** Whether the line's current connection carries the route: its subscription is out and was taken. */
    boolean flowing() {
        return sent && acknowledged;
    }

    /** The line's connection ended: only the acknowledgement holds for the next one. */
    void reset() {
        sent = false;
        snapshotDeadline = Long.MAX_VALUE;
        joinedAt.clear();
        started.clear();
        restartedWithoutSnapshot.clear();
        everyCodeRestarted = false;
        trades.clear();
        states.clear();
    }

    /**
     * A send restarted the line's streams: the trades and states it brings next (its snapshot first) need not follow
     * the ones before, so none is in step until it brings one the route has or the one before the route's next.
     */
    void streamsRestarted() {
        for (TradeStep step : trades.values()) {
            step.last = null;
        }
        for (StateStep step : states.values()) {
            step.last = null;
        }
    }

    /** Where this line's trades of the code stand for the route. */
    TradeStep trades(String code) {
        return trades.computeIfAbsent(code, c -> new TradeStep());
    }

    /** Where this line's trades of the code stand, {@code null} when it brought none. */
    TradeStep tradesIfAny(String code) {
        return trades.get(code);
    }

    /** The codes this line holds trades back for. */
    Iterable<Map.Entry<String, TradeStep>> tradeSteps() {
        return trades.entrySet();
    }

    /** Where this line's states of the code stand for the route. */
    StateStep states(String code) {
        return states.computeIfAbsent(code, c -> new StateStep());
    }

    /** Where this line's states of the code stand, {@code null} when it brought none. */
    StateStep statesIfAny(String code) {
        return states.get(code);
    }

    /** The codes this line holds states back for. */
    Iterable<Map.Entry<String, StateStep>> stateSteps() {
        return states.entrySet();
    }
}
