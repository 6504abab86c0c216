package io.camelupbit.session;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.camelupbit.error.UpbitAuthenticationException;
import io.camelupbit.error.UpbitConnectionException;
import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.wire.FrameListener;
import io.camelupbit.wire.RecentFrames;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection to Upbit, kept alive: the handshake (through the component's connect throttle), heartbeat
 * and idle detection, reconnects with backoff, and what Upbit's refusals (HTTP 401/403/418/429, {@code INVALID_AUTH},
 * close 1008) mean for the next attempt. It knows nothing of routes: its {@link Owner} (the session's channel side)
 * says whether a connection is still wanted, gets every decoded item, and tells it what to send and when to stop
 * reading.
 * <p>
 * All state lives on one Netty event loop, the owner's; the methods other than the counters and {@link #isConnected}
 * must be called on it. The WebSocket itself may read and decode on another loop (a line of a redundant channel, so
 * that each line has a core): what it reads then reaches the owner's loop through a {@link LoopRelay}.
 */
public final class UpbitConnection {

    private static final Logger LOG = LoggerFactory.getLogger(UpbitConnection.class);

    /** What the connection tells its owner; called on the event loop. */
    public interface Owner extends FrameListener {

        /** Whether a connection is still wanted (some route is registered). */
        boolean wantsConnection();

        /** The WebSocket is open: time to send the full subscription. */
        void onOpen();

        /** The WebSocket closed; the connection reconnects if it is still wanted. */
        void onLost();

        /** Something every route of the connection must hear: refused credentials, or reconnecting given up. */
        void onFailure(RuntimeException failure);

        /** A data frame arrived, at this wall-clock time; its items follow. */
        void onFrame(long receivedAt);

        /** A network read is done (its frames were all reported). */
        void onReadComplete();

        /**
         * What the channel's lines reading on this connection's loop decoded lately; {@code null} when no other line
         * reads there.
         */
        default RecentFrames recentFrames() {
            return null;
        }
    }

    /** The longest ban (HTTP 418) waited out as Upbit states it. */
    static final long MAX_STATED_BAN_MILLIS = TimeUnit.DAYS.toMillis(1);

    private final String name;
    private final String id;
    private final SessionSettings settings;
    private final EventLoop loop;
    /** Where the WebSocket reads and decodes: the owner's loop, or one of its own. */
    private final EventLoop channelLoop;
    private final RateLimitPolicy ratePolicy;
    private final ConnectThrottle connectThrottle;
    private final WebSocketConnector connector;
    private final ConnectionTracker tracker;
    private final Owner owner;
    private final ConnectionInbound inbound;
    private final AtomicLong connects = new AtomicLong();

    /** Written on the event loop; read anywhere (health, JMX). */
    private volatile Channel channel;
    /** When the current (or last) connection read anything. Event loop. */
    private ReadClock readClock = new ReadClock();

    /**
     * Reading is held for the owner (full mailboxes): no read, the frames of the read in progress wait. Written on the
     * owner's loop, read on the channel's too.
     */
    private volatile boolean holding;
    /** Why the current connection is ending, when we know better than "closed"; the pipeline may tell it. */
    private volatile String closeCause;

    // event-loop confined
    private boolean connecting;
    /** A connection still on its way, so closing can abandon it. */
    private WebSocketConnector.Connecting pending;
    private boolean closed;
    private ScheduledFuture<?> reconnect;
    /** Carries the current connection's reads to this loop when it reads on another; {@code null} otherwise. */
    private LoopRelay relay;
    /** The current connection ends because Upbit refused the credentials (INVALID_AUTH). */
    private boolean closingForAuthentication;

    /**
     * @param name        the session's name, for logs and lifecycle events (never shows a key)
     * @param id          this connection's id within its session
     * @param line        its line in the channel, from 1
     * @param loop        the owner's event loop, where all state lives
     * @param channelLoop where the WebSocket reads and decodes: {@code loop}, or another loop of the same group
     * @param lifecycle   receives every connection event (called on the event loop: hand off, do not block)
     */
    public UpbitConnection(String name, String id, int line, SessionSettings settings, EventLoop loop,
            EventLoop channelLoop, RateLimitPolicy ratePolicy, ConnectThrottle connectThrottle,
            Consumer<ConnectionEvent> lifecycle, Owner owner) {
        this.name = name;
        this.id = id;
        this.settings = settings;
        this.loop = loop;
        this.channelLoop = channelLoop;
        this.ratePolicy = ratePolicy;
        this.connectThrottle = connectThrottle;
        this.connector = new WebSocketConnector(settings);
        this.tracker = new ConnectionTracker(name, settings.channel(), id, line, lifecycle);
        this.owner = owner;
        this.inbound = new ConnectionInbound(name, settings.idleTimeout(), ratePolicy, owner, this);
    }

    /** System.nanoTime() when the current (or last) connection read anything: data, a status, a pong. Event loop. */
    long lastRead() {
        return readClock.lastRead();
    }

    /** This connection's id within its session. */
    public String id() {
        return id;
    }

    /** What the connection went through: state, failures, reconnects. */
    public ConnectionTracker tracker() {
        return tracker;
    }

    /**
     * Connects unless connected, connecting or waiting to reconnect; a connection that gave up tries again.
     *
     * @return whether the WebSocket is open already
     */
    boolean open() {
        if (channel != null) {
            return true;
        }
        if (!connecting && reconnect == null && !closed) {
            if (tracker.state() == ConnectionState.FAILED) {
                // the connection gave up earlier; a route starting now asks for a new try
                tracker.restart();
            }
            connect();
        }
        return false;
    }

    /** Closes the WebSocket because no route is left, and cancels a pending reconnect. */
    void closeUnused() {
        cancelReconnect();
        if (channel != null) {
            LOG.info("Upbit session {} has no route left; closing its connection", name);
            channel.close();
        }
    }

    /** Closes for good (component stop). */
    void close() {
        closed = true;
        cancelReconnect();
        if (channel != null) {
            channel.close();
        }
        if (pending != null) {
            pending.abandon();
        }
    }

    /**
     * Sends a text message.
     *
     * @return false when the WebSocket is not open
     */
    boolean send(String text) {
        Channel c = channel;
        if (c == null) {
            return false;
        }
        c.writeAndFlush(new TextWebSocketFrame(text));
        return true;
    }

    /** Sends a WebSocket ping: the pong, read, moves {@link #lastRead()} on. */
    void ping() {
        Channel c = channel;
        if (c != null) {
            c.writeAndFlush(new PingWebSocketFrame());
        }
    }

    /** Stops reading: no further read, and the frames of the read in progress wait undecoded. */
    void hold() {
        holding = true;
        Channel c = channel;
        if (c != null) {
            holdOn(c);
        }
    }

    /** Reads again: the frames that waited are decoded first, and may make the owner hold again. */
    void release() {
        holding = false;
        Channel c = channel;
        if (c == null) {
            return;
        }
        LoopRelay r = relay;
        onChannelLoop(c, () -> {
            InboundFrameHandler handler = c.pipeline().get(InboundFrameHandler.class);
            if (handler != null) {
                handler.release();
            }
            if (r != null) {
                r.readAgain();
            } else if (!holding) {
                c.config().setAutoRead(true);
            }
        });
    }

    /** Upbit refused the credentials in-band (INVALID_AUTH): the routes hear of it, and retries come at maxDelay. */
    void credentialsRefused() {
        LOG.error("Upbit session {}: Upbit refused the credentials (INVALID_AUTH); retrying every {} ms", name,
                settings.backoff().maxMillis());
        owner.onFailure(new UpbitAuthenticationException("Upbit refused the credentials of " + name
                + " (INVALID_AUTH): check the access key, the secret key, the key's permissions and its IP allow-list"));
        closeCause = "INVALID_AUTH";
        closingForAuthentication = true;
        if (channel != null) {
            channel.close();
        }
    }

    /** Whether the handshake is done and the closing not yet reported: what the owner may send on. */
    boolean isOpen() {
        return channel != null;
    }

    /** Whether the WebSocket is open and its handshake done. */
    public boolean isConnected() {
        Channel c = channel;
        return c != null && c.isActive();
    }

    /** Whether reading is stopped right now. */
    public boolean isReadingPaused() {
        Channel c = channel;
        return c != null && !c.config().isAutoRead();
    }

    public long framesReceived() {
        return inbound.framesReceived();
    }

    public long bytesReceived() {
        return inbound.bytesReceived();
    }

    public long decodeErrors() {
        return inbound.decodeErrors();
    }

    public long fieldErrors() {
        return inbound.fieldErrors();
    }

    public long connects() {
        return connects.get();
    }

    private void connect() {
        connecting = true;
        reconnect = null;
        tracker.connecting();
        long wait = connectThrottle.reserve();
        if (wait > 0) {
            LOG.debug("Upbit session {} waits {} ms for a connect slot", name, TimeUnit.NANOSECONDS.toMillis(wait));
            loop.schedule(ScheduledTasks.logged("connect", this::handshake), wait, TimeUnit.NANOSECONDS);
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
        LoopRelay attemptRelay = channelLoop == loop ? null : new LoopRelay(inbound, loop, this::isHolding);
        InboundFrameHandler frameHandler = new InboundFrameHandler(attemptRelay == null ? inbound : attemptRelay,
                settings.authorization() == null, owner.recentFrames());
        readClock = frameHandler.readClock();
        WebSocketConnector.Connecting attempt = connector.connect(channelLoop, frameHandler);
        pending = attempt;
        attempt.handshake().addListener((Future<Channel> f) -> onLoop(() -> {
            connecting = false;
            pending = null;
            if (f.isSuccess()) {
                onConnected(f.getNow(), attemptRelay);
            } else {
                onConnectFailed(f.cause(), attempt.refusalBody());
            }
        }));
    }

    private void onConnectFailed(Throwable cause, String refusalBody) {
        if (!(cause instanceof WebSocketClientHandshakeException refused) || refused.response() == null) {
            LOG.warn("Upbit session {} could not connect to {}: {}", name, settings.url(), cause.toString());
            scheduleReconnect("connect failed: " + cause, 0, false);
            return;
        }
        int status = refused.response().status().code();
        long retryAfter = retryAfterMillis(refused.response().headers().get(HttpHeaderNames.RETRY_AFTER));
        retryAfter = status == 418
                // Upbit states a ban's length with the 418, in Retry-After or in the body
                ? statedBan(Math.max(retryAfter, BanNotice.statedMillis(refusalBody)))
                : capped(retryAfter, settings.maxRetryAfter().toMillis(), "maxRetryAfter");
        String why = "handshake refused with HTTP " + status;
        LOG.warn("Upbit session {}: {} refused the WebSocket handshake with HTTP {}{}", name, settings.url(), status,
                retryAfter > 0 ? " (Retry-After " + retryAfter / 1000 + " s)" : "");
        switch (status) {
            case 401, 403 -> {
                owner.onFailure(new UpbitAuthenticationException("Upbit refused the credentials of " + name
                        + " (HTTP " + status + "): check the access key, the secret key, the key's permissions and "
                        + "its IP allow-list"));
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

    /**
     * A ban is waited out as stated, beyond maxRetryAfter (retrying before it ends extends it), but not beyond a day,
     * so that no answer can stop a connection for ever.
     */
    private long statedBan(long millis) {
        if (millis > settings.maxRetryAfter().toMillis() && millis <= MAX_STATED_BAN_MILLIS) {
            LOG.warn("Upbit session {}: blocked by Upbit (HTTP 418) for {} s, longer than maxRetryAfter: waiting it "
                    + "out, since retrying early extends a ban", name, millis / 1000);
        }
        return capped(millis, MAX_STATED_BAN_MILLIS, "a day");
    }

    private long capped(long retryAfter, long cap, String what) {
        if (retryAfter <= cap) {
            return retryAfter;
        }
        LOG.warn("Upbit session {}: a Retry-After of {} s is longer than {}; waiting {} ms", name, retryAfter / 1000,
                what, cap);
        return cap;
    }

    /** {@code Retry-After} in whole seconds (Upbit's form); 0 when absent or an HTTP date. */
    private static long retryAfterMillis(String header) {
        if (header == null) {
            return 0;
        }
        try {
            // saturates at Long.MAX_VALUE for absurd values; maxRetryAfter then cuts it
            return TimeUnit.SECONDS.toMillis(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void onConnected(Channel ch, LoopRelay attemptRelay) {
        if (closed || !owner.wantsConnection()) {
            ch.close();
            return;
        }
        channel = ch;
        relay = attemptRelay;
        closeCause = null;
        closingForAuthentication = false;
        if (holding) {
            holdOn(ch);
        }
        connects.incrementAndGet();
        tracker.connected();
        LOG.info("Upbit session {} connected to {}", name, settings.url());
        // with a relay, what was read before the close reaches this loop before the close does
        ch.closeFuture().addListener(attemptRelay == null ? f -> onDisconnected(ch)
                : f -> attemptRelay.flushThen(() -> onDisconnected(ch)));
        owner.onOpen();
    }

    private void onDisconnected(Channel ch) {
        if (channel != ch) {
            return;
        }
        channel = null;
        relay = null;
        owner.onLost();
        boolean unwanted = closed || !owner.wantsConnection();
        String cause = closeCause != null ? closeCause : "connection closed";
        tracker.disconnected(unwanted ? null : cause);
        if (unwanted) {
            LOG.info("Upbit session {} disconnected", name);
            return;
        }
        LOG.warn("Upbit session {} lost its connection ({}); recovering", name, cause);
        scheduleReconnect(cause, 0, closingForAuthentication);
    }

    /**
     * Schedules the next attempt: the backoff's delay, but at least {@code minimumMillis} (a server's Retry-After or
     * a ban), and exactly {@code maxDelay} after an authentication refusal, so wrong keys never make a hot loop. Gives
     * up after {@code maxReconnectAttempts}.
     */
    private void scheduleReconnect(String cause, long minimumMillis, boolean authentication) {
        if (closed || !owner.wantsConnection()) {
            return;
        }
        int attempt = tracker.failed(cause, authentication);
        int max = settings.maxReconnectAttempts();
        if (max >= 0 && attempt > max) {
            LOG.error("Upbit session {} gives up after {} failed attempt(s): {}", name, attempt - 1, cause);
            tracker.gaveUp(cause);
            owner.onFailure(new UpbitConnectionException("Upbit session " + name + " gave up after " + (attempt - 1)
                    + " failed attempt(s); a route start tries again. Last failure: " + cause, null));
            return;
        }
        ReconnectBackoff backoff = settings.backoff();
        long delay = authentication ? backoff.maxMillis() : Math.max(backoff.delayMillis(attempt), minimumMillis);
        tracker.reconnecting(attempt, delay, cause);
        reconnect = loop.schedule(ScheduledTasks.logged("reconnect", this::connect), delay, TimeUnit.MILLISECONDS);
    }

    private void cancelReconnect() {
        if (reconnect != null) {
            reconnect.cancel(false);
            reconnect = null;
        }
    }

    /** The current connection is ending, and this is why (the pipeline knows better than "closed"). */
    void ending(String cause) {
        closeCause = cause;
    }

    /** Whether reading is held for the owner: silence is then ours, not Upbit's. */
    boolean isHolding() {
        return holding;
    }

    private static void holdOn(Channel c) {
        onChannelLoop(c, () -> {
            c.config().setAutoRead(false);
            InboundFrameHandler handler = c.pipeline().get(InboundFrameHandler.class);
            if (handler != null) {
                handler.hold();
            }
        });
    }

    /**
     * Runs on the channel's loop, at once when that is this one: reading is started and stopped there only, in the
     * order the owner asked, so a release never overtakes the hold that follows it.
     */
    private static void onChannelLoop(Channel c, Runnable task) {
        run(c.eventLoop(), task);
    }

    /** Runs on the owner's loop, at once when already there (the WebSocket's own callbacks may come from its loop). */
    private void onLoop(Runnable task) {
        run(loop, task);
    }

    private static void run(EventLoop where, Runnable task) {
        if (where.inEventLoop()) {
            task.run();
            return;
        }
        try {
            where.execute(task);
        } catch (RejectedExecutionException stopped) {
            // the component stops: its loops go one by one, and nothing waits for this any more
        }
    }
}
