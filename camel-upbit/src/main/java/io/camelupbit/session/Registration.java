package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;

/** A route's place in a session: its delivery and what the session remembers about it. Event-loop confined. */
final class Registration {

    /**
     * The most markets a route keeps per-market state for: more than any Upbit region lists. A route of every code
     * (myOrder without codes) learns its markets from the server, which must not be able to grow that state without
     * end. Events of markets beyond it are still delivered; after a gap each of them is marked (a mark too many, never
     * one too few).
     */
    static final int MAX_MARKETS = 10_000;

    /** The most lines a channel has at once: three redundant ones, each with a second while it hands over. */
    static final int MAX_LINES = 6;

    final Delivery delivery;
    final SubscriptionSpec spec;
    /**
     * Codes this route got an event of since its last gap: a later snapshot of them is a repeat (a re-send, or another
     * line, repeats every snapshot) or older than what the route has.
     */
    final Set<String> codesSeen = new HashSet<>();
    /**
     * A route joining a stream that already flows for other routes waits for its own snapshot: realtime events of a
     * code before it are from before its subscription (and the snapshot would repeat the last of them). It waits until
     * the snapshot comes or, should Upbit send none, until the acknowledgement window of its send has passed.
     */
    final boolean awaitsSnapshot;
    /**
     * Whether every market's next event carries the resync mark: the route was suspended, or lost every line, while it
     * was registered.
     */
    boolean afterGap;
    /** Codes whose first event after the gap went out already. */
    final Set<String> resynced = new HashSet<>();
    /** Codes whose next event carries the resync mark (a restart's boundary has passed). */
    final Set<String> resyncDue = new HashSet<>();
    /** Trade numbers this route got lately, per code: a repeat (the snapshot after a reconnect) is suppressed. */
    private final Map<String, RecentIds> recentTrades = new HashMap<>();
    /** Every event once, from whichever line brought it first; only while the channel has several lines. */
    private final LineArbiter arbiter;
    private final LineProgress[] lines = new LineProgress[MAX_LINES];
    private final TradeLines tradeLines;
    private final StateLines stateLines;

    /**
     * @param spec    what the route subscribes to on this session: its spec, or the part of its codes this shard holds
     * @param arbiter the arbitration between the channel's lines, {@code null} with one line
     */
    Registration(Delivery delivery, SubscriptionSpec spec, boolean afterGap, LineArbiter arbiter) {
        this.delivery = delivery;
        this.spec = spec;
        this.afterGap = afterGap;
        this.awaitsSnapshot = wantsSnapshot() && spec.hasSnapshot();
        this.arbiter = arbiter;
        this.tradeLines = arbiter == null ? null : new TradeLines(arbiter, lines, delivery, resyncDue);
        this.stateLines = arbiter == null ? null : new StateLines(arbiter, lines, delivery, resyncDue);
    }

    /** Whether the route wants the snapshot Upbit sends on subscribe. */
    boolean wantsSnapshot() {
        return spec.snapshotMode() != SnapshotMode.REALTIME_ONLY;
    }

    /** What the line in this slot did for the route. */
    LineProgress line(int slot) {
        LineProgress progress = lines[slot];
        if (progress == null) {
            progress = new LineProgress();
            lines[slot] = progress;
        }
        return progress;
    }

    /**
     * How the route's events of this kind from several lines go in order: trades and states each have theirs; other
     * events, and every event while the channel has one line, {@code null}.
     */
    LineMerge merge(UpbitEvent event) {
        if (event instanceof TradeEvent) {
            return tradeLines;
        }
        return StateTime.isState(event) ? stateLines : null;
    }

    /** The route's states from several lines in order, {@code null} while the channel has one line. */
    StateLines stateLines() {
        return stateLines;
    }

    /** Whether the route's trades or states wait on the line in this slot: it is not in step with the route yet. */
    boolean waitingOn(int slot) {
        return tradeLines != null && (tradeLines.waitingOn(slot) || stateLines.waitingOn(slot));
    }

    /** A line may be gone: what waits on other lines while no line is in step goes now (into {@code released}). */
    void releaseWaiting(long nowNanos, List<ReceivedEvent> released) {
        if (tradeLines != null) {
            tradeLines.releaseAll(nowNanos, released);
            stateLines.releaseAll(nowNanos, released);
        }
    }

    /** The line in this slot went for good: a line that takes the slot later starts afresh. */
    void clearLine(int slot) {
        lines[slot] = null;
    }

