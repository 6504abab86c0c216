package io.camelupbit.session;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;

/** A route's place in a session: its delivery and what the session remembers about it. Event-loop confined. */
final class Registration {

    final Delivery delivery;
    final SubscriptionSpec spec;
    /**
     * Codes this route got an event of on the current connection: a later snapshot of them is a repeat (a re-send
     * repeats every snapshot) or older than what the route has.
     */
    final Set<String> codesSeen = new HashSet<>();
    /**
     * A route joining a stream that already flows for other routes waits for its own snapshot: realtime events of a
     * code before it are from before its subscription (and the snapshot would repeat the last of them). It waits until
     * the snapshot comes or, should Upbit send none, until the acknowledgement window of its send has passed.
     */
    final boolean awaitsSnapshot;
    /** System.nanoTime() until which realtime events wait for the snapshot; unbounded until the send went out. */
    long snapshotDeadline = Long.MAX_VALUE;
    /** Whether Upbit accepted a subscription that included this spec. */
    boolean acknowledged;
    /** Whether a subscribe message on the current connection included this spec. */
    boolean sent;
    /**
     * Whether every market's next event carries the resync mark: the connection was lost, or the route was suspended,
     * while it was registered.
     */
    boolean afterGap;
    /** Codes whose first event after the gap went out already. */
    final Set<String> resynced = new HashSet<>();
    /**
     * Codes whose stream a later subscribe message restarts (Upbit replaces the whole subscription, and events in
     * flight can be lost): the new stream's snapshot, or else the send's acknowledgement, is the boundary after which
     * the next event carries the resync mark.
     */
    final Set<String> awaitingRestart = new HashSet<>();
    /** As {@link #awaitingRestart}, for a route of every code (myOrder without codes, myAsset). */
    boolean awaitingRestartEveryCode;
    /** Codes whose next event carries the resync mark (a restart's boundary has passed). */
    final Set<String> resyncDue = new HashSet<>();
    /** Trade numbers this route got lately, per code: a repeat (the snapshot after a reconnect) is suppressed. */
    private final Map<String, RecentIds> recentTrades = new HashMap<>();

    Registration(Delivery delivery, boolean afterGap) {
        this.delivery = delivery;
        this.spec = delivery.spec();
        this.afterGap = afterGap;
        this.awaitsSnapshot = wantsSnapshot() && !MyOrderEvent.TYPE.equals(spec.type())
                && !MyAssetEvent.TYPE.equals(spec.type());
    }

    /** Whether the route wants the snapshot Upbit sends on subscribe. */
    boolean wantsSnapshot() {
        return spec.snapshotMode() != SnapshotMode.REALTIME_ONLY;
    }

    /** A subscribe message went out that restarts this route's streams; its next events are marked past the boundary. */
    void restartedBySend() {
        if (spec.codes().isEmpty()) {
            awaitingRestartEveryCode = true;
        } else {
            awaitingRestart.addAll(spec.codes());
        }
    }

    /** The new stream of this code has begun (its snapshot arrived). */
    void restartBoundary(String code) {
        if (awaitingRestart.remove(code)) {
            resyncDue.add(code);
        }
    }

    /** Upbit has taken the send: whatever stream had not shown its boundary yet has restarted by now. */
    void restartAcknowledged() {
        resyncDue.addAll(awaitingRestart);
        awaitingRestart.clear();
        if (awaitingRestartEveryCode) {
            awaitingRestartEveryCode = false;
            afterGap = true;
            resynced.clear();
        }
    }

    /** The connection ended: the gap mark covers any restart still awaited. */
    void connectionLost() {
        afterGap = true;
        resynced.clear();
        awaitingRestart.clear();
        awaitingRestartEveryCode = false;
        resyncDue.clear();
        sent = false;
    }

    /** Whether the next accepted event of this code carries the resync mark; consumes the mark. */
    boolean takeResync(String code) {
        boolean due = resyncDue.remove(code);
        return afterGap && resynced.add(code) || due;
    }

    /** Remembers a trade number; false when the route had it already. */
    boolean firstTimeTrade(String code, long sequentialId) {
        return recentTrades.computeIfAbsent(code, c -> new RecentIds()).add(sequentialId);
    }
}
