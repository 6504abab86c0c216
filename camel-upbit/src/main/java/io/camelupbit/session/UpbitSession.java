package io.camelupbit.session;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import io.camelupbit.error.UpbitErrorException;
import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.wire.RecentFrames;
import io.camelupbit.wire.TypeRequest;
import io.camelupbit.wire.UpbitError;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes' side of one Upbit channel (public, or private for one key): every route of the channel shares it.
 * <p>
 * It keeps one {@link SubscriptionBook} of what all routes want and has one or more {@link Line}s carry it (each one
 * WebSocket with its reconnects, its subscribe messages and their answers; several with {@code redundancy}, each event
 * then reaching a route once, from the line that brought it first). It attributes Upbit's error frames to the routes
 * whose change caused them, stops reading while a route's full mailbox asks for it ({@link ReadPause}), tells each
 * reconciling route of its gaps — times when no line carried it — and of Upbit taking its subscription
 * ({@link Reconciliation}), and lets the connections go {@code connectionLinger} after the last route left.
 * <p>
 * All state lives on one Netty event loop, shared with its lines; public methods may be called from any thread and
 * hop onto it.
 */
public final class UpbitSession implements Line.Owner {

    private static final Logger LOG = LoggerFactory.getLogger(UpbitSession.class);
    /**
     * How long a route's arbitration keeps an event's key: far longer than one line lags behind another (a reconnect
     * and its snapshot take seconds), and what a line repeats after a reconnect is older than that only when it
     * repeats the snapshot, which the route's codes-seen filter turns away.
     */
    static final long ARBITRATION_SPAN_NANOS = TimeUnit.SECONDS.toNanos(60);
    /**
     * How long a line has been live again before another line of the channel restarts its streams: what Upbit had in
     * flight around a restart is lost, so the restarts of two lines must not overlap.
     */
    static final long RESTART_SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(AckWindow.MILLIS);
    /**
     * The longest a line's restart waits for another line that is down to come back: a change that restarted the only
     * line up would leave the routes with none.
     */
    static final long RESTART_WAIT_BOUND_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** The longest a line waits for the connection taking its place to be in step before it goes anyway. */
    static final long HAND_OVER_BOUND_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** The most keys a route's arbitration keeps per market within the span (see docs/architecture.md, "Lines"). */
    static final int ARBITRATION_KEYS_PER_MARKET = 4096;

    /** Counters summed over the lines, those of lines that handed over kept so that the sums never go back. */
    private enum LineCounter {
        FRAMES(l -> l.connection().framesReceived()),
        BYTES(l -> l.connection().bytesReceived()),
        DECODED(l -> l.dispatch().eventsDecoded()),
        UNROUTED(l -> l.dispatch().eventsUnrouted()),
        VISITS(l -> l.dispatch().subscriberVisits()),
        DECODE_ERRORS(l -> l.connection().decodeErrors()),
        FIELD_ERRORS(l -> l.connection().fieldErrors()),
        SUBSCRIBE_MESSAGES(Line::subscribeMessagesSent),
        CONNECTS(l -> l.connection().connects()),
        DRIFTS(Line::subscriptionDrifts);

        private final ToLongFunction<Line> read;

        LineCounter(ToLongFunction<Line> read) {
            this.read = read;
        }
    }

    private final String name;
    private final String connectionId;
    private final int redundancy;
    private final boolean overlap;
    private final ConnectThrottle connectThrottle;
    private final Consumer<ConnectionEvent> lifecycle;
    private final AtomicLongArray retired = new AtomicLongArray(LineCounter.values().length);
    private final SessionSettings settings;
    private final EventLoop loop;
    private final RateLimitPolicy ratePolicy;
    private final SubscriptionBook book;
    /**
     * Redundant lines bring every frame more than once: on a loop where several of them read, a copy replays its first
     * decoding. Lines on loops of their own decode in parallel instead.
     */
    private final Map<EventLoop, RecentFrames> recentFrames;
    /** The lines, and while one hands over to the connection that takes its place, both; changed on the event loop. */
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final ReadPause readPause;

    private final AtomicLong framesIgnored = new AtomicLong();
    /** Registrations on their way to the event loop: a session they are headed for is not idle. */
    private final AtomicInteger registering = new AtomicInteger();
    private final Runnable idle;
    private final AtomicLong errorFrames = new AtomicLong();

