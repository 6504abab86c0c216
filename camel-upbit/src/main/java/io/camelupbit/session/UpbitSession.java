package io.camelupbit.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.wire.TypeRequest;
import io.camelupbit.wire.UpbitError;
import io.camelupbit.wire.UpbitErrorException;
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
    /** The most keys a route's arbitration keeps per market within the span (see docs/architecture.md, "Lines"). */
    static final int ARBITRATION_KEYS_PER_MARKET = 4096;

    private final String name;
    private final SessionSettings settings;
    private final EventLoop loop;
    private final RateLimitPolicy ratePolicy;
    private final SubscriptionBook book;
    private final List<Line> lines;
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
     * @param lifecycle    receives every connection event (called on the event loop: hand off, do not block)
     * @param idle         runs on the event loop when the connections closed {@code connectionLinger} after the last
     *                     route left; the owner may then {@link #retireIfIdle() retire} the session
     */
    public UpbitSession(String name, String connectionId, int redundancy, SessionSettings settings, EventLoop loop,
            RateLimitPolicy ratePolicy, ConnectThrottle connectThrottle, Consumer<ConnectionEvent> lifecycle,
            Runnable idle) {
        if (redundancy < 1 || redundancy > 3) {
            throw new IllegalArgumentException("redundancy must be 1, 2 or 3, got " + redundancy);
        }
        this.name = name;
        this.idle = idle;
        this.settings = settings;
        this.loop = loop;
        this.ratePolicy = ratePolicy;
        this.book = new SubscriptionBook(redundancy == 1 ? () -> null
                : () -> new LineArbiter(ARBITRATION_SPAN_NANOS, ARBITRATION_KEYS_PER_MARKET));
        List<Line> made = new ArrayList<>(redundancy);
        for (int slot = 0; slot < redundancy; slot++) {
            made.add(new Line(name, slot, connectionId, slot + 1, settings, loop, ratePolicy, connectThrottle,
                    lifecycle, book, this));
        }
        this.lines = Collections.unmodifiableList(made);
        this.readPause = new ReadPause(name, loop, book::contains, () -> lines.forEach(Line::hold),
                () -> lines.forEach(Line::release));
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
        registering.incrementAndGet();
        loop.execute(() -> {
            registering.decrementAndGet();
            if (closed) {
                return;
            }
            Registration registration = book.add(delivery, afterGap);
            if (registration == null) {
                return;
            }
            delivery.readControl(readPause);
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
        Future<SessionStats> snapshot = loop.submit(() -> new SessionStats(sum(l -> l.connection().framesReceived()),
                sum(l -> l.dispatch().eventsDecoded()), sum(l -> l.dispatch().eventsUnrouted()),
                sum(l -> l.dispatch().subscriberVisits()), sum(l -> l.connection().decodeErrors()),
                sum(l -> l.connection().fieldErrors()), errorFrames.get(), sum(Line::subscribeMessagesSent),
                sum(l -> l.connection().connects()), book.size(), readPause.isPaused(), pausingRoutes(),
                readPause.pauses(), marketsTracked()));
        if (!snapshot.awaitUninterruptibly(1, TimeUnit.SECONDS) || !snapshot.isSuccess()) {
            throw new IllegalStateException("Upbit session " + name + " did not answer within a second");
        }
        return snapshot.getNow();
    }

    private long sum(ToLongFunction<Line> counter) {
        long total = 0;
        for (Line line : lines) {
            total += counter.applyAsLong(line);
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
        return lines.get(0).connection().tracker();
    }

    /** What each line's connection went through, in line order. */
    public List<ConnectionTracker> trackers() {
        return lines.stream().map(line -> line.connection().tracker()).toList();
    }

    /** The first line's connection. */
    public UpbitConnection connection() {
        return lines.get(0).connection();
    }

    /** The connections of the session's lines, in line order. */
    public List<UpbitConnection> connections() {
        return lines.stream().map(Line::connection).toList();
    }

    /** How many lines carry the session's subscription. */
    public int redundancy() {
        return lines.size();
    }

    /** How many lines have their WebSocket open and its handshake done. */
    public int linesConnected() {
        return (int) lines.stream().filter(line -> line.connection().isConnected()).count();
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
        return sum(l -> l.connection().framesReceived());
    }

    public long bytesReceived() {
        return sum(l -> l.connection().bytesReceived());
    }

    /** Data items decoded into events, on every line. */
    public long eventsDecoded() {
        return sum(l -> l.dispatch().eventsDecoded());
    }

    /** Decoded events no route wanted (e.g. still in flight from a subscription just replaced). */
    public long eventsUnrouted() {
        return sum(l -> l.dispatch().eventsUnrouted());
    }

    /** Routes visited by the dispatch: with an index, only those that named the event's (type, code). */
    public long subscriberVisits() {
        return sum(l -> l.dispatch().subscriberVisits());
    }

    public long framesIgnored() {
        return framesIgnored.get();
    }

    /** Frames that could not be read and items that could not be delivered (a key malformed). */
    public long decodeErrors() {
        return sum(l -> l.connection().decodeErrors());
    }

    /** Malformed fields read as {@code null} in events that were delivered. */
    public long fieldErrors() {
        return sum(l -> l.connection().fieldErrors());
    }

    public long errorFrames() {
        return errorFrames.get();
    }

    public long subscribeMessagesSent() {
        return sum(Line::subscribeMessagesSent);
    }

    public long connects() {
        return sum(l -> l.connection().connects());
    }

    /** Subscription checks that found Upbit holding something else than was sent (each repaired by a re-send). */
    public long subscriptionDrifts() {
        return sum(Line::subscriptionDrifts);
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
    public boolean mayRestart(Line line) {
        long wait = 0;
        for (Line other : lines) {
            if (other == line || !other.connection().isOpen()) {
                continue;
            }
            if (other.isRestarting() || other.isJoining()) {
                // it is marked dirty again when the other line is taken, or lost
                return false;
            }
            if (other.isLive()) {
                // Upbit's restart of the other line's streams drops what was in flight around it: that line must be
                // flowing again before this one restarts
                wait = Math.max(wait, other.liveSince() + RESTART_SPACING_NANOS - System.nanoTime());
            }
        }
        if (wait > 0) {
            loop.schedule(line::markDirty, wait, TimeUnit.NANOSECONDS);
            return false;
        }
        return true;
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
        returnSuspects();
        // the connection was seen alive at most idleTimeout ago: what Upbit sent since may be lost, unless another
        // line carried it since this one last heard from Upbit (it may have been silent, unnoticed, for a while)
        long aliveAt = System.currentTimeMillis() - settings.idleTimeout().toMillis();
        int uncovered = 0;
        for (Registration r : book.all()) {
            boolean covered = coveredElsewhere(r, line, line.lastHeard());
            r.line(line.slot()).reset();
            if (!covered) {
                r.gap();
                gap(r, aliveAt);
                uncovered++;
            }
            // trades that waited on another line for this one to bring what came before them go now
            EventDispatch.releaseWaiting(r);
        }
        if (uncovered > 0 && LOG.isDebugEnabled()) {
            LOG.debug("Upbit session {} lost line {}; {} route(s) had no other line since it last heard from Upbit",
                    name, line.slot() + 1, uncovered);
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
        UpbitErrorException cause = new UpbitErrorException(error);
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
        for (Registration registration : rejected) {
            book.remove(registration.delivery);
            lines.forEach(l -> l.removed(registration));
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
        lingerClose = loop.schedule(() -> {
            lingerClose = null;
            if (!book.isEmpty()) {
                return;
            }
            lines.forEach(Line::closeUnused);
            idle.run();
        }, settings.connectionLinger().toMillis(), TimeUnit.MILLISECONDS);
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
