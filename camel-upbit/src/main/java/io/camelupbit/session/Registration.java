package io.camelupbit.session;

import java.util.HashSet;
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
    /** Whether the connection was lost while this route was registered: its next event per code is a resync. */
    boolean afterGap;
    /** Codes whose first event after the gap went out already. */
    final Set<String> resynced = new HashSet<>();

    Registration(Delivery delivery) {
        this.delivery = delivery;
        this.spec = delivery.spec();
        this.awaitsSnapshot = wantsSnapshot() && !MyOrderEvent.TYPE.equals(spec.type())
                && !MyAssetEvent.TYPE.equals(spec.type());
    }

    /** Whether the route wants the snapshot Upbit sends on subscribe. */
    boolean wantsSnapshot() {
        return spec.snapshotMode() != SnapshotMode.REALTIME_ONLY;
    }
}