    // event-loop confined
    private boolean closed;
    /** Routes rejected together with others, tried again group by group so that only the one at fault is removed. */
    private final Suspects suspects = new Suspects();
    private ScheduledFuture<?> lingerClose;

    /**
     * @param connectionId the id of the session's connection among its channel's ({@code 1} unless a market's second
     *                     orderbook level put this session on a further connection)
     * @param redundancy   how many lines carry the subscription (1 to 3)
     * @param overlap      {@code resubscribe=overlap}: a change of the subscription opens a connection that takes a
     *                     line's place instead of restarting the line's streams
     * @param loop         the session's event loop, where all its state lives
     * @param lineLoops    where each line reads and decodes, by slot (at least {@code redundancy} of them): a line on
     *                     a loop other than {@code loop} hands its reads over ({@link LoopRelay})
     * @param lifecycle    receives every connection event (called on the event loop: hand off, do not block)
     * @param idle         runs on the event loop when the connections closed {@code connectionLinger} after the last
     *                     route left; the owner may then {@link #retireIfIdle() retire} the session
     */
    public UpbitSession(String name, String connectionId, int redundancy, boolean overlap, SessionSettings settings,
            EventLoop loop, List<EventLoop> lineLoops, RateLimitPolicy ratePolicy, ConnectThrottle connectThrottle,
            Consumer<ConnectionEvent> lifecycle, Runnable idle) {
        if (redundancy < 1 || redundancy > 3) {
            throw new IllegalArgumentException("redundancy must be 1, 2 or 3, got " + redundancy);
        }
        if (lineLoops.size() < redundancy) {
            throw new IllegalArgumentException("a loop per line is needed: " + redundancy + " lines, "
                    + lineLoops.size() + " loops");
        }
        this.name = name;
        this.connectionId = connectionId;
        this.redundancy = redundancy;
        this.overlap = overlap;
        this.idle = idle;
        this.settings = settings;
        this.loop = loop;
        this.ratePolicy = ratePolicy;
        this.connectThrottle = connectThrottle;
        this.lifecycle = lifecycle;
        // arbitration whenever two connections can carry one route: several lines, or a line and its replacement
        this.book = new SubscriptionBook(redundancy == 1 && !overlap ? spec -> null
                : spec -> new LineArbiter(ARBITRATION_SPAN_NANOS, ARBITRATION_KEYS_PER_MARKET, spec.depth()));
        this.recentFrames = new HashMap<>();
        List<EventLoop> used = lineLoops.subList(0, redundancy);
        for (EventLoop lineLoop : used) {
            if (Collections.frequency(used, lineLoop) > 1) {
                recentFrames.putIfAbsent(lineLoop, new RecentFrames());
            }
        }
        for (int slot = 0; slot < redundancy; slot++) {
            lines.add(newLine(slot, slot + 1, used.get(slot)));
        }
        this.readPause = new ReadPause(name, loop, book::contains, () -> lines.forEach(Line::hold),
                () -> lines.forEach(Line::release));
    }

    private Line newLine(int slot, int number, EventLoop channelLoop) {
        return new Line(name, slot, connectionId, number, settings, loop, channelLoop, ratePolicy, connectThrottle,
                lifecycle, book, this);
    }

    /** A short name for logs and tooling, e.g. {@code public@api.upbit.com}; never shows a key. */
    public String name() {
        return name;
    }

    /**
     * Adds a route; its spec goes out with the next batched subscribe message of every line.
     *
     * @param afterGap whether events flowed that the route did not get (a resumed route): its next event of each
     *                 market carries the resync mark
     */
    public void register(Delivery delivery, boolean afterGap) {
        register(delivery, delivery.spec(), afterGap);
    }

    /**
     * As {@link #register(Delivery, boolean)}, for the part of a route's codes this session holds: with
     * {@code shards}, a route's codes are split over the public channel's shard sessions, each carrying its own.
     *
     * @param spec the route's spec with the codes this session carries for it
     */
    public void register(Delivery delivery, SubscriptionSpec spec, boolean afterGap) {
        registering.incrementAndGet();
        loop.execute(() -> {
            registering.decrementAndGet();
            if (closed) {
                return;
            }
            Registration registration = book.add(delivery, spec, afterGap);
            if (registration == null) {
                return;
            }
            delivery.addReadControl(readPause);
            delivery.clearRejection();
            Reconciliation reconciliation = delivery.reconciliation();
            if (reconciliation != null) {
                reconciliation.joined(loop);
            }
            cancelLingerClose();
            for (Line line : lines) {
                if (registration.wantsSnapshot()) {
                    line.snapshotWanted();
                }
                line.open();
            }
        });
    }

