package io.camelupbit.session;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.UpbitEvent;
import io.camelupbit.net.RollingWindowLimiter;
import io.camelupbit.wire.RecentFrames;
import io.camelupbit.wire.SubscribeRequest;
import io.camelupbit.wire.SubscriptionList;
import io.camelupbit.wire.UpbitError;
import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line of a channel: one {@link UpbitConnection} carrying the channel's whole subscription, with what belongs to
 * that connection — its subscribe messages ({@link PendingSender}) and their message windows, the acknowledgement of
 * each send ({@link AckWindow}), its snapshot numbers, its subscription check and its {@link EventDispatch}. A channel
 * of {@code redundancy=2} has two lines with the same subscription; each event reaches a route once, from whichever
 * line brought it first ({@link LineArbiter}).
 * <p>
 * A send that changes the subscription restarts every stream of the line (Upbit replaces the whole subscription), so a
 * line restarts only while no other line of the channel is restarting ({@link Owner#mayRestart}): the others carry
 * the routes through it. Event-loop confined, on the channel's loop; its WebSocket may read and decode on a loop of its
 * own ({@link LoopRelay}).
 */
final class Line implements UpbitConnection.Owner, EventDispatch.SendWindow {

    private static final Logger LOG = LoggerFactory.getLogger(Line.class);

    /** The channel's side, as a line sees it. Called on the event loop. */
    interface Owner {

        /** Whether a connection is still wanted (some route is registered). */
        boolean wantsConnection();

        /** Whether some route wants the JSON text of the items. */
        boolean wantsItemBytes();

        /**
         * Whether a line other than this one has delivered the route's events without a break since {@code sinceNanos}
         * (System.nanoTime()) and still does.
         */
        boolean coveredElsewhere(Registration registration, Line line, long sinceNanos);

        /**
         * Whether the line may restart its streams now: no other line is in the middle of its own restart, or about to
         * be live (its first subscription sent).
         */
        boolean mayRestart(Line line);

        /**
         * Whether a new connection takes this line's place instead of a restart ({@code resubscribe=overlap}): the
         * new one joins with the new subscription while this one goes on with the old, until it hands over.
         */
        boolean replace(Line line);

        /**
         * What the channel's lines reading on {@code channelLoop} decoded lately; {@code null} when no other line
         * reads there.
         */
        RecentFrames recentFrames(EventLoop channelLoop);

        /** The route may have lost events from {@code at} on (wall clock) and no other line had them. */
        void gap(Registration registration, long at);

        /** Upbit took the line's last send. */
        void accepted(Line line);

        /** The line's connection ended; it reconnects while wanted. */
        void lost(Line line);

        /** Something every route must hear: refused credentials, or reconnecting given up. */
        void failure(RuntimeException failure);

        /** An error frame arrived on the line. */
        void errorFrame(Line line, UpbitError error);

        /** A frame that carried nothing for the routes. */
        void ignored(String what);
    }

    private final String name;
    private final int slot;
    private final int number;
    private final SessionSettings settings;
    private final SubscriptionBook book;
    private final Owner owner;
    private final EventLoop channelLoop;
    private final SnapshotNumbers snapshotNumbers = new SnapshotNumbers();
    private final PendingSender sender;
    private final SubscriptionCheck check;
    private final EventDispatch dispatch;
    private final UpbitConnection connection;
    private final AckWindow ackWindow;
    private final AtomicLong subscribeMessagesSent = new AtomicLong();
    private final AtomicLong subscriptionDrifts = new AtomicLong();

    // event-loop confined
    private SubscribeRequest lastSent;
    /** The streams whose snapshot the last send asked for (undone when Upbit refuses the send). */
    private Set<String> lastSendStreams = Set.of();
    /** A route joined that wants its snapshot: send even when the request did not change. */
    private boolean snapshotWanted;
    /** Upbit took a subscription on this connection (SUBSCRIBED was published). Read by tooling too. */
    private volatile boolean epochSubscribed;
    /**
     * A send replaced the subscription of this connection and Upbit has not taken it yet: its streams restart. Read by
     * tooling too.
     */
    private volatile boolean restarting;
    /** System.nanoTime() since when a restart has waited for another line to come back; 0 when none waits. */
    private long restartWaitingSince;
    /** System.nanoTime() since when the line has been live without a break; {@link Long#MAX_VALUE} while it is not. */
    private long liveSince = Long.MAX_VALUE;
    /** A new connection took this line's place ({@code resubscribe=overlap}). */
    private boolean retiring;
    /** System.nanoTime() when Upbit last held what was sent: taken, or a check's answer agreed. */
    private long agreedSince;

    /**
     * @param slot         the line's index in its channel (0 for the first); routes keep their progress per slot
     * @param connectionId the connection's id in lifecycle events and tooling
     * @param line         the line's number in its channel, from 1, for lifecycle events and tooling
     * @param channelLoop  where the line's WebSocket reads and decodes: the channel's loop or one of its own
     */
    Line(String name, int slot, String connectionId, int line, SessionSettings settings, EventLoop loop,
            EventLoop channelLoop, RateLimitPolicy ratePolicy, ConnectThrottle connectThrottle, Consumer<ConnectionEvent> lifecycle,
            SubscriptionBook book, Owner owner) {
        this.name = name;
        this.slot = slot;
        this.number = line;
        this.settings = settings;
        this.book = book;
        this.owner = owner;
        this.channelLoop = channelLoop;
        RollingWindowLimiter messages = new RollingWindowLimiter(ratePolicy::perSecond, ratePolicy::perMinute);
        this.sender = new PendingSender(loop, settings.sendLinger().toNanos(), messages, this::sendIfChanged,
                System::nanoTime);
        this.check = new SubscriptionCheck(loop, settings.subscriptionCheck().toNanos(), messages, System::nanoTime,
                this::askSubscription);
        this.dispatch = new EventDispatch(name, slot, book, snapshotNumbers, this);
        this.connection = new UpbitConnection(name, connectionId, line, settings, loop, channelLoop, ratePolicy,
                connectThrottle, lifecycle, this);
        this.ackWindow = new AckWindow(loop, slot, this::onAccepted);
    }

    /** The line's index in its channel. */
    int slot() {
        return slot;
    }

    /** The line's number in its channel, from 1; a connection that takes a line's place keeps its number. */
    int number() {
        return number;
    }

    /** Where the line's WebSocket reads and decodes. */
    EventLoop channelLoop() {
        return channelLoop;
    }

    /** Whether a new connection took this line's place: it sends nothing more and goes at the hand-over. */
    boolean isRetiring() {
        return retiring;
    }

    /** A new connection takes this line's place: no more sends from this one. */
    void retire() {
        retiring = true;
        sender.cancel();
    }

    UpbitConnection connection() {
        return connection;
    }

    EventDispatch dispatch() {
        return dispatch;
    }

    /**
     * Whether the line delivers what Upbit sends for its subscription right now: connected, subscribed, and not in
     * the middle of a restart.
     */
    boolean isLive() {
        return connection.isOpen() && epochSubscribed && !restarting;
    }

    /** System.nanoTime() since when the line has been live without a break; {@link Long#MAX_VALUE} while it is not. */
    long liveSince() {
        return liveSince;
    }

    /**
     * System.nanoTime() when the line last read anything (data, a status, a pong): a line that went silent unnoticed delivered nothing after
     * it, so only a line live since then covered for it.
     */
    long lastHeard() {
        return connection.lastRead();
    }

    /** Asks Upbit for a sign of life: its pong moves {@link #lastHeard()} on. */
    void ping() {
        connection.ping();
    }

    /** Whether the line's first subscription on its connection waits for Upbit to take it: it is about to be live. */
    boolean isJoining() {
        return connection.isOpen() && lastSent != null && !epochSubscribed;
    }

    /**
     * Since when (System.nanoTime()) this line's restart has waited for another line to be back; starts the wait on
     * the first call.
     */
    long restartWaitingSince(long nowNanos) {
        if (restartWaitingSince == 0) {
            restartWaitingSince = nowNanos;
        }
        return restartWaitingSince;
    }

    /** Whether a send that replaced the line's subscription waits for Upbit to take it. */
    boolean isRestarting() {
        return restarting;
    }

    /** Whether routes a send added wait for Upbit's answer on this line. */
    boolean awaitsAnswer() {
        return ackWindow.isOpen();
    }

    /** Whether the line's last send was less than the acknowledgement window ago. */
    boolean withinSendWindow() {
        return ackWindow.withinWindow();
    }

    /** Connects if needed; the subscription goes out once the connection is open. */
    void open() {
        if (connection.open()) {
            sender.markDirty();
        }
    }

    /** The book changed, or a send may go now: one batched send is scheduled if the connection is open. */
    void markDirty() {
        if (connection.isOpen()) {
            sender.markDirty();
        }
    }

    /** A route joined that wants its snapshot: this line's next send goes out even with an unchanged request. */
    void snapshotWanted() {
        snapshotWanted = true;
    }

    /** The route left: it waits for no answer here. */
    void removed(Registration registration) {
        ackWindow.remove(registration);
    }

    /** Closes the connection because no route is left (it reopens when one comes). */
    void closeUnused() {
        connection.closeUnused();
    }

    /** Closes for good. */
    void close() {
        sender.cancel();
        check.stop();
        ackWindow.clear();
        connection.close();
    }

    /** Stops reading (a full mailbox). */
    void hold() {
        connection.hold();
    }

    /** Reads again. */
    void release() {
        connection.release();
    }

    /** Upbit refused the credentials in-band. */
    void credentialsRefused() {
        connection.credentialsRefused();
    }

    /**
     * An error frame answered the line's last send: the routes it added, which no longer wait; Upbit keeps the previous
     * subscription, so no snapshot answers the send.
     */
    List<Registration> refused() {
        snapshotNumbers.refused(lastSendStreams);
        lastSendStreams = Set.of();
        return ackWindow.reject();
    }

    long subscribeMessagesSent() {
        return subscribeMessagesSent.get();
    }

    /** Subscription checks that found Upbit holding something else than was sent (each repaired by a re-send). */
    long subscriptionDrifts() {
        return subscriptionDrifts.get();
    }

    // ---- what the connection reports (event loop) ----------------------------------------------------------------

    @Override
    public boolean wantsConnection() {
        return !retiring && owner.wantsConnection();
    }

    @Override
    public void onOpen() {
        lastSent = null;
        sender.newConnection();
        epochSubscribed = false;
        restarting = false;
        liveSince = Long.MAX_VALUE;
        // a new connection is a new epoch: snapshots are counted afresh
        snapshotNumbers.clear();
        snapshotWanted = false;
        sender.markDirty();
    }

    @Override
    public void onLost() {
        lastSent = null;
        epochSubscribed = false;
        restarting = false;
        liveSince = Long.MAX_VALUE;
        sender.cancel();
        check.stop();
        ackWindow.clear();
        owner.lost(this);
    }

    @Override
    public void onFailure(RuntimeException failure) {
        owner.failure(failure);
    }

    @Override
    public void onFrame(long receivedAt) {
        dispatch.onFrame(receivedAt);
    }

    @Override
    public boolean wantsItemBytes() {
        return owner.wantsItemBytes();
    }

    @Override
    public RecentFrames recentFrames() {
        return owner.recentFrames(channelLoop);
    }

    @Override
    public void onEvent(UpbitEvent event, byte[] frame, int offset, int length) {
        dispatch.onEvent(event, frame, offset, length);
    }

    @Override
    public void onReadComplete() {
        dispatch.onReadComplete();
    }

    @Override
    public void onStatus(String status) {
        LOG.trace("Upbit session {} line {} status {}", name, number, status);
    }

    @Override
    public void onError(UpbitError error) {
        owner.errorFrame(this, error);
    }

    /**
     * Upbit's answer to a subscription check: when it holds something else than the last send (a stream lost or
     * changed on its side), the full state is sent again; the routes whose streams that restarts get the resync mark.
     */
    @Override
    public void onSubscriptionList(SubscriptionList list) {
        LOG.debug("Upbit session {} line {} is subscribed to {}", name, number, list.subscriptions());
        if (!check.answers(list.ticket()) || lastSent == null || ackWindow.isOpen()) {
            // an answer to nothing we asked, or asked before a send that is still unanswered
            return;
        }
        List<String> differences = SubscriptionCheck.differences(lastSent.types(), list.subscriptions());
        long now = System.nanoTime();
        if (differences.isEmpty()) {
            agreedSince = now;
            return;
        }
        long drifts = subscriptionDrifts.incrementAndGet();
        LOG.warn("Upbit session {} line {} found its subscription changed on Upbit's side ({} so far): {}; sent {}, "
                + "Upbit holds {}; sending it again", name, number, drifts, differences, lastSent.types(),
                list.subscriptions());
        // Upbit dropped the streams at some moment since it last held them all: a route of a lost stream has a gap
        // from then, unless another line carried it all along (a new connection taking this one's place restarts
        // nothing, so no restart would mark it)
        long gapAt = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(now - agreedSince);
        Set<String> lost = SubscriptionCheck.lost(lastSent.types(), list.subscriptions());
        for (Registration r : book.all()) {
            if (r.line(slot).flowing() && SubscriptionCheck.lostAny(SubscriptionBook.requestOf(r), lost)
                    && !owner.coveredElsewhere(r, this, agreedSince)) {
                r.gap();
                owner.gap(r, gapAt);
            }
        }
        lastSent = null;
        sender.markDirty();
    }

    @Override
    public void onIgnored(String what) {
        owner.ignored(what);
    }

    @Override
    public void dataFor(List<Registration> named, List<Registration> everyCode) {
        if (!epochSubscribed && lastSent != null || ackWindow.answeredBy(named) || ackWindow.answeredBy(everyCode)) {
            // data for a route the last send added: Upbit took the subscription
            ackWindow.accept();
        }
    }

    // ---- sending and its answer --------------------------------------------------------------------------------

    /** Asks Upbit which subscription it holds, unless there is no connection or a send waits for its answer. */
    private boolean askSubscription(String ticket) {
        if (!connection.isOpen() || lastSent == null || ackWindow.isOpen()) {
            return false;
        }
        return connection.send(SubscribeRequest.listSubscriptions(ticket, settings.format()));
    }

    /**
     * Sends the book's current full state unless the server has it already and no new route waits for a snapshot, or
     * unless it would restart this line's streams while another line restarts its own (this line is marked dirty again
     * when that one is taken).
     */
    private boolean sendIfChanged() {
        if (!connection.isOpen() || book.isEmpty() || retiring) {
            return false;
        }
        SubscribeRequest request = new SubscribeRequest(UUID.randomUUID().toString(), book.request(), settings.format());
        if (request.sameStateAs(lastSent) && !snapshotWanted) {
            joinWithoutSend();
            return false;
        }
        boolean restart = false;
        for (Registration r : book.all()) {
            restart |= r.line(slot).sent;
        }
        if (restart && (owner.replace(this) || !owner.mayRestart(this))) {
            return false;
        }
        restartWaitingSince = 0;
        String json = request.toJson();
        LOG.debug("Upbit session {} line {} subscribing: {}", name, number, json);
        Set<String> snapshotStreams = SnapshotNumbers.streamsAsked(request.types());
        snapshotNumbers.asked(snapshotStreams);
        lastSendStreams = snapshotStreams;
        long now = System.currentTimeMillis();
        long nowNanos = System.nanoTime();
        int uncovered = 0;
        for (Registration r : book.all()) {
            LineProgress progress = r.line(slot);
            progress.streamsRestarted();
            if (!progress.sent) {
                r.joined(progress, snapshotNumbers, snapshotStreams);
            } else if (owner.coveredElsewhere(r, this, nowNanos)) {
                r.restartedCovered(progress, snapshotNumbers, snapshotStreams);
            } else {
                // Upbit replaces the whole subscription and restarts every stream: what was in flight may be lost
                r.restartedBySend(progress, snapshotStreams);
                owner.gap(r, now);
                uncovered++;
            }
        }
        if (uncovered > 0 && LOG.isDebugEnabled()) {
            LOG.debug("Upbit session {} line {} restarts the streams of {} route(s) no other line carries", name,
                    number, uncovered);
        }
        connection.send(json);
        lastSent = request;
        snapshotWanted = false;
        if (restart) {
            restarting = true;
            liveSince = Long.MAX_VALUE;
        }
        subscribeMessagesSent.incrementAndGet();
        ackWindow.opened(book.all());
        return true;
    }

    /**
     * Routes that want no snapshot and only what the subscription holds already join without a send: taken with the
     * last send's answer, or at once when Upbit took it already.
     */
    private void joinWithoutSend() {
        for (Registration r : book.all()) {
            LineProgress progress = r.line(slot);
            if (!progress.sent) {
                r.joined(progress, snapshotNumbers, Set.of());
                ackWindow.join(r);
            }
        }
    }

    /** Upbit took the last send. */
    private void onAccepted() {
        boolean wasLive = isLive();
        restarting = false;
        for (Registration registration : book.all()) {
            registration.restartAcknowledged(registration.line(slot));
        }
        check.subscribed();
        agreedSince = System.nanoTime();
        if (!epochSubscribed && connection.isOpen()) {
            epochSubscribed = true;
            LOG.info("Upbit session {} line {} subscribed: {} route(s)", name, number, book.size());
            connection.tracker().subscribed();
        }
        if (!wasLive && isLive()) {
            liveSince = System.nanoTime();
        }
        owner.accepted(this);
    }
}
