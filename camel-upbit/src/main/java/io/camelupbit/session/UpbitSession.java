package io.camelupbit.session;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;
import io.camelupbit.wire.FrameDecodingException;
import io.camelupbit.wire.SubscribeRequest;
import io.camelupbit.wire.SubscriptionList;
import io.camelupbit.wire.TypeRequest;
import io.camelupbit.wire.UpbitAuthenticationException;
import io.camelupbit.wire.UpbitConnectionException;
import io.camelupbit.wire.UpbitError;
import io.camelupbit.wire.UpbitErrorException;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection to Upbit shared by every route of a channel.
 * <p>
 * It opens the connection with the first route, keeps one {@link SubscriptionBook} of what all of them want, sends
 * the full state whenever it changes (batched by the {@link PendingSender} within the {@link RateLimitPolicy}'s
 * ceilings), routes each decoded event to the routes that want it, attributes Upbit's error frames to the routes whose
 * change caused them, pauses reading while a route's full mailbox asks for it, reconnects and restores the
 * subscription when the connection is lost, and closes the connection {@code connectionLinger} after the last route
 * left.
 * <p>
 * All state lives on one Netty event loop; public methods may be called from any thread and hop onto it.
 */
public final class UpbitSession {

    private static final Logger LOG = LoggerFactory.getLogger(UpbitSession.class);

    /** Upbit sends no acknowledgement: a send counts as accepted when no error came within this window. */
    static final long ACK_WINDOW_MILLIS = 1000;

    private final String name;
    private final SessionSettings settings;
    private final EventLoop loop;
    private final RateLimitPolicy ratePolicy;
    private final ConnectThrottle connectThrottle;
    private final WebSocketConnector connector;
    private final SubscriptionBook book = new SubscriptionBook();
    private final SnapshotNumbers snapshotNumbers = new SnapshotNumbers();
    private final PendingSender sender;
    private final Dispatch dispatch = new Dispatch();
    private final Delivery.ReadControl readControl = this::pausingChanged;
    private final ConnectionTracker tracker;

    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong eventsDecoded = new AtomicLong();
    private final AtomicLong eventsUnrouted = new AtomicLong();
    private final AtomicLong subscriberVisits = new AtomicLong();
    private final AtomicLong framesIgnored = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    private final AtomicLong errorFrames = new AtomicLong();
    private final AtomicLong subscribeMessagesSent = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong pausedNanos = new AtomicLong();

    /** Written on the event loop; read anywhere (health, JMX). */
    private volatile Channel channel;
    /** System.nanoTime() when reading was paused, 0 while reading; written on the event loop, read anywhere. */
    private volatile long pausedSince;

    // event-loop confined
    private boolean connecting;
    /** The channel of a connection still on its way, so closing the session can abandon it. */
    private Channel pending;
    private boolean closed;
    private SubscribeRequest lastSent;
    /** The streams whose snapshot the last send asked for (undone when Upbit refuses the send). */
    private Set<String> lastSendStreams = Set.of();
    /** A route joined that wants its snapshot: send even when the request did not change. */
    private boolean snapshotWanted;
    /** Routes whose spec the last send added, until Upbit accepts it or an error frame rejects it. */
    private final List<Registration> unacknowledged = new ArrayList<>();
    /**
     * Routes an error frame rejected together with others, waiting to be subscribed again group by group (halved on
     * each rejection) so that only the route at fault is removed.
     */
    private final Deque<List<Delivery>> suspects = new ArrayDeque<>();
    private ScheduledFuture<?> ackTimer;
    private long lastSendNanos;
    /** Registered deliveries whose full mailbox asks to stop reading, as of their last notification. */
    private final Set<Delivery> pausing = new LinkedHashSet<>();
    /** Whether this session has stopped reading (the channel's autoRead off and its frames held). */
    private boolean readingPaused;
    private long pauses;
    private ScheduledFuture<?> lingerClose;
    private ScheduledFuture<?> reconnect;
    private long frameReceivedAt;
    /** Upbit took the subscription on this connection (SUBSCRIBED was published). */
    private boolean epochSubscribed;
    /** Why the current connection is ending, when we know better than "closed". */
    private String closeCause;
    /** The current connection ends because Upbit refused the credentials (INVALID_AUTH). */
    private boolean closingForAuthentication;