    /**
     * Removes a route; the reduced state is sent, or the connections close after the linger when none is left.
     *
     * @return done when the route is out of the index: from then on no event reaches its mailbox
     */
    public Future<?> unregister(Delivery delivery) {
        return loop.submit(() -> {
            suspects.remove(delivery);
            Registration registration = book.remove(delivery);
            if (registration == null) {
                return;
            }
            lines.forEach(line -> line.removed(registration));
            Reconciliation reconciliation = delivery.reconciliation();
            if (reconciliation != null) {
                reconciliation.left();
            }
            delivery.removeReadControl(readPause);
            readPause.pausingChanged(delivery);
            if (!book.isEmpty()) {
                lines.forEach(Line::markDirty);
            } else {
                scheduleLingerClose();
            }
        });
    }

    /**
     * Closes the session for good if no route is registered or on its way; on the event loop, under the owner's
     * lock that also guards handing the session to new routes.
     *
     * @return whether it was retired
     */
    public boolean retireIfIdle() {
        if (closed || !book.isEmpty() || registering.get() > 0 || !suspects.isEmpty()) {
            return false;
        }
        closed = true;
        cancelLingerClose();
        lines.forEach(Line::close);
        LOG.info("Upbit session {} retired: no route for connectionLinger", name);
        return true;
    }

