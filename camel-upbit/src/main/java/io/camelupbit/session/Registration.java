package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;


/** A route's place in a session: its delivery and what the session remembers about it. Event-loop confined. */
final class Registration {

    /**
     * The most markets a route keeps per-market state for: more than any Upbit region lists. A route of every code
     * (myOrder without codes) learns its markets from the server, which must not be able to grow that state without
     * end. Events of markets beyond it are still delivered; after a gap each of them is marked (a mark too many, never
     * one too few).
     */
    static final int MAX_MARKETS = 10_000;

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
     * Per code, the number ({@link SnapshotNumbers}) of the snapshot that answers the message that carried this route:
     * earlier snapshots predate its subscription, later ones begin a stream that a later message restarted (Upbit
     * replaces the whole subscription, and events in flight can be lost), after which the next event carries the
     * resync mark. Only for streams whose snapshot was asked for.
     */
    private final Map<String, Long> joinedAt = new HashMap<>();
    /** Codes whose stream has begun for this route: its own snapshot came, or its wait for it ended. */
    final Set<String> started = new HashSet<>();
    /** Codes restarted by a send whose stream has no snapshot (realtime only): the acknowledgement is the boundary. */
    private final Set<String> restartedWithoutSnapshot = new HashSet<>();
    /** As {@link #restartedWithoutSnapshot}, for a route of every code (myOrder without codes, myAsset). */
    private boolean everyCodeRestarted;
    /** Codes whose next event carries the resync mark (a restart's boundary has passed). */
    final Set<String> resyncDue = new HashSet<>();
    /** Trade numbers this route got lately, per code: a repeat (the snapshot after a reconnect) is suppressed. */
    private final Map<String, RecentIds> recentTrades = new HashMap<>();

    Registration(Delivery delivery, boolean afterGap) {
        this.delivery = delivery;
        this.spec = delivery.spec();
        this.afterGap = afterGap;
        this.awaitsSnapshot = wantsSnapshot() && spec.hasSnapshot();
    }

    /** Whether the route wants the snapshot Upbit sends on subscribe. */
    boolean wantsSnapshot() {
        return spec.snapshotMode() != SnapshotMode.REALTIME_ONLY;
    }

    /**
     * The first subscribe message on this connection that carries this route went out.
     *
     * @param numbers         the connection's snapshot numbers, already counting this message
     * @param snapshotStreams the streams ({@link #streamKey}) the message asks a snapshot of
     */
    void joined(SnapshotNumbers numbers, Set<String> snapshotStreams) {
        sent = true;
        for (String code : spec.codes()) {
            String key = streamKey(spec.type(), spec.level(), code);
            if (snapshotStreams.contains(key)) {
                joinedAt.put(code, numbers.asked(key));
            }
        }
    }

    /**
     * A later subscribe message went out: it restarts this route's streams. Those with a snapshot show the restart by
     * their next snapshot ({@link #snapshotArrived}); the others by Upbit's acknowledgement ({@link
     * #restartAcknowledged}).
     */
    void restartedBySend(Set<String> snapshotStreams) {
        if (spec.codes().isEmpty()) {
            everyCodeRestarted = true;
            return;
        }
        for (String code : spec.codes()) {
            if (!snapshotStreams.contains(streamKey(spec.type(), spec.level(), code))) {
                restartedWithoutSnapshot.add(code);
            }
        }
    }

    /**
     * A snapshot of one of this route's streams arrived, with its number.
     *
     * @return false when it answers a message from before this route's subscription (the route ignores it)
     */
    boolean snapshotArrived(String code, long number) {
        Long joined = joinedAt.get(code);
        if (joined == null) {
            return true;
        }
        if (number < joined) {
            return false;
        }
        if (number > joined) {
            resyncDue.add(code);
        }
        started.add(code);
        return true;
    }

    /** Whether realtime events of this code are held back: the route waits for its own snapshot of it. */
    boolean awaitsStart(String code) {
        return joinedAt.containsKey(code) && !started.contains(code);
    }

    /** The wait for the route's own snapshot ended without it: any later snapshot begins a restarted stream. */
    void startedWithout(String code, long arrivedSoFar) {
        joinedAt.put(code, arrivedSoFar);
        started.add(code);
    }

    /** Upbit has taken the send: the streams that show no snapshot have restarted by now. */
    void restartAcknowledged() {
        resyncDue.addAll(restartedWithoutSnapshot);
        restartedWithoutSnapshot.clear();
        if (everyCodeRestarted) {
            everyCodeRestarted = false;
            afterGap = true;
            resynced.clear();
        }
    }

    /** A stream's identity for snapshot bookkeeping: type, orderbook level and bare code. */
    static String streamKey(String type, BigDecimal level, String code) {
        String levelText = level == null || level.signum() == 0 ? "0" : level.stripTrailingZeros().toPlainString();
        return type + '|' + levelText + '|' + code;
    }

    /** The connection ended: the gap mark covers any restart still awaited. */
    void connectionLost() {
        afterGap = true;
        resynced.clear();
        joinedAt.clear();
        started.clear();
        snapshotDeadline = Long.MAX_VALUE;
        restartedWithoutSnapshot.clear();
        everyCodeRestarted = false;
        resyncDue.clear();
        sent = false;
    }

    /** Whether the next accepted event of this code carries the resync mark; consumes the mark. */
    boolean takeResync(String code) {
        boolean due = resyncDue.remove(code);
        return afterGap && firstOf(resynced, code) || due;
    }

    /** Whether this is the route's first event of this code on the current connection; remembers the code. */
    boolean firstSeen(String code) {
        return firstOf(codesSeen, code);
    }

    /**
     * Whether the code is new to this set, adding it while the set holds fewer than {@link #MAX_MARKETS}; a code
     * beyond that is new every time.
     */
    private static boolean firstOf(Set<String> codes, String code) {
        if (codes.contains(code)) {
            return false;
        }
        if (codes.size() < MAX_MARKETS) {
            codes.add(code);
        }
        return true;
    }

    /** How many markets this route holds per-market state for. */
    int marketsTracked() {
        return Math.max(codesSeen.size(), resynced.size());
    }

    /** Remembers a trade number; false when the route had it already. */
    boolean firstTimeTrade(String code, long sequentialId) {
        return recentTrades.computeIfAbsent(code, c -> new RecentIds()).add(sequentialId);
    }
}