    /**
     * @param lifecycle receives every connection event (called on the event loop: hand off, do not block)
     */
    public UpbitSession(String name, SessionSettings settings, EventLoop loop, RateLimitPolicy ratePolicy,
            ConnectThrottle connectThrottle, Consumer<ConnectionEvent> lifecycle) {
        this.name = name;
        this.tracker = new ConnectionTracker(name, settings.channel(), lifecycle);
        this.settings = settings;
        this.loop = loop;
        this.ratePolicy = ratePolicy;
        this.connectThrottle = connectThrottle;
        this.connector = new WebSocketConnector(settings);
        this.sender = new PendingSender(loop, settings.sendLinger().toNanos(),
                new RollingWindowLimiter(ratePolicy::perSecond, ratePolicy::perMinute), this::sendIfChanged,
                System::nanoTime);
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
        loop.execute(() -> {
            if (closed) {
                return;
            }
            Registration registration = book.add(delivery, afterGap);
            if (registration == null) {
                return;
            }
            delivery.readControl(readControl);
            delivery.clearRejection();
            snapshotWanted |= registration.wantsSnapshot();
            cancelLingerClose();
            if (channel != null) {
                sender.markDirty();
            } else if (!connecting && reconnect == null) {
                if (tracker.state() == ConnectionState.FAILED) {
                    // the session gave up earlier; a route starting now asks for a new try
                    tracker.restart();
                }
                connect();
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
            suspects.forEach(group -> group.remove(delivery));
            suspects.removeIf(List::isEmpty);
            Registration registration = book.remove(delivery);
            if (registration == null) {
                return;
            }
            unacknowledged.remove(registration);
            pausingChanged(delivery);
            if (!book.isEmpty()) {
                sender.markDirty();
            } else {
                scheduleLingerClose();
            }
        });
    }

    /** Closes the connection for good (component stop); waits until it is closed. */
    public void close() {
        Future<?> done = loop.submit(() -> {
            closed = true;
            sender.cancel();
            cancelLingerClose();
            cancelAckTimer();
            if (reconnect != null) {
                reconnect.cancel(false);
                reconnect = null;
            }
            if (channel != null) {
                channel.close();
            }
            if (pending != null) {
                pending.close();
            }
        });
        done.awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /**
     * The session's counters read together on its event loop, where they change, so they are consistent with each
     * other; waits at most a second for the loop.
     */
    public SessionStats stats() {
        Future<SessionStats> snapshot = loop.submit(() -> new SessionStats(framesReceived.get(), eventsDecoded.get(),
                eventsUnrouted.get(), subscriberVisits.get(), decodeErrors.get(), errorFrames.get(),
                subscribeMessagesSent.get(), connects.get(), book.size(), readingPaused,
                (int) book.all().stream().filter(r -> r.delivery.isPausing()).count(), pauses));
        if (!snapshot.awaitUninterruptibly(1, TimeUnit.SECONDS) || !snapshot.isSuccess()) {
            throw new IllegalStateException("Upbit session " + name + " did not answer within a second");
        }
        return snapshot.getNow();
    }

    /** What the connection went through: state, failures, reconnects. */
    public ConnectionTracker tracker() {
        return tracker;
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
        Channel c = channel;
        return c != null && c.isActive();
    }

    /** Whether a route's full mailbox has the connection paused right now. */
    public boolean isReadingPaused() {
        Channel c = channel;
        return c != null && !c.config().isAutoRead();
    }

    /** How long reading has been paused by full mailboxes without a break, in milliseconds; 0 while reading. */
    public long pausedForMillis() {
        long since = pausedSince;
        return since == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    public long framesReceived() {
        return framesReceived.get();
    }

    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Data items decoded into events. */
    public long eventsDecoded() {
        return eventsDecoded.get();
    }

    /** Decoded events no route wanted (e.g. still in flight from a subscription just replaced). */
    public long eventsUnrouted() {
        return eventsUnrouted.get();
    }

    /** Routes visited by the dispatch: with an index, only those that named the event's (type, code). */
    public long subscriberVisits() {
        return subscriberVisits.get();
    }

    public long framesIgnored() {
        return framesIgnored.get();
    }

    public long decodeErrors() {
        return decodeErrors.get();
    }

    public long errorFrames() {
        return errorFrames.get();
    }

    public long subscribeMessagesSent() {
        return subscribeMessagesSent.get();
    }

    public long connects() {
        return connects.get();
    }

    /** Time reading was paused by full mailboxes, in milliseconds (the current pause included). */
    public long pausedMillis() {
        long paused = pausedNanos.get();
        long since = pausedSince;
        return TimeUnit.NANOSECONDS.toMillis(since > 0 ? paused + System.nanoTime() - since : paused);
    }

    private void connect() {
        connecting = true;
        reconnect = null;
        tracker.connecting();
        long wait = connectThrottle.reserve();
        if (wait > 0) {
            LOG.debug("Upbit session {} waits {} ms for a connect slot", name, TimeUnit.NANOSECONDS.toMillis(wait));
            loop.schedule(this::handshake, wait, TimeUnit.NANOSECONDS);
        } else {
            handshake();
        }
    }

    private void handshake() {
        if (closed) {
            connecting = false;
            return;
        }
        LOG.info("Upbit session {} connecting to {}", name, settings.url());
        WebSocketConnector.Connecting attempt = connector.connect(loop, new InboundFrameHandler(dispatch));
        pending = attempt.channel();
        attempt.handshake().addListener((Future<Channel> f) -> {
            connecting = false;
            pending = null;
            if (f.isSuccess()) {
                onConnected(f.getNow());
            } else {
                onConnectFailed(f.cause());
            }
        });
    }

    private void onConnectFailed(Throwable cause) {
        if (!(cause instanceof WebSocketClientHandshakeException refused) || refused.response() == null) {
            LOG.warn("Upbit session {} could not connect to {}: {}", name, settings.url(), cause.toString());
            scheduleReconnect("connect failed: " + cause, 0, false);
            return;
        }
        int status = refused.response().status().code();
        long retryAfter = retryAfterMillis(refused.response().headers().get(HttpHeaderNames.RETRY_AFTER));
        String why = "handshake refused with HTTP " + status;
        LOG.warn("Upbit session {}: {} refused the WebSocket handshake with HTTP {}{}", name, settings.url(), status,
                retryAfter > 0 ? " (Retry-After " + retryAfter / 1000 + " s)" : "");
        switch (status) {
            case 401, 403 -> {
                UpbitAuthenticationException refusal = new UpbitAuthenticationException("Upbit refused the "
                        + "credentials of " + name + " (HTTP " + status + "): check the access key, the secret key, "
                        + "the key's permissions and its IP allow-list");
                book.all().forEach(r -> r.delivery.onError(refusal));
                scheduleReconnect(why, 0, true);
            }
            case 429 -> {
                ratePolicy.signal(why);
                scheduleReconnect(why, retryAfter, false);
            }
            case 418 -> {
                ratePolicy.signal(why);
                scheduleReconnect(why, retryAfter > 0 ? retryAfter : settings.banPause().toMillis(), false);
            }
            default -> scheduleReconnect(why, retryAfter, false);
        }
    }

    /** {@code Retry-After} in whole seconds (Upbit's form); 0 when absent or an HTTP date. */
    private static long retryAfterMillis(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return TimeUnit.SECONDS.toMillis(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void onConnected(Channel ch) {
        if (closed || book.isEmpty()) {
            ch.close();
            return;
        }
        channel = ch;
        lastSent = null;
        sender.newConnection();
        epochSubscribed = false;
        closeCause = null;
        closingForAuthentication = false;
        // a new connection is a new epoch: every route gets a fresh snapshot
        book.all().forEach(r -> r.codesSeen.clear());
        snapshotNumbers.clear();
        snapshotWanted = false;
        if (readingPaused) {
            holdReading(ch);
        }
        connects.incrementAndGet();
        tracker.connected();
        LOG.info("Upbit session {} connected to {}", name, settings.url());
        ch.closeFuture().addListener(f -> onDisconnected(ch));
        sender.markDirty();
    }

    private void onDisconnected(Channel ch) {
        if (channel != ch) {
            return;
        }
        channel = null;
        lastSent = null;
        sender.cancel();
        cancelAckTimer();
        unacknowledged.clear();
        returnSuspects();
        for (Registration r : book.all()) {
            r.connectionLost();
        }
        boolean wanted = closed || book.isEmpty();
        tracker.disconnected(wanted ? null : closeCause != null ? closeCause : "connection closed");
        if (wanted) {
            LOG.info("Upbit session {} disconnected", name);
            return;
        }
        LOG.warn("Upbit session {} lost its connection ({}); recovering", name,
                closeCause != null ? closeCause : "connection closed");
        scheduleReconnect(closeCause != null ? closeCause : "connection closed", 0, closingForAuthentication);
    }

    /**
     * Schedules the next attempt: the backoff's delay, but at least {@code minimumMillis} (a server's Retry-After or
     * a ban), and exactly {@code maxDelay} after an authentication refusal, so wrong keys never make a hot loop. Gives
     * up after {@code maxReconnectAttempts}.
     */
    private void scheduleReconnect(String cause, long minimumMillis, boolean authentication) {
        if (closed || book.isEmpty()) {
            return;
        }
        int attempt = tracker.failed(cause, authentication);
        int max = settings.maxReconnectAttempts();
        if (max >= 0 && attempt > max) {
            LOG.error("Upbit session {} gives up after {} failed attempt(s): {}", name, attempt - 1, cause);
            tracker.gaveUp(cause);
            UpbitConnectionException failure = new UpbitConnectionException("Upbit session " + name + " gave up after "
                    + (attempt - 1) + " failed attempt(s); a route start tries again. Last failure: " + cause, null);
            book.all().forEach(r -> r.delivery.onError(failure));
            return;
        }
        ReconnectBackoff backoff = settings.backoff();
        long delay = authentication ? backoff.maxMillis() : Math.max(backoff.delayMillis(attempt), minimumMillis);
        tracker.reconnecting(attempt, delay, cause);
        reconnect = loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void scheduleLingerClose() {
        cancelLingerClose();
        lingerClose = loop.schedule(() -> {
            lingerClose = null;
            if (!book.isEmpty()) {
                return;
            }
            if (reconnect != null) {
                reconnect.cancel(false);
                reconnect = null;
            }
            if (channel != null) {
                LOG.info("Upbit session {} has no route left; closing its connection", name);
                channel.close();
            }
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
        if (channel == null || book.isEmpty()) {
            return false;
        }
        SubscribeRequest request = new SubscribeRequest(UUID.randomUUID().toString(), book.request(), settings.format());
        if (request.sameStateAs(lastSent) && !snapshotWanted) {
            return false;
        }
        String json = request.toJson();
        LOG.debug("Upbit session {} subscribing: {}", name, json);
        Set<String> snapshotStreams = snapshotStreams(request.types());
        snapshotNumbers.asked(snapshotStreams);
        lastSendStreams = snapshotStreams;
        for (Registration r : book.all()) {
            if (r.sent) {
                // Upbit replaces the whole subscription and restarts every stream: what was in flight may be lost
                r.restartedBySend(snapshotStreams);
            } else {
                r.joined(snapshotNumbers, snapshotStreams);
            }
        }
        channel.writeAndFlush(new TextWebSocketFrame(json));
        lastSent = request;
        lastSendNanos = System.nanoTime();
        snapshotWanted = false;
        subscribeMessagesSent.incrementAndGet();
        awaitAcknowledgement();
        return true;
    }

    /** The streams a request asks a snapshot of, as {@link Registration#streamKey}. */
    private static Set<String> snapshotStreams(List<TypeRequest> types) {
        Set<String> streams = new HashSet<>();
        for (TypeRequest type : types) {
            if (type.onlyRealtime() || MyOrderEvent.TYPE.equals(type.type()) || MyAssetEvent.TYPE.equals(type.type())) {
                // no snapshot will come
                continue;
            }
            for (String code : type.codes()) {
                int depth = code.indexOf('.');
                String bare = depth < 0 ? code : code.substring(0, depth);
                streams.add(Registration.streamKey(type.type(), type.level(), bare));
            }
        }
        return streams;
    }

    /** Opens the error window of the send just made, for the routes it added. */
    private void awaitAcknowledgement() {
        long snapshotDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACK_WINDOW_MILLIS);
        for (Registration registration : book.all()) {
            if (!registration.acknowledged && !unacknowledged.contains(registration)) {
                unacknowledged.add(registration);
            }
            if (registration.snapshotDeadline == Long.MAX_VALUE) {
                registration.snapshotDeadline = snapshotDeadline;
            }
        }
        cancelAckTimer();
        ackTimer = loop.schedule(this::acknowledge, ACK_WINDOW_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void acknowledge() {
        ackTimer = null;
        for (Registration registration : unacknowledged) {
            registration.acknowledged = true;
        }
        unacknowledged.clear();
        for (Registration registration : book.all()) {
            registration.restartAcknowledged();
        }
        if (!suspects.isEmpty()) {
            // not now: this may run in the middle of dispatching an event over the book's lists
            loop.execute(this::probeSuspects);
        }
        if (!epochSubscribed && channel != null) {
            epochSubscribed = true;
            LOG.info("Upbit session {} subscribed: {} route(s)", name, book.size());
            tracker.subscribed();
        }
    }

    private void cancelAckTimer() {
        if (ackTimer != null) {
            ackTimer.cancel(false);
            ackTimer = null;
        }
    }

    /**
     * An error frame inside the window of a send is the answer to it: the routes that send added leave the book, learn
     * why, and the rest is sent again. Outside any window it concerns the whole connection.
     */
    private void onErrorFrame(UpbitError error) {
        errorFrames.incrementAndGet();
        if ("INVALID_AUTH".equals(error.name())) {
            onAuthenticationRefused();
            return;
        }
        UpbitErrorException cause = new UpbitErrorException(error);
        boolean afterSend = lastSendNanos != 0
                && System.nanoTime() - lastSendNanos <= TimeUnit.MILLISECONDS.toNanos(ACK_WINDOW_MILLIS);
        if (afterSend && !isValidationError(error.name()) && !"INVALID_AUTH".equals(error.name())) {
            ratePolicy.signal("error frame " + error.name() + " after a send");
        }
        if (unacknowledged.isEmpty() || !isValidationError(error.name())) {
            // not the answer to a spec a send added: every route of the connection hears of it, none is removed
            if (worthLogging(errorFrames.get())) {
                LOG.warn("Upbit session {} received error {} ({} so far): {}", name, error.name(), errorFrames.get(),
                        error.message());
            }
            book.all().forEach(r -> r.delivery.onError(cause));
            return;
        }
        List<Registration> rejected = new ArrayList<>(unacknowledged);
        unacknowledged.clear();
        cancelAckTimer();
        // Upbit keeps the previous subscription: no snapshot answers the refused send
        snapshotNumbers.refused(lastSendStreams);
        lastSendStreams = Set.of();
        for (Registration registration : rejected) {
            book.remove(registration.delivery);
            pausingChanged(registration.delivery);
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
            int half = rejected.size() / 2;
            suspects.addFirst(deliveries(rejected.subList(half, rejected.size())));
            suspects.addFirst(deliveries(rejected.subList(0, half)));
        }
        if (!probeSuspects()) {
            if (book.isEmpty()) {
                scheduleLingerClose();
            } else {
                sender.markDirty();
            }
        }
    }

    private static List<Delivery> deliveries(List<Registration> registrations) {
        List<Delivery> deliveries = new ArrayList<>(registrations.size());
        registrations.forEach(r -> deliveries.add(r.delivery));
        return deliveries;
    }

    /**
     * Subscribes the next group of suspects once nothing else waits for Upbit's answer.
     *
     * @return whether a group was added (and a send marked)
     */
    private boolean probeSuspects() {
        if (suspects.isEmpty() || !unacknowledged.isEmpty() || closed) {
            return false;
        }
        List<Delivery> group = suspects.pollFirst();
        for (Delivery delivery : group) {
            book.add(delivery, false);
        }
        snapshotWanted = true;
        cancelLingerClose();
        if (channel != null) {
            sender.markDirty();
        }
        return true;
    }

    /** The connection ended: suspects go back to the book, their subscription is tried again with the rest. */
    private void returnSuspects() {
        for (List<Delivery> group : suspects) {
            group.forEach(d -> book.add(d, false));
        }
        suspects.clear();
    }

    /** INVALID_AUTH: every private route learns it, the connection closes and is retried at maxDelay only. */
    private void onAuthenticationRefused() {
        LOG.error("Upbit session {}: Upbit refused the credentials (INVALID_AUTH); retrying every {} ms", name,
                settings.backoff().maxMillis());
        UpbitAuthenticationException refusal = new UpbitAuthenticationException("Upbit refused the credentials of "
                + name + " (INVALID_AUTH): check the access key, the secret key, the key's permissions and its IP "
                + "allow-list");
        book.all().forEach(r -> r.delivery.onError(refusal));
        closeCause = "INVALID_AUTH";
        closingForAuthentication = true;
        if (channel != null) {
            channel.close();
        }
    }

    /** The first ten of a kind, then every power of ten: a flood of bad frames must not become a flood of logs. */
    private static boolean worthLogging(long count) {
        if (count <= 10) {
            return true;
        }
        long power = 10;
        while (power < count) {
            power *= 10;
        }
        return power == count;
    }

    private static boolean isValidationError(String name) {
        return switch (name) {
            case "WRONG_FORMAT", "NO_TICKET", "NO_TYPE", "NO_CODES", "INVALID_PARAM" -> true;
            default -> false;
        };
    }

    /**
     * A delivery's pausing state may have changed. Acts on its state as it is now, on the event loop: the I/O thread's
     * "full" and a worker's "drained" can arrive in either order, and the newest look is always right. On the event
     * loop itself (a mailbox filled while a read was being dispatched) reading stops at once, before the next frame.
     */
    private void pausingChanged(Delivery delivery) {
        if (loop.inEventLoop()) {
            updatePausing(delivery);
        } else {
            loop.execute(() -> updatePausing(delivery));
        }
    }

    private void updatePausing(Delivery delivery) {
        boolean changed = book.contains(delivery) && delivery.isPausing()
                ? pausing.add(delivery) : pausing.remove(delivery);
        if (!changed) {
            return;
        }
        if (!pausing.isEmpty() && !readingPaused) {
            pauseReading();
        } else if (pausing.isEmpty() && readingPaused) {
            resumeReading();
        }
    }

    private void pauseReading() {
        readingPaused = true;
        pausedSince = System.nanoTime();
        pauses++;
        if (worthLogging(pauses)) {
            LOG.warn("Upbit session {} pauses reading ({} pause(s) so far): a route's mailbox is full "
                    + "(overflow=pause); every route of this connection waits, idle detection is suspended", name,
                    pauses);
        }
        Channel c = channel;
        if (c != null) {
            holdReading(c);
        }
    }

    private void resumeReading() {
        readingPaused = false;
        long since = pausedSince;
        if (since > 0) {
            pausedNanos.addAndGet(System.nanoTime() - since);
            pausedSince = 0;
        }
        if (worthLogging(pauses)) {
            LOG.info("Upbit session {} resumes reading", name);
        }
        Channel c = channel;
        if (c == null) {
            return;
        }
        InboundFrameHandler handler = c.pipeline().get(InboundFrameHandler.class);
        if (handler != null) {
            // the frames of the read that filled the mailbox come first; they may fill one again
            handler.release();
        }
        if (!readingPaused) {
            c.config().setAutoRead(true);
        }
    }

    /** Stops reading: no further read, and the frames of the read in progress wait undecoded. */
    private static void holdReading(Channel c) {
        c.config().setAutoRead(false);
        InboundFrameHandler handler = c.pipeline().get(InboundFrameHandler.class);
        if (handler != null) {
            handler.hold();
        }
    }

    private static final int ACCEPTED = 0;
    private static final int FILTERED = 1;
    private static final int DUPLICATE = 2;

    /** Receives what the connection decodes; runs on the event loop. */
    private final class Dispatch implements InboundFrameHandler.Inbound {

        /** Routes that got events in the current read and need a drain started at its end. */
        private final List<Delivery> toDrain = new ArrayList<>();

        @Override
        public boolean wantsItemBytes() {
            return book.jsonRoutes() > 0;
        }

        @Override
        public void onReadComplete() {
            for (Delivery delivery : toDrain) {
                delivery.scheduleDrain();
            }
            toDrain.clear();
        }

        @Override
        public void onFrame(int bytes, long receivedAt) {
            framesReceived.incrementAndGet();
            bytesReceived.addAndGet(bytes);
            frameReceivedAt = receivedAt;
        }

        @Override
        public void onEvent(UpbitEvent event, byte[] frame, int offset, int length) {
            eventsDecoded.incrementAndGet();
            if (LOG.isDebugEnabled()) {
                LOG.debug("Upbit session {} received {} {} {}", name, event.type(), event.code(), event.streamType());
            }
            List<Registration> named = book.named(event.type(), event.code());
            List<Registration> every = book.everyCode(event.type());
            if (named.isEmpty() && every.isEmpty()) {
                eventsUnrouted.incrementAndGet();
                return;
            }
            if (!epochSubscribed && lastSent != null
                    || !unacknowledged.isEmpty() && (addedByLastSend(named) || addedByLastSend(every))) {
                // data for a route the last send added: Upbit took the subscription
                cancelAckTimer();
                acknowledge();
            }
            long snapshotNumber = event.streamType() == StreamType.SNAPSHOT
                    ? snapshotNumbers.arrived(streamKey(event)) : 0;
            ReceivedEvent received = offer(named, null, event, snapshotNumber, frame, offset, length);
            offer(every, received, event, snapshotNumber, frame, offset, length);
        }

        private boolean addedByLastSend(List<Registration> registrations) {
            for (int i = 0; i < registrations.size(); i++) {
                if (unacknowledged.contains(registrations.get(i))) {
                    return true;
                }
            }
            return false;
        }

        /** Hands the event to those of the routes that accept it; returns the (shared) received event. */
        private ReceivedEvent offer(List<Registration> registrations, ReceivedEvent received, UpbitEvent event,
                long snapshotNumber, byte[] frame, int offset, int length) {
            // indexed: an iterator per event is garbage on the hot path
            for (int i = 0; i < registrations.size(); i++) {
                Registration r = registrations.get(i);
                subscriberVisits.incrementAndGet();
                int verdict = accepts(r, event, snapshotNumber);
                if (verdict != ACCEPTED) {
                    if (verdict == DUPLICATE) {
                        r.delivery.duplicate();
                    } else {
                        r.delivery.filtered();
                    }
                    continue;
                }
                if (received == null || received.json() == null && r.delivery.wantsJson()) {
                    // the frame's bytes are reused after this call: copy the item now, once, if anyone wants it
                    String json = r.delivery.wantsJson()
                            ? new String(frame, offset, length, StandardCharsets.UTF_8) : null;
                    received = new ReceivedEvent(event, frameReceivedAt, json, false);
                }
                boolean resync = r.takeResync(String.valueOf(event.code()));
                if (r.delivery.enqueue(resync ? received.resynced() : received)) {
                    toDrain.add(r.delivery);
                }
            }
            return received;
        }

        /**
         * Nothing before a send carried the route's spec, nor what answers an earlier send; then the spec's own filter;
         * a trade only once per route; a snapshot only for a code the route has had nothing of on this connection;
         * realtime events for a route that just joined only once its snapshot of that code came (or its wait ended). A
         * snapshot after the route's own begins a stream a later send restarted: the next event is marked.
         */
        private int accepts(Registration r, UpbitEvent event, long snapshotNumber) {
            if (!r.sent || !r.acknowledged && !r.awaitsSnapshot || !r.spec.matchesLevel(event)) {
                // not subscribed yet; a route that takes no snapshot waits for Upbit's acknowledgement
                return FILTERED;
            }
            String code = String.valueOf(event.code());
            boolean snapshot = event.streamType() == StreamType.SNAPSHOT;
            if (snapshot && !r.snapshotArrived(code, snapshotNumber)) {
                return FILTERED;
            }
            if (!r.spec.snapshotMode().accepts(event.streamType())) {
                return FILTERED;
            }
            if (!snapshot && r.awaitsStart(code)) {
                if (System.nanoTime() < r.snapshotDeadline) {
                    return FILTERED;
                }
                // Upbit sent no snapshot within the acknowledgement window: the stream has begun without one
                r.startedWithout(code, snapshotNumbers.arrivedSoFar(streamKey(event)));
            }
            if (event instanceof TradeEvent trade) {
                // a trade is an event, not a state: a snapshot repeating one the route had is a duplicate, a new one
                // is delivered
                r.codesSeen.add(code);
                return r.firstTimeTrade(code, trade.sequentialId()) ? ACCEPTED : DUPLICATE;
            }
            return r.codesSeen.add(code) || !snapshot ? ACCEPTED : FILTERED;
        }

        private String streamKey(UpbitEvent event) {
            BigDecimal level = event instanceof OrderbookEvent book ? book.level() : null;
            return Registration.streamKey(event.type(), level, String.valueOf(event.code()));
        }

        @Override
        public void onStatus(String status) {
            LOG.trace("Upbit session {} status {}", name, status);
        }

        @Override
        public void onError(UpbitError error) {
            onErrorFrame(error);
        }

        @Override
        public void onSubscriptionList(SubscriptionList list) {
            LOG.debug("Upbit session {} is subscribed to {}", name, list.subscriptions());
        }

        @Override
        public void onIgnored(String what) {
            framesIgnored.incrementAndGet();
            LOG.debug("Upbit session {} ignored {}", name, what);
        }

        @Override
        public void onDecodingError(FrameDecodingException error) {
            long count = decodeErrors.incrementAndGet();
            if (worthLogging(count)) {
                LOG.warn("Upbit session {} skipped a malformed frame ({} so far): {}", name, count, error.getMessage());
            } else {
                LOG.debug("Upbit session {} skipped a malformed frame: {}", name, error.getMessage());
            }
        }

        @Override
        public void onTransportError(Throwable cause) {
            closeCause = "transport error: " + cause;
            LOG.warn("Upbit session {} transport error: {}", name, cause.toString());
        }

        @Override
        public boolean onReaderIdle() {
            if (readingPaused) {
                // we stopped reading ourselves (a full mailbox): silence is ours, not Upbit's
                return false;
            }
            closeCause = "no frame for " + settings.idleTimeout().toMillis() + " ms";
            LOG.warn("Upbit session {}: {}; treating the connection as dead", name, closeCause);
            return true;
        }

        @Override
        public void onCloseFrame(int statusCode, String reason) {
            if (statusCode == 1008) {
                ratePolicy.signal("close 1008");
            }
            closeCause = "closed by Upbit with status " + statusCode + (reason == null || reason.isEmpty() ? ""
                    : " " + reason);
            LOG.warn("Upbit session {}: Upbit closed the connection with status {} {}", name, statusCode, reason);
        }
    }
}
