package io.camelupbit.session;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.camelupbit.net.RollingWindowLimiter;
import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.UpbitEvent;
import io.camelupbit.wire.SubscribeRequest;
import io.camelupbit.wire.SubscriptionList;
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
 * It keeps one {@link SubscriptionBook} of what all routes want, sends the full state whenever it changes (batched by
 * the {@link PendingSender} within the {@link RateLimitPolicy}'s ceilings), hands each decoded event to the routes
 * that want it ({@link EventDispatch}), attributes Upbit's error frames to the routes whose change caused them, stops
 * reading while a route's full mailbox asks for it ({@link ReadPause}), restores the subscription on every new
 * connection, tells each reconciling route of its gaps and of Upbit taking its subscription ({@link Reconciliation}),
 * and lets the connection go {@code connectionLinger} after the last route left. The WebSocket itself,
 * with its reconnects, is its {@link UpbitConnection}.
 * <p>
 * All state lives on one Netty event loop, shared with its connection; public methods may be called from any thread
 * and hop onto it.
 */
public final class UpbitSession implements UpbitConnection.Owner, EventDispatch.SendWindow {

    private static final Logger LOG = LoggerFactory.getLogger(UpbitSession.class);

    private final String name;
    private final SessionSettings settings;
    private final EventLoop loop;
    private final RateLimitPolicy ratePolicy;
    private final SubscriptionBook book = new SubscriptionBook();
    private final SnapshotNumbers snapshotNumbers = new SnapshotNumbers();
    private final PendingSender sender;
    private final EventDispatch dispatch;
    private final UpbitConnection connection;
    private final ReadPause readPause;

    private final AtomicLong framesIgnored = new AtomicLong();
    /** Registrations on their way to the event loop: a session they are headed for is not idle. */
    private final AtomicInteger registering = new AtomicInteger();
    private final Runnable idle;
    private final AtomicLong errorFrames = new AtomicLong();
    private final AtomicLong subscribeMessagesSent = new AtomicLong();
    private final AtomicLong subscriptionDrifts = new AtomicLong();
    private final SubscriptionCheck check;

    // event-loop confined
    private boolean closed;
    private SubscribeRequest lastSent;
    /** The streams whose snapshot the last send asked for (undone when Upbit refuses the send). */
    private Set<String> lastSendStreams = Set.of();
    /** A route joined that wants its snapshot: send even when the request did not change. */
    private boolean snapshotWanted;
    private final AckWindow ackWindow;
    /** Routes rejected together with others, tried again group by group so that only the one at fault is removed. */
    private final Suspects suspects = new Suspects();
    private ScheduledFuture<?> lingerClose;
    /** Upbit took the subscription on this connection (SUBSCRIBED was published). */
    private boolean epochSubscribed;

    /**
     * @param connectionId the id of the session's connection among its channel's ({@code 1} unless a market's second
     *                     orderbook level put this session on a further connection)
     * @param lifecycle receives every connection event (called on the event loop: hand off, do not block)
     * @param idle      runs on the event loop when the connection closed {@code connectionLinger} after the last
     *                  route left; the owner may then {@link #retireIfIdle() retire} the session
     */
    public UpbitSession(String name, String connectionId, SessionSettings settings, EventLoop loop,
            RateLimitPolicy ratePolicy,
            ConnectThrottle connectThrottle, Consumer<ConnectionEvent> lifecycle, Runnable idle) {
        this.name = name;
        this.idle = idle;
        this.settings = settings;
        this.loop = loop;
        this.ratePolicy = ratePolicy;
        RollingWindowLimiter messages = new RollingWindowLimiter(ratePolicy::perSecond, ratePolicy::perMinute);
        this.sender = new PendingSender(loop, settings.sendLinger().toNanos(), messages, this::sendIfChanged,
                System::nanoTime);
        this.check = new SubscriptionCheck(loop, settings.subscriptionCheck().toNanos(), messages, System::nanoTime,
                this::askSubscription);
        this.dispatch = new EventDispatch(name, book, snapshotNumbers, this);
        this.connection = new UpbitConnection(name, connectionId, settings, loop, ratePolicy, connectThrottle, lifecycle,
                this);
        this.readPause = new ReadPause(name, loop, book::contains, connection);
        this.ackWindow = new AckWindow(loop, this::accepted);
    }

    /** A short name for logs and tooling, e.g. {@code public@api.upbit.com}; never shows a key. */
    public String name() {
        return name;
    }

    /**
     * Adds a route; its spec goes out with the next batched subscribe message.
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
            snapshotWanted |= registration.wantsSnapshot();
            cancelLingerClose();
            if (connection.open()) {
                sender.markDirty();
            }
        });
    }

    /**
     * Removes a route; the reduced state is sent, or the connection closes after the linger when none is left.
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
            ackWindow.remove(registration);
            Reconciliation reconciliation = delivery.reconciliation();
            if (reconciliation != null) {
                reconciliation.left();
            }
            readPause.pausingChanged(delivery);
            if (!book.isEmpty()) {
                sender.markDirty();
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
        sender.cancel();
        cancelLingerClose();
        ackWindow.clear();
        connection.close();
        LOG.info("Upbit session {} retired: no route for connectionLinger", name);
        return true;
    }

    /** Closes the connection for good (component stop); waits until it is closed. */
    public void close() {
        Future<?> done = loop.submit(() -> {
            closed = true;
            sender.cancel();
            check.stop();
            cancelLingerClose();
            ackWindow.clear();
            connection.close();
        });
        done.awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /**
     * The session's counters read together on its event loop, where they change, so they are consistent with each
     * other; waits at most a second for the loop.
     */
    public SessionStats stats() {
        Future<SessionStats> snapshot = loop.submit(() -> new SessionStats(connection.framesReceived(),
                dispatch.eventsDecoded(), dispatch.eventsUnrouted(), dispatch.subscriberVisits(),
                connection.decodeErrors(), connection.fieldErrors(), errorFrames.get(), subscribeMessagesSent.get(),
                connection.connects(), book.size(), readPause.isPaused(), pausingRoutes(), readPause.pauses(),
                marketsTracked()));
        if (!snapshot.awaitUninterruptibly(1, TimeUnit.SECONDS) || !snapshot.isSuccess()) {
            throw new IllegalStateException("Upbit session " + name + " did not answer within a second");
        }
        return snapshot.getNow();
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

    /** What the connection went through: state, failures, reconnects. */
    public ConnectionTracker tracker() {
        return connection.tracker();
    }

    /** The session's connection. */
    public UpbitConnection connection() {
        return connection;
    }

    /** The channel this session serves: {@code public} or {@code private}. */
    public String channel() {
        return settings.channel();
    }

    /** The data types and codes asked of Upbit now, as sent (no key, no token). */
    public List<TypeRequest> subscription() {
        Future<List<TypeRequest>> request = loop.submit(book::request);
        return request.awaitUninterruptibly(1, TimeUnit.SECONDS) && request.isSuccess() ? request.getNow() : List.of();
    }

    /** Whether the WebSocket is open and its handshake done. */
    public boolean isConnected() {
        return connection.isConnected();
    }

    /** Whether a route's full mailbox has the connection paused right now. */
    public boolean isReadingPaused() {
        return connection.isReadingPaused();
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
        return connection.framesReceived();
    }

    public long bytesReceived() {
        return connection.bytesReceived();
    }

    /** Data items decoded into events. */
    public long eventsDecoded() {
        return dispatch.eventsDecoded();
    }

    /** Decoded events no route wanted (e.g. still in flight from a subscription just replaced). */
    public long eventsUnrouted() {
        return dispatch.eventsUnrouted();
    }

    /** Routes visited by the dispatch: with an index, only those that named the event's (type, code). */
    public long subscriberVisits() {
        return dispatch.subscriberVisits();
    }

    public long framesIgnored() {
        return framesIgnored.get();
    }

    /** Frames that could not be read and items that could not be delivered (a key malformed). */
    public long decodeErrors() {
        return connection.decodeErrors();
    }

    /** Malformed fields read as {@code null} in events that were delivered. */
    public long fieldErrors() {
        return connection.fieldErrors();
    }

    public long errorFrames() {
        return errorFrames.get();
    }

    public long subscribeMessagesSent() {
        return subscribeMessagesSent.get();
    }

    public long connects() {
        return connection.connects();
    }

    // ---- what the connection reports (event loop) ----------------------------------------------------------------

    @Override
    public boolean wantsConnection() {
        return !book.isEmpty();
    }

    @Override
    public void onOpen() {
        lastSent = null;
        sender.newConnection();
        epochSubscribed = false;
        // a new connection is a new epoch: every route gets a fresh snapshot
        book.all().forEach(r -> r.codesSeen.clear());
        snapshotNumbers.clear();
        snapshotWanted = false;
        sender.markDirty();
    }

    @Override
    public void onLost() {
        lastSent = null;
        sender.cancel();
        check.stop();
        ackWindow.clear();
        returnSuspects();
        // the connection was seen alive at most idleTimeout ago: what Upbit sent since may be lost
        long aliveAt = System.currentTimeMillis() - settings.idleTimeout().toMillis();
        for (Registration r : book.all()) {
            r.connectionLost();
            gap(r, aliveAt);
        }
    }

    @Override
    public void onFailure(RuntimeException failure) {
        book.all().forEach(r -> r.delivery.onError(failure));
    }

    @Override
    public void onFrame(long receivedAt) {
        dispatch.onFrame(receivedAt);
    }

    @Override
    public boolean wantsItemBytes() {
        return book.jsonRoutes() > 0;
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
        LOG.trace("Upbit session {} status {}", name, status);
    }

    @Override
    public void onError(UpbitError error) {
        onErrorFrame(error);
    }

    /**
     * Upbit's answer to a subscription check: when it holds something else than the last send (a stream lost or
     * changed on its side), the full state is sent again; the routes whose streams that restarts get the resync mark.
     */
    @Override
    public void onSubscriptionList(SubscriptionList list) {
        LOG.debug("Upbit session {} is subscribed to {}", name, list.subscriptions());
        if (!check.answers(list.ticket()) || lastSent == null || ackWindow.isOpen()) {
            // an answer to nothing we asked, or asked before a send that is still unanswered
            return;
        }
        List<String> differences = SubscriptionCheck.differences(lastSent.types(), list.subscriptions());
        if (differences.isEmpty()) {
            return;
        }
        long drifts = subscriptionDrifts.incrementAndGet();
        LOG.warn("Upbit session {} found its subscription changed on Upbit's side ({} so far): {}; sent {}, "
                + "Upbit holds {}; sending it again", name, drifts, differences, lastSent.types(), list.subscriptions());
        lastSent = null;
        sender.markDirty();
    }

    /** Subscription checks that found Upbit holding something else than was sent (each repaired by a re-send). */
    public long subscriptionDrifts() {
        return subscriptionDrifts.get();
    }

    /** Asks Upbit which subscription it holds, unless there is no connection or a send waits for its answer. */
    private boolean askSubscription(String ticket) {
        if (!connection.isOpen() || lastSent == null || ackWindow.isOpen()) {
            return false;
        }
        return connection.send(SubscribeRequest.listSubscriptions(ticket, settings.format()));
    }

    @Override
    public void onIgnored(String what) {
        framesIgnored.incrementAndGet();
        LOG.debug("Upbit session {} ignored {}", name, what);
    }

    @Override
    public void dataFor(List<Registration> named, List<Registration> everyCode) {
        if (!epochSubscribed && lastSent != null || ackWindow.answeredBy(named) || ackWindow.answeredBy(everyCode)) {
            // data for a route the last send added: Upbit took the subscription
            ackWindow.accept();
        }
    }

    // ---- sending and its answer --------------------------------------------------------------------------------

    private void scheduleLingerClose() {
        cancelLingerClose();
        lingerClose = loop.schedule(() -> {
            lingerClose = null;
            if (!book.isEmpty()) {
                return;
            }
            connection.closeUnused();
            idle.run();
        }, settings.connectionLinger().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelLingerClose() {
        if (lingerClose != null) {
            lingerClose.cancel(false);
            lingerClose = null;
        }
    }

    /** Sends the book's current full state unless the server has it already and no new route waits for a snapshot. */
    private boolean sendIfChanged() {
        if (!connection.isOpen() || book.isEmpty()) {
            return false;
        }
        SubscribeRequest request = new SubscribeRequest(UUID.randomUUID().toString(), book.request(), settings.format());
        if (request.sameStateAs(lastSent) && !snapshotWanted) {
            return false;
        }
        String json = request.toJson();
        LOG.debug("Upbit session {} subscribing: {}", name, json);
        Set<String> snapshotStreams = SnapshotNumbers.streamsAsked(request.types());
        snapshotNumbers.asked(snapshotStreams);
        lastSendStreams = snapshotStreams;
        for (Registration r : book.all()) {
            if (r.sent) {
                // Upbit replaces the whole subscription and restarts every stream: what was in flight may be lost
                r.restartedBySend(snapshotStreams);
                gap(r, System.currentTimeMillis());
            } else {
                r.joined(snapshotNumbers, snapshotStreams);
            }
        }
        connection.send(json);
        lastSent = request;
        snapshotWanted = false;
        subscribeMessagesSent.incrementAndGet();
        ackWindow.opened(book.all());
        return true;
    }

    /** Upbit took the last send. */
    private void accepted() {
        for (Registration registration : book.all()) {
            registration.restartAcknowledged();
            Reconciliation reconciliation = registration.delivery.reconciliation();
            if (reconciliation != null && registration.acknowledged) {
                reconciliation.subscribed();
            }
        }
        if (!suspects.isEmpty()) {
            // not now: this may run in the middle of dispatching an event over the book's lists
            loop.execute(this::probeSuspects);
        }
        check.subscribed();
        if (!epochSubscribed && connection.isOpen()) {
            epochSubscribed = true;
            LOG.info("Upbit session {} subscribed: {} route(s)", name, book.size());
            connection.tracker().subscribed();
        }
    }

    /**
     * An error frame inside the window of a send is the answer to it: the routes that send added leave the book, learn
     * why, and the rest is sent again. Outside any window it concerns the whole connection.
     */
    private void onErrorFrame(UpbitError error) {
        errorFrames.incrementAndGet();
        if ("INVALID_AUTH".equals(error.name())) {
            connection.credentialsRefused();
            return;
        }
        UpbitErrorException cause = new UpbitErrorException(error);
        boolean validation = AckWindow.isValidationError(error.name());
        if (ackWindow.withinWindow() && !validation) {
            ratePolicy.signal("error frame " + error.name() + " after a send");
        }
        if (!ackWindow.isOpen() || !validation) {
            // not the answer to a spec a send added: every route of the connection hears of it, none is removed
            if (LogThrottle.worthLogging(errorFrames.get())) {
                LOG.warn("Upbit session {} received error {} ({} so far): {}", name, error.name(), errorFrames.get(),
                        error.message());
            }
            book.all().forEach(r -> r.delivery.onError(cause));
            return;
        }
        List<Registration> rejected = ackWindow.reject();
        // Upbit keeps the previous subscription: no snapshot answers the refused send
        snapshotNumbers.refused(lastSendStreams);
        lastSendStreams = Set.of();
        for (Registration registration : rejected) {
            book.remove(registration.delivery);
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
                sender.markDirty();
            }
        }
    }

    /**
     * Subscribes the next group of suspects once nothing else waits for Upbit's answer.
     *
     * @return whether a group was added (and a send marked)
     */
    private boolean probeSuspects() {
        if (suspects.isEmpty() || ackWindow.isOpen() || closed) {
            return false;
        }
        for (Delivery delivery : suspects.next()) {
            book.add(delivery, false);
        }
        snapshotWanted = true;
        cancelLingerClose();
        if (connection.isOpen()) {
            sender.markDirty();
        }
        return true;
    }

    /** Events of a reconciling route may be lost from {@code at} on. */
    private static void gap(Registration registration, long at) {
        Reconciliation reconciliation = registration.delivery.reconciliation();
        if (reconciliation != null) {
            reconciliation.gap(at);
        }
    }

    /** The connection ended: suspects go back to the book, their subscription is tried again with the rest. */
    private void returnSuspects() {
        suspects.takeAll().forEach(d -> book.add(d, false));
    }
}