    /** The arbitration between lines, {@code null} while the channel has one. */
    LineArbiter arbiter() {
        return arbiter;
    }

    /**
     * The first subscribe message on the line's connection that carries this route went out.
     *
     * @param numbers         the line's snapshot numbers, already counting this message
     * @param snapshotStreams the streams ({@link #streamKey}) the message asks a snapshot of
     */
    void joined(LineProgress line, SnapshotNumbers numbers, Set<String> snapshotStreams) {
        line.sent = true;
        for (String code : spec.codes()) {
            String key = streamKey(spec.type(), spec.level(), code);
            if (snapshotStreams.contains(key)) {
                line.joinedAt.put(code, numbers.asked(key));
            }
        }
    }

    /**
     * A later subscribe message went out on the line: it restarts this route's streams there. Those with a snapshot
     * show the restart by their next snapshot ({@link #snapshotArrived}); the others by Upbit's acknowledgement
     * ({@link #restartAcknowledged}).
     */
    void restartedBySend(LineProgress line, Set<String> snapshotStreams) {
        if (spec.codes().isEmpty()) {
            line.everyCodeRestarted = true;
            return;
        }
        for (String code : spec.codes()) {
            if (!snapshotStreams.contains(streamKey(spec.type(), spec.level(), code))) {
                line.restartedWithoutSnapshot.add(code);
            }
        }
    }

    /**
     * As {@link #restartedBySend}, while another line carries the route on: nothing is lost, so the restart marks
     * nothing; the line's streams begin again at the snapshot that answers this message.
     */
    void restartedCovered(LineProgress line, SnapshotNumbers numbers, Set<String> snapshotStreams) {
        for (String code : spec.codes()) {
            String key = streamKey(spec.type(), spec.level(), code);
            if (snapshotStreams.contains(key)) {
                line.joinedAt.put(code, numbers.asked(key));
            }
        }
    }

    /**
     * A snapshot of one of this route's streams arrived on the line, with its number there.
     *
     * @return false when it answers a message from before this route's subscription (the route ignores it)
     */
    boolean snapshotArrived(LineProgress line, String code, long number) {
        Long joined = line.joinedAt.get(code);
        if (joined == null) {
            return true;
        }
        if (number < joined) {
            return false;
        }
        if (number > joined) {
            resyncDue.add(code);
        }
        line.started.add(code);
        return true;
    }

    /** Whether realtime events of this code on the line are held back: the route waits for its snapshot there. */
    static boolean awaitsStart(LineProgress line, String code) {
        return line.joinedAt.containsKey(code) && !line.started.contains(code);
    }

    /** The wait for the route's snapshot on the line ended without it: any later snapshot begins a restarted stream. */
    static void startedWithout(LineProgress line, String code, long arrivedSoFar) {
        line.joinedAt.put(code, arrivedSoFar);
        line.started.add(code);
    }

    /** Upbit has taken the line's send: the streams that show no snapshot have restarted by now. */
    void restartAcknowledged(LineProgress line) {
        resyncDue.addAll(line.restartedWithoutSnapshot);
        line.restartedWithoutSnapshot.clear();
        if (line.everyCodeRestarted) {
            line.everyCodeRestarted = false;
            afterGap = true;
            resynced.clear();
        }
    }

    /** A stream's identity for snapshot bookkeeping: type, orderbook level and bare code. */
    static String streamKey(String type, BigDecimal level, String code) {
        String levelText = level == null || level.signum() == 0 ? "0" : level.stripTrailingZeros().toPlainString();
        return type + '|' + levelText + '|' + code;
    }

    /**
     * The route lost its events for a while (the last line carrying it went down): the gap mark covers any restart
     * still awaited (unless the route has had no event yet), and the next snapshot of every code is the route's again.
     */
    void gap() {
        // a route that has had nothing yet lost nothing: its stream begins with its first event
        afterGap |= !codesSeen.isEmpty();
        resynced.clear();
        resyncDue.clear();
        codesSeen.clear();
        for (LineProgress line : lines) {
            if (line != null) {
                line.restartedWithoutSnapshot.clear();
                line.everyCodeRestarted = false;
            }
        }
    }

    /** Whether the next accepted event of this code carries the resync mark; consumes the mark. */
    boolean takeResync(String code) {
        boolean due = resyncDue.remove(code);
        return afterGap && firstOf(resynced, code) || due;
    }

    /** Whether this is the route's first event of this code since its last gap; remembers the code. */
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