    /** Closes the connections for good (component stop); waits until they are closed. */
    public void close() {
        Future<?> done = loop.submit(() -> {
            closed = true;
            cancelLingerClose();
            lines.forEach(Line::close);
        });
        done.awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /**
     * The session's counters, summed over its lines, read together on its event loop, where they change, so they are
     * consistent with each other; waits at most a second for the loop.
     */
    public SessionStats stats() {
        Future<SessionStats> snapshot = loop.submit(() -> new SessionStats(sum(LineCounter.FRAMES),
                sum(LineCounter.DECODED), sum(LineCounter.UNROUTED),
                sum(LineCounter.VISITS), sum(LineCounter.DECODE_ERRORS),
                sum(LineCounter.FIELD_ERRORS), errorFrames.get(), sum(LineCounter.SUBSCRIBE_MESSAGES),
                sum(LineCounter.CONNECTS), book.size(), readPause.isPaused(), pausingRoutes(),
                readPause.pauses(), marketsTracked()));
        if (!snapshot.awaitUninterruptibly(1, TimeUnit.SECONDS) || !snapshot.isSuccess()) {
            throw new IllegalStateException("Upbit session " + name + " did not answer within a second");
        }
        return snapshot.getNow();
    }

    private long sum(LineCounter counter) {
        long total = retired.get(counter.ordinal());
        for (Line line : lines) {
            total += counter.read.applyAsLong(line);
        }
        return total;
    }

    private int marketsTracked() {
        int most = 0;
        for (Registration r : book.all()) {
            most = Math.max(most, r.marketsTracked());
        }
        return most;
    }

    private int pausingRoutes() {
        return (int) book.all().stream().filter(r -> r.delivery.isPausing()).count();
    }

    /** What the first line's connection went through: state, failures, reconnects. */
    public ConnectionTracker tracker() {
        return current().get(0).connection().tracker();
    }

    /** What each line's connection went through, in line order (the newest connection of each line). */
    public List<ConnectionTracker> trackers() {
        return current().stream().map(line -> line.connection().tracker()).toList();
    }

    /** The first line's connection. */
    public UpbitConnection connection() {
        return current().get(0).connection();
    }

    /** The connections of the session's lines, in line order (the newest connection of each line). */
    public List<UpbitConnection> connections() {
        return current().stream().map(Line::connection).toList();
    }

    /** How many lines carry the session's subscription. */
    public int redundancy() {
        return redundancy;
    }

    /** How many lines have a WebSocket open, its handshake done (during a hand-over, either connection counts). */
    public int linesConnected() {
        Set<Integer> connected = new HashSet<>();
        for (Line line : lines) {
            if (line.connection().isConnected()) {
                connected.add(line.number());
            }
        }
        return connected.size();
    }

    /** Per line number, its newest connection: the one that takes its place, once there is one. */
    private List<Line> current() {
        Line[] byNumber = new Line[redundancy];
        for (Line line : lines) {
            Line seen = byNumber[line.number() - 1];
            if (seen == null || seen.isRetiring()) {
                byNumber[line.number() - 1] = line;
            }
        }
        return Arrays.stream(byNumber).filter(Objects::nonNull).toList();
    }

    /** Each line's connection state, e.g. {@code 1=SUBSCRIBED 2=RECONNECTING}. */
    public String lineStates() {
        StringBuilder states = new StringBuilder();
        for (ConnectionTracker tracker : trackers()) {
            states.append(states.length() == 0 ? "" : " ").append(tracker.line()).append('=').append(tracker.state());
        }
        return states.toString();
    }

    /** The channel this session serves: {@code public}, {@code private} or {@code info}. */
    public String channel() {
        return settings.channel();
    }

    /** The data types and codes asked of Upbit now, as sent (no key, no token). */
    public List<TypeRequest> subscription() {
        Future<List<TypeRequest>> request = loop.submit(book::request);
        return request.awaitUninterruptibly(1, TimeUnit.SECONDS) && request.isSuccess() ? request.getNow() : List.of();
    }

    /** Whether some line's WebSocket is open and its handshake done. */
    public boolean isConnected() {
        return linesConnected() > 0;
    }

    /** Whether a route's full mailbox has the connections paused right now. */
    public boolean isReadingPaused() {
        return connection().isReadingPaused();
    }

    /** How long reading has been paused by full mailboxes without a break, in milliseconds; 0 while reading. */
    public long pausedForMillis() {
        return readPause.pausedForMillis();
    }

    /** Time reading was paused by full mailboxes, in milliseconds (the current pause included). */
    public long pausedMillis() {
        return readPause.pausedMillis();
    }

    public long framesReceived() {
        return sum(LineCounter.FRAMES);
    }

    public long bytesReceived() {
        return sum(LineCounter.BYTES);
    }

    /** Data items decoded into events, on every line. */
    public long eventsDecoded() {
        return sum(LineCounter.DECODED);
    }

    /** Decoded events no route wanted (e.g. still in flight from a subscription just replaced). */
    public long eventsUnrouted() {
        return sum(LineCounter.UNROUTED);
    }

    /** Routes visited by the dispatch: with an index, only those that named the event's (type, code). */
    public long subscriberVisits() {
        return sum(LineCounter.VISITS);
    }

    public long framesIgnored() {
        return framesIgnored.get();
    }

    /** Frames that could not be read and items that could not be delivered (a key malformed). */
    public long decodeErrors() {
        return sum(LineCounter.DECODE_ERRORS);
    }

    /** Malformed fields read as {@code null} in events that were delivered. */
    public long fieldErrors() {
        return sum(LineCounter.FIELD_ERRORS);
    }

    public long errorFrames() {
        return errorFrames.get();
    }

    public long subscribeMessagesSent() {
        return sum(LineCounter.SUBSCRIBE_MESSAGES);
    }

    public long connects() {
        return sum(LineCounter.CONNECTS);
    }

    /** Subscription checks that found Upbit holding something else than was sent (each repaired by a re-send). */
    public long subscriptionDrifts() {
        return sum(LineCounter.DRIFTS);
    }

    // ---- what the lines report (event loop) ----------------------------------------------------------------------

    @Override
    public boolean wantsConnection() {
        return !book.isEmpty();
    }

    @Override
    public boolean wantsItemBytes() {
        return book.jsonRoutes() > 0;
    }

    @Override
    public RecentFrames recentFrames(EventLoop channelLoop) {
        return recentFrames.get(channelLoop);
    }

    /** Frames a redundant line did not decode: byte for byte copies of frames another line had decoded. */
    public long framesReplayed() {
        long replayed = 0;
        for (RecentFrames frames : recentFrames.values()) {
            replayed += frames.replayed();
        }
        return replayed;
    }

    @Override
    public boolean coveredElsewhere(Registration registration, Line line, long sinceNanos) {
        for (Line other : lines) {
            if (other != line && other.isLive() && other.liveSince() - sinceNanos <= 0
                    && registration.line(other.slot()).flowing()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean replace(Line line) {
        if (!overlap || line.isRetiring() || predecessor(line) != null) {
            // a connection still waiting to hand over: the change waits for the hand-over (see mayRestart)
            return false;
        }
        int slot = freeSlot();
        if (slot < 0) {
            return false;
        }
        book.all().forEach(r -> r.clearLine(slot));
        // the new connection reads where the one it replaces does
        Line next = newLine(slot, line.number(), line.channelLoop());
        line.retire();
        lines.add(next);
        if (readPause.isPaused()) {
            next.hold();
        }
        LOG.debug("Upbit session {} line {}: the subscription changed; a new connection takes the line's place",
                name, line.number());
        next.open();
        return true;
    }

    /** The retiring line whose place this one takes, or {@code null}. */
    private Line predecessor(Line line) {
        for (Line other : lines) {
            if (other != line && other.number() == line.number() && other.isRetiring()) {
                return other;
            }
        }
        return null;
    }

    private int freeSlot() {
        for (int slot = 0; slot < Registration.MAX_LINES; slot++) {
            int candidate = slot;
            if (lines.stream().noneMatch(line -> line.slot() == candidate)) {
                return slot;
            }
        }
        return -1;
    }

    /**
     * The connection that takes a line's place has been live for {@link #RESTART_SPACING_NANOS}, holds no trade or state
     * back, and the old one has been heard from since then (else it is pinged: a quiet private stream reads nothing
     * for minutes, and only a sign of life after the new line went live shows the old one missed nothing before): the
     * line it replaces goes. Bounded: after {@link #HAND_OVER_BOUND_NANOS} it goes anyway, and what it alone carried is
     * marked.
     */
    private void handOver(Line next, long startedNanos, boolean pinged) {
        Line old = predecessor(next);
        if (old == null || !lines.contains(next) || !next.isLive()) {
            // gone, or not live any more: its next acceptance tries again
            return;
        }
        boolean unheard = old.lastHeard() - next.liveSince() < 0;
        if (System.nanoTime() - startedNanos < HAND_OVER_BOUND_NANOS && (unheard || book.all().stream()
                .anyMatch(r -> r.waitingOn(next.slot())))) {
            if (unheard && !pinged) {
                old.ping();
            }
            loop.schedule(ScheduledTasks.logged("hand-over",
                    () -> handOver(next, startedNanos, pinged || unheard)), 100, TimeUnit.MILLISECONDS);
            return;
        }
        LOG.debug("Upbit session {} line {} hands over to its new connection", name, old.number());
        leave(old);
        old.close();
        // a change that waited for the hand-over goes now
        next.markDirty();
    }

    /** A line goes for good (handed over, or lost while retiring): what only it carried is a gap. */
    private void leave(Line line) {
        lines.remove(line);
        for (LineCounter counter : LineCounter.values()) {
            retired.addAndGet(counter.ordinal(), counter.read.applyAsLong(line));
        }
        lineGone(line, System.currentTimeMillis(), true);
    }

    /**
     * A line's connection ended, for now or for good: its progress goes, a route no other line carried since it last
     * read has a gap from {@code gapAt} (wall clock), and trades that waited on other lines for it go now.
     *
     * @return how many routes had no other line
     */
    private int lineGone(Line line, long gapAt, boolean forGood) {
        int uncovered = 0;
        for (Registration r : book.all()) {
            boolean covered = coveredElsewhere(r, line, line.lastHeard());
            if (forGood) {
                r.clearLine(line.slot());
            } else {
                r.line(line.slot()).reset();
            }
            if (!covered) {
                r.gap();
                gap(r, gapAt);
                uncovered++;
                Reconciliation reconciliation = r.delivery.reconciliation();
                if (reconciliation != null && lines.stream()
                        .anyMatch(other -> other != line && other.isLive() && r.line(other.slot()).flowing())) {
                    // another line carries the route already: no acceptance is coming to start the read
                    reconciliation.subscribed();
                }
            }
            EventDispatch.releaseWaiting(r);
        }
        return uncovered;
    }

    @Override
    public boolean mayRestart(Line line) {
        if (predecessor(line) != null && line.isLive()) {
            // A live connection taking a line's place restarts nothing: a restart drops what is in flight on it, and
            // a later state it brings could then reach a route before the old line's earlier one, which would be
            // stale. The change waits for the hand-over (bounded) and then takes this connection's place in turn. (One
            // whose first subscription Upbit refused carries nothing yet: it sends again at once.)
            return false;
        }
        long now = System.nanoTime();
        long wait = 0;
        for (Line other : lines) {
            if (other == line || other.isRetiring()) {
                continue;
            }
            if (other.isRestarting() || other.isJoining()) {
                // it is marked dirty again when the other line is taken, or lost
                return false;
            }
            if (other.isLive()) {
                // Upbit's restart of the other line's streams drops what was in flight around it: that line must be
                // flowing again before this one restarts
                wait = Math.max(wait, other.liveSince() + RESTART_SPACING_NANOS - now);
            } else if (now - line.restartWaitingSince(now) < RESTART_WAIT_BOUND_NANOS) {
                // the other line is down: a restart now would leave the routes with no line; wait a while for it
                wait = Math.max(wait, Math.min(TimeUnit.MILLISECONDS.toNanos(200),
                        line.restartWaitingSince(now) + RESTART_WAIT_BOUND_NANOS - now));
            }
        }
        if (wait > 0) {
            loop.schedule(ScheduledTasks.logged("restart", line::markDirty), wait, TimeUnit.NANOSECONDS);
            return false;
        }
        return true;
    }

    /**
     * How many lines carry this route right now: live, with the route's subscription taken on them (a route that just
     * started is carried by one line until the others have added it); waits at most a second for the event loop.
     */
    public int linesCarrying(Delivery delivery) {
        Future<Integer> count = loop.submit(() -> {
            Registration registration = book.registration(delivery);
            return registration == null ? 0 : (int) lines.stream()
                    .filter(line -> line.isLive() && registration.line(line.slot()).flowing())
                    .map(Line::number).distinct().count();
        });
        return count.awaitUninterruptibly(1, TimeUnit.SECONDS) && count.isSuccess() ? count.getNow() : 0;
    }

    /** How many lines deliver right now: connected, subscribed, not restarting. */
    public int linesLive() {
        return (int) lines.stream().filter(Line::isLive).map(Line::number).distinct().count();
    }

    @Override
    public void gap(Registration registration, long at) {
        Reconciliation reconciliation = registration.delivery.reconciliation();
        if (reconciliation != null) {
            reconciliation.gap(at);
        }
    }

    @Override
    public void lost(Line line) {
        if (!lines.contains(line)) {
            // handed over already
            return;
        }
        returnSuspects();
        if (line.isRetiring()) {
            // the connection taking its place carries the subscription: this one does not come back
            leave(line);
            line.close();
            markOthersDirty(line);
            return;
        }
        // the connection was seen alive at most idleTimeout ago: what Upbit sent since may be lost, unless another
        // line carried it since this one last heard from Upbit (it may have been silent, unnoticed, for a while)
        int uncovered = lineGone(line, System.currentTimeMillis() - settings.idleTimeout().toMillis(), false);
        if (uncovered > 0 && LOG.isDebugEnabled()) {
            LOG.debug("Upbit session {} lost line {}; {} route(s) had no other line since it last heard from Upbit",
                    name, line.number(), uncovered);
        }
        // a line that waited for this one's restart may go now
        markOthersDirty(line);
    }

    @Override
    public void accepted(Line line) {
        for (Registration registration : book.all()) {
            Reconciliation reconciliation = registration.delivery.reconciliation();
            if (reconciliation != null && registration.line(line.slot()).acknowledged) {
                reconciliation.subscribed();
            }
        }
        if (!suspects.isEmpty()) {
            // not now: this may run in the middle of dispatching an event over the book's lists
            loop.execute(this::probeSuspects);
        }
        if (predecessor(line) != null && line.isLive()) {
            long start = System.nanoTime();
            long wait = Math.max(0, line.liveSince() + RESTART_SPACING_NANOS - start);
            loop.schedule(ScheduledTasks.logged("hand-over", () -> handOver(line, start, false)), wait,
                    TimeUnit.NANOSECONDS);
        }
        markOthersDirty(line);
    }

    @Override
    public void failure(RuntimeException failure) {
        book.all().forEach(r -> r.delivery.onError(failure));
    }

    @Override
    public void ignored(String what) {
        framesIgnored.incrementAndGet();
        LOG.debug("Upbit session {} ignored {}", name, what);
    }

    /**
     * An error frame inside the window of a line's send is the answer to it: the routes that send added leave the
     * book, learn why, and the rest is sent again. Outside any window it concerns the whole connection.
     */
    @Override
    public void errorFrame(Line line, UpbitError error) {
        errorFrames.incrementAndGet();
        if ("INVALID_AUTH".equals(error.name())) {
            line.credentialsRefused();
            return;
        }
        UpbitErrorException cause = new UpbitErrorException(error.name(), error.message());
        boolean validation = AckWindow.isValidationError(error.name());
        if (line.withinSendWindow() && !validation) {
            ratePolicy.signal("error frame " + error.name() + " after a send");
        }
        if (!line.awaitsAnswer() || !validation) {
            // not the answer to a spec a send added: every route of the connection hears of it, none is removed
            if (LogThrottle.worthLogging(errorFrames.get())) {
                LOG.warn("Upbit session {} received error {} ({} so far): {}", name, error.name(), errorFrames.get(),
                        error.message());
            }
            book.all().forEach(r -> r.delivery.onError(cause));
            return;
        }
        List<Registration> rejected = line.refused();
        Line replaced = predecessor(line);
        if (replaced != null) {
            // a connection taking a line's place sends every route at once: those Upbit took on the connection it
            // replaces did not cause the error (and probing them in halves here would restart this connection)
            rejected = rejected.stream().filter(r -> !r.line(replaced.slot()).flowing()).toList();
            if (rejected.isEmpty()) {
                book.all().forEach(r -> r.delivery.onError(cause));
                line.markDirty();
                return;
            }
        }
        for (Registration registration : rejected) {
            book.remove(registration.delivery);
            lines.forEach(l -> l.removed(registration));
            registration.delivery.removeReadControl(readPause);
            readPause.pausingChanged(registration.delivery);
        }
        if (rejected.size() == 1) {
            Delivery culprit = rejected.get(0).delivery;
            LOG.warn("Upbit session {} received error {} for the subscription of route {} {}; it is removed: {}",
                    name, error.name(), culprit.spec().type(), culprit.spec().codes(), error.message());
            culprit.rejected(cause);
            culprit.onError(cause);
        } else {
            // one message added several routes: try them again in halves, so that only the one at fault is removed
            LOG.warn("Upbit session {} received error {} for a subscription that added {} routes; subscribing them "
                    + "again in smaller groups to find the one at fault: {}", name, error.name(), rejected.size(),
                    error.message());
            suspects.rejected(rejected);
        }
        if (!probeSuspects()) {
            if (book.isEmpty()) {
                scheduleLingerClose();
            } else {
                lines.forEach(Line::markDirty);
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void markOthersDirty(Line line) {
        for (Line other : lines) {
            if (other != line) {
                other.markDirty();
            }
        }
    }

    private void scheduleLingerClose() {
        cancelLingerClose();
        lingerClose = loop.schedule(ScheduledTasks.logged("linger close", () -> {
            lingerClose = null;
            if (!book.isEmpty()) {
                return;
            }
            lines.forEach(Line::closeUnused);
            idle.run();
        }), settings.connectionLinger().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelLingerClose() {
        if (lingerClose != null) {
            lingerClose.cancel(false);
            lingerClose = null;
        }
    }

    /**
     * Subscribes the next group of suspects once nothing else waits for Upbit's answer.
     *
     * @return whether a group was added (and a send marked)
     */
    private boolean probeSuspects() {
        if (suspects.isEmpty() || closed || lines.stream().anyMatch(Line::awaitsAnswer)) {
            return false;
        }
        for (Delivery delivery : suspects.next()) {
            book.add(delivery, false);
        }
        cancelLingerClose();
        for (Line line : lines) {
            line.snapshotWanted();
            line.markDirty();
        }
        return true;
    }

    /** A connection ended: suspects go back to the book, their subscription is tried again with the rest. */
    private void returnSuspects() {
        suspects.takeAll().forEach(d -> book.add(d, false));
    }
}
