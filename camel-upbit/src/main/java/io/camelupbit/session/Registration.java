package io.camelupbit.session;

import java.util.HashSet;
import java.util.Set;

/** A route's place in a session: its delivery and what the session remembers about it. Event-loop confined. */
final class Registration {

    final Delivery delivery;
    final SubscriptionSpec spec;
    /** Codes whose snapshot this route got on the current connection (a re-send repeats snapshots). */
    final Set<String> snapshotsSeen = new HashSet<>();
    /** Whether Upbit accepted a subscription that included this spec. */
    boolean acknowledged;
    /** Whether the connection was lost while this route was registered: its next event per code is a resync. */
    boolean afterGap;
    /** Codes whose first event after the gap went out already. */
    final Set<String> resynced = new HashSet<>();

    Registration(Delivery delivery) {
        this.delivery = delivery;
        this.spec = delivery.spec();
    }

    /** Whether the route wants the snapshot Upbit sends on subscribe. */
    boolean wantsSnapshot() {
        return spec.snapshotMode() != SnapshotMode.REALTIME_ONLY;
    }
}
