package io.camelupbit.test;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * An embedded Upbit WebSocket server for tests and demos.
 *
 * <p>It speaks the protocol of {@code upbit-protocol.md} with its own code (it never depends on camel-upbit, so a
 * codec bug cannot pass by agreeing with itself): it validates subscribe requests like Upbit, answers with Upbit's
 * error frames, applies the replace semantics of subscriptions, the connection-wide format, the rolling connect and
 * message limits, and streams seeded, deterministic market data on a simulated clock that may run faster than the
 * wall clock. What Upbit leaves undocumented is a switch on the {@link Builder}.
 *
 * <p>Market data: {@code ticker}, {@code trade}, {@code orderbook} (depth suffix and {@code level}) and
 * {@code candle.1s} to {@code candle.240m}, every field of upbit-protocol.md §4 in all four formats, all derived
 * from one seeded random walk of trades per market (see {@link Market}). Private data: {@code myOrder} and
 * {@code myAsset} on {@link #privateUrl()}, behind a verified JWT, driven by the test through {@link #account}, and
 * {@code announcement}, pushed by {@link #announce}. Technical indicators: {@code indicator} and
 * {@code indicator_signal} on {@link #infoUrl()}, behind the same JWT, sent at candle closes, which follow the
 * simulated clock or are forced by {@link #closeCandle(String, String, BigDecimal, BigDecimal) closeCandle}.
 *
 * <pre>{@code
 * try (UpbitSimulator upbit = UpbitSimulator.builder().seed(7).speed(10)
 *         .apiKey("access-key", "secret-key").build().start()) {
 *     String url = upbit.url();                 // ws://127.0.0.1:<port>/websocket/v1
 *     String privateUrl = upbit.privateUrl();   // ws://127.0.0.1:<port>/websocket/v1/private
 *     upbit.account("access-key").deposit("KRW", new BigDecimal("1000000"));
 * }
 * }</pre>
 *
 * <p>Identical lines: connections subscribed to the same stream get the same realtime items (same trades in the
 * same order, same tickers, books and candles with the same timestamps), computed once for all of them; each has
 * its own snapshot. Private events and notices are the same for every connection that takes them. See
 * {@link SimConnection}.
 *
 * <p>Fault injection, for resilience tests: {@link #refuseHandshakes refuse}, {@link #delayHandshakes delay} or
 * {@link #stallHandshakes stall} handshakes (whichever connection's they are); on one connection, leaving the others
 * untouched: {@link SimConnection#dropAbruptly() drop it} without a close frame, {@link SimConnection#close close}
 * it with a status, make it {@link SimConnection#goSilent() silent} (half-open) and {@link SimConnection#resume()
 * resume} it, {@link SimConnection#dropNextItems(String, int) drop its next items}, {@link SimConnection#holdItems()
 * hold its items back} and {@link SimConnection#releaseItems() release} them; what a fault kept from a client is in
 * {@link SimConnection#withheldItems()}. {@link #reset()} clears the handshake faults.
 *
 * <p>Counting loss: {@link #sentLog()} records every data item written to a connection (type, code, natural key,
 * write order), so a test can check that its route got all of them; {@link #tradesSkipped()} counts trades a
 * connection far behind never got ({@link Builder#maxTradesPerTick}), and {@link Market#tradesEvicted} says whether
 * {@link Market#tradesAfter} still covers a window ({@link Builder#tradeHistory}).
 *
 * <p>REST: Upbit's Exchange API for orders and balances, and the market list, on the same port
 * ({@link #restUrl()}), over the same accounts: see {@link #restUrl()} for the endpoints, authentication and limits,
 * {@link #restCalls()} for what was asked, and {@link #restDown}, {@link #failRest}, {@link #delayRest} and
 * {@link #takeOrdersWithoutAnswer} for its faults. Orders fill when the test says so ({@link SimAccount#fill}),
 * or, with {@link Builder#fillRestingOrders}, when the simulator's own trades reach their limit price.
 *
 * <p>All network work runs on the simulator's own small event loop group; {@link #close()} stops it and leaves no
 * thread behind.
 */
public final class UpbitSimulator implements AutoCloseable {

    /** Prefix of the names of the simulator's threads. */
    public static final String THREAD_PREFIX = "upbit-sim";

    private static final Logger LOG = LoggerFactory.getLogger(UpbitSimulator.class);
    private static final int EVENT_LOOP_THREADS = 2;
    /** How often (wall clock) the simulated clock is checked for ended indicator candles. */
    private static final long CANDLE_CHECK_MILLIS = 50;
    /** How long {@link #announce} and {@link #closeCandle} wait for each connection to handle what they sent. */
    private static final long DELIVERY_TIMEOUT_SECONDS = 10;
    /** Korea Standard Time, in which Upbit writes the times of notices. */
    private static final ZoneOffset KST = ZoneOffset.ofHours(9);

    private final SimulatorSettings settings;
    private final Recorder recorder = new Recorder();
    private final ConnectionRegistry connections = new ConnectionRegistry();
    private final LongSupplier nanoClock;
    private final HandshakeLimits handshakeLimits;
    private final HandshakeAuthenticator authenticator;
    private final RestAuthenticator restAuthenticator;
    private final RestLimits restLimits;
    private final RestFaults restFaults = new RestFaults();
    private final HandshakeRefusals refusals = new HandshakeRefusals();
    private final HandshakeHold hold = new HandshakeHold();
    private final Map<String, SimAccount> accounts = new LinkedHashMap<>();
    private final SentLog sentLog;

    private volatile Market market;
    private volatile RestingOrderFills fills;
    private volatile IndicatorEngine indicators;
    private volatile EventLoopGroup group;
    private volatile Channel serverChannel;
    private volatile int port;
    private volatile boolean closed;

    private UpbitSimulator(SimulatorSettings settings) {
        this.settings = settings;
        Clock wall = settings.wallClock();
        // A test that injects a wall clock also drives the rate windows with it; otherwise use the monotonic clock.
        this.nanoClock = settings.customClock() ? () -> TimeUnit.MILLISECONDS.toNanos(wall.millis()) : System::nanoTime;
        this.handshakeLimits = new HandshakeLimits(settings, nanoClock);
        JwtVerifier verifier = new JwtVerifier(settings.apiKeys());
        NonceLedger nonces = new NonceLedger();
        this.authenticator = new HandshakeAuthenticator(verifier, nonces, recorder);
        this.restAuthenticator = new RestAuthenticator(verifier, nonces);
        this.restLimits = new RestLimits(settings.restLimits(), nanoClock);
        this.sentLog = new SentLog(settings.sentLogCapacity(), wall);
        settings.apiKeys().keySet().forEach(key -> accounts.put(key,
                new SimAccount(key, wall, this::publish, this::simulatedNow)));
    }

    /** A builder with Upbit's documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds 127.0.0.1 on the configured port (0 picks a free one) and starts serving.
     *
     * @return this simulator
     */
    public synchronized UpbitSimulator start() {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        if (closed) {
            throw new IllegalStateException("closed");
        }
        SimClock clock = new SimClock(settings.wallClock(), settings.simulatedStart(), settings.speed());
        RestingOrderFills restingFills = settings.fillRestingOrders()
                ? new RestingOrderFills(List.copyOf(accounts.values())) : null;
        market = new Market(settings.seed(), clock, settings.tickInterval(), settings.markets(),
                settings.tradeHistory(), settings.marketStatuses(),
                restingFills != null ? restingFills : TradeListener.NONE);
        group = new MultiThreadIoEventLoopGroup(EVENT_LOOP_THREADS,
                new DefaultThreadFactory(THREAD_PREFIX, true), NioIoHandler.newFactory());
        indicators = new IndicatorEngine(market, settings.seed(), connections);
        RestService rest = new RestService(new RestApi(accounts, market, settings.wallClock()), restAuthenticator,
                restLimits, restFaults, recorder, settings.wallClock());
        ServerContext context = new ServerContext(settings, recorder, connections, market, handshakeLimits,
                nanoClock, authenticator, refusals, hold, sentLog, indicators, rest,
                new SharedStreams(market, settings.orderbookLevels(), settings.maxTradesPerTick()));
        try {
            serverChannel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new SimulatorChannelInitializer(context))
                    .bind(new InetSocketAddress("127.0.0.1", settings.port()))
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) {
            shutdownGroup();
            throw e;
        }
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        if (restingFills != null) {
            restingFills.start(market, settings.tickInterval(), settings.speed());
            fills = restingFills;
        }
        group.next().scheduleAtFixedRate(this::closeDueCandles, CANDLE_CHECK_MILLIS, CANDLE_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
        LOG.info("Upbit simulator listening on {} (seed {}, speed {})", url(), settings.seed(), settings.speed());
        return this;
    }

    /**
     * Closes every connection (close status 1001), stops the server and shuts down its event loops with no quiet
     * period, waiting until their threads have ended. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (serverChannel == null) {
            return;
        }
        // First, so that no fill publishes to an event loop being shut down.
        RestingOrderFills f = fills;
        if (f != null) {
            f.close();
        }
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        hold.closeAll();
        connections.closeAll(1001, "simulator stopped");
        shutdownGroup();
        LOG.info("Upbit simulator on port {} stopped", port);
    }

    private void closeDueCandles() {
        try {
            indicators.closeDue();
        } catch (RuntimeException e) {
            // Logged, not thrown: an exception would cancel the timer.
            LOG.warn("Closing the indicator candles failed", e);
        }
    }

    private void shutdownGroup() {
        EventLoopGroup g = group;
        if (g != null) {
            g.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** The bound port (after {@link #start()}). */
    public int port() {
        return port;
    }

    /** {@code ws://127.0.0.1:<port>/websocket/v1}, or {@code wss://localhost:<port>/websocket/v1} with TLS. */
    public String url() {
        return settings.tls() == null
                ? "ws://127.0.0.1:" + port + SimulatorSettings.PUBLIC_PATH
                : "wss://localhost:" + port + SimulatorSettings.PUBLIC_PATH;
    }

    /**
     * {@code url() + "/private"}, the private endpoint (upbit-protocol.md §1, §7.1). Its handshake needs
     * {@code Authorization: Bearer <JWT>}: HS512 or HS256 over the raw UTF-8 bytes of the secret key registered with
     * {@link Builder#apiKey}, claims {@code access_key} and a {@code nonce} that key never spent (on a handshake or a
     * REST request; another key may use the same one). A missing or failing token
     * gets HTTP 401 (or, with {@link AuthFailure#ERROR_FRAME_INVALID_AUTH}, an {@code INVALID_AUTH} error frame on
     * the first message, then close). It serves {@code myOrder} (optional {@code codes}) and {@code myAsset} (no
     * {@code codes}, else {@code WRONG_FORMAT}), realtime only, from the {@link #account accounts}, and
     * {@code announcement} ({@link #announce}; optional {@code categories}, Upbit's values only, else
     * {@code INVALID_PARAM}, and {@code include_body}; {@code codes} and the snapshot flags ignored); public types
     * there get {@code INVALID_PARAM} unless {@link Builder#publicTypesOnPrivate} says to serve them, the indicator
     * types {@code INVALID_PARAM} ({@link #infoUrl()} serves them).
     */
    public String privateUrl() {
        return url() + "/private";
    }

    /**
     * {@code url() + "/info"}, the endpoint of the technical indicators (research-new-streams.md §a). Its handshake
     * needs the same JWT as {@link #privateUrl()} (any registered key: no scope is needed), with the same
     * {@link AuthFailure} behaviour and connect limits. It serves {@code indicator} and {@code indicator_signal}
     * only: any other type there gets {@code INVALID_PARAM}, as do the indicator types on the other two paths (the
     * simulator's choice: Upbit does not say). A request that fails validation there gets its error frame, then
     * the connection is closed (status 1000), as Upbit documents.
     *
     * <p>Requests: {@code codes} (required, else {@code NO_CODES}; codes that are no KRW market are accepted and
     * silently get nothing), {@code timeframe} ({@code 5m}, {@code 15m}, {@code 60m}, {@code 240m}, {@code 1d}) and
     * {@code indicators}, each with {@code type} and every one of its {@code params} from Upbit's closed sets (the
     * narrower sets for signals, plus {@code trigger} and its {@code event_params}: absent or <code>{}</code> for the
     * triggers that take none). Numbers must be JSON numbers ({@code WRONG_FORMAT}); equal values are equal
     * ({@code 2}, {@code 2.0}, {@code 2.00}) and others refused ({@code INVALID_PARAM}, e.g. {@code 2.04}). More than
     * 100 combinations (codes x indicators, summed over the message) get {@code TOO_MANY_REQUEST}. A request
     * replaces the subscription; identical combinations are served once; nothing acknowledges it and there is no
     * snapshot ({@code LIST_SUBSCRIPTIONS} lists it, params normalised).
     *
     * <p>Items: at every close of the timeframe's candle after the subscription, one {@code indicator} item per
     * combination, and an {@code indicator_signal} item when its condition turns from unmet to met (the state at
     * subscription time is computed from the history, so a condition already met does not fire). See
     * {@link #closeCandle(String)} for when candles close and what the values are computed from.
     */
    public String infoUrl() {
        return url() + "/info";
    }

    /**
     * {@code http://127.0.0.1:<port>}, or {@code https://localhost:<port>} with TLS: the base of Upbit's REST API
     * (api.upbit.com serves REST and WebSocket alike), so {@code restUrl() + "/v1/accounts"}. Requests under
     * {@code /v1/} that are no WebSocket upgrade get REST answers; keep-alive is supported.
     *
     * <p>Endpoints (research-rest.md §2), with Upbit's JSON (decimals as strings, {@code trades_count} a number,
     * {@code created_at} {@code yyyy-MM-dd'T'HH:mm:ss+09:00}, a trade's with six fraction digits):
     * {@code GET /v1/accounts} (the key's {@link SimAccount}), {@code GET /v1/orders/chance?market=},
     * {@code POST /v1/orders} (a JSON body; the order is {@link SimAccount#place placed}, so it shows on the private
     * WebSocket; 201), {@code POST /v1/orders/test} (checked the same, nothing placed, a made-up order with a new
     * uuid; 201), {@code GET} and {@code DELETE /v1/order?uuid=|identifier=} (the order with its {@code trades};
     * the cancelled order as it was when the cancel was accepted), {@code GET /v1/orders/open} (pages),
     * {@code GET /v1/orders/closed} (a window of at most 7 days), {@code GET /v1/orders/uuids} and, without a token,
     * {@code GET /v1/market/all} ({@code is_details}). Errors are <code>{"error":{"name":...,"message":...}}</code>
     * with Upbit's names; an identifier a key used before, even in a request that failed, gets
     * {@code duplicated_identifier}.
     *
     * <p>Authentication (research-rest.md §1): {@code Authorization: Bearer <JWT>}, HS512 or HS256 with the secret
     * of {@link Builder#apiKey}, claims {@code access_key}, {@code nonce} (never spent by the key before, on REST or
     * a private handshake) and, when the request has parameters, {@code query_hash}: the lowercase hex SHA-512 of
     * the decoded query string as sent (GET, DELETE) or of the JSON body's members as {@code key=value&...} in body
     * order (POST), computed here from what arrived. 401 names: {@code no_authorization_token},
     * {@code jwt_verification}, {@code invalid_query_payload}, {@code nonce_used}.
     *
     * <p>Limits (research-rest.md §3) per rolling second: {@code default} 30, {@code order} 12, {@code order-test} 8
     * per API key, {@code market} 10 per client IP ({@link Builder#restLimit}). Every answer carries
     * {@code Remaining-Req: group=<g>; min=<60 x limit>; sec=<left>}; over the limit: 429
     * {@code too_many_requests}, nothing processed, counted in {@link #restLimitViolations()}.
     */
    public String restUrl() {
        return (settings.tls() == null ? "http://127.0.0.1:" : "https://localhost:") + port;
    }

    /** Every REST request since start or the last {@link #reset()}, in arrival order, with its answer. */
    public List<RestCall> restCalls() {
        return recorder.restCalls();
    }

    /** REST requests refused with 429 by the limits since start or the last {@link #reset()} (not injected ones). */
    public int restLimitViolations() {
        return recorder.restLimitViolations();
    }

    /**
     * While {@code true}, every REST request answers 503 (<code>{"error":{"name":"service_unavailable",...}}</code>)
     * without being counted or processed; WebSocket connections are not affected. {@link #reset()} ends it.
     */
    public void restDown(boolean down) {
        restFaults.down(down);
    }

    /**
     * The next {@code times} REST requests answer this status, not counted and not processed: e.g. 429 (named
     * {@code too_many_requests}), 418, 500 ({@code internal_server_error}) or 503; other names are the status's
     * reason in snake case. Answers carry {@code Remaining-Req} as it stands. Calls queue up;
     * {@code times} 0 clears the queue, as does {@link #reset()}. {@link #restDown} comes first.
     *
     * @throws IllegalArgumentException for a negative count or a status outside 400-599
     */
    public void failRest(int status, int times) {
        restFaults.fail(status, times);
    }

    /**
     * Holds every REST answer back this long, until {@link #reset()} or {@code ZERO}: the request is handled (and
     * an order placed) when it arrives, only the answer waits (on the real clock), so a client that times out
     * does not know what became of it.
     *
     * @throws IllegalArgumentException for a null or negative delay
     */
    public void delayRest(Duration delay) {
        restFaults.delay(delay);
    }

    /**
     * The next {@code times} {@code POST /v1/orders} requests that get past the limits are handled as usual (a valid
     * order is placed in the account and shows on the private WebSocket) but then the connection is closed
     * without any answer: the case a client must not repeat blindly. Repeating it with the same
     * {@code identifier} gets {@code duplicated_identifier}; {@code GET /v1/order?identifier=} finds the order.
     * Recorded in {@link #restCalls()} with status 0. Replaces the count still pending; 0 or {@link #reset()}
     * clears it.
     *
     * @throws IllegalArgumentException for a negative count
     */
    public void takeOrdersWithoutAnswer(int times) {
        restFaults.ordersWithoutAnswer(times);
    }

    /** The currently open WebSocket connections, in accept order. */
    public List<SimConnection> connections() {
        return connections.open();
    }

    /**
     * The most recently accepted connection that is still open, waiting for one to open if there is none. An older
     * connection still open counts: close it first (or {@link #connections() look for the id}) to wait for a new one.
     *
     * @throws IllegalStateException when no connection is open within the timeout (or the wait is interrupted)
     */
    public SimConnection awaitConnection(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        try {
            SimConnection connection = connections.awaitNewest(timeout);
            if (connection == null) {
                throw new IllegalStateException("no open connection within " + timeout);
            }
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a connection", e);
        }
    }

    // ---- fault injection ------------------------------------------------------------------------------------------

    /**
     * Refuses the next {@code count} handshakes, on any path, with this plain HTTP status and no upgrade, as Upbit's
     * throttle (429, then 418 while violations go on: upbit-protocol.md §6), an auth failure (401) or a proxy
     * (503) would. The response carries a short text body with its {@code Content-Length}, {@code Connection: close},
     * and, when {@code retryAfter} is not {@code null}, {@code Retry-After: <whole seconds, rounded up>}.
     *
     * <p>An injected refusal comes before every other check: no token is verified (its nonce stays unspent, nothing
     * goes to {@link #jwts()}) and the connect and Origin limits count nothing ({@link #rateLimitViolations()}
     * neither). Each is recorded in {@link #handshakes()} with its status. Calls queue up: each adds {@code count}
     * refusals after those still queued (so {@code refuseHandshakes(2, 429, ..)} then {@code refuseHandshakes(1, 418,
     * ..)} gives 429, 429, 418); a count of 0 clears the queue, as does {@link #reset()}.
     *
     * @param count      how many handshakes to refuse; 0 clears the queue
     * @param status     the HTTP status, 400 to 599 (ignored when count is 0)
     * @param retryAfter the {@code Retry-After} to send, or {@code null} for none
     * @throws IllegalArgumentException for a negative count or retryAfter, or a status outside 400-599
     */
    public void refuseHandshakes(int count, int status, Duration retryAfter) {
        refusals.add(count, status, retryAfter, null);
    }

    /**
     * As {@link #refuseHandshakes(int, int, Duration)}, with this response body (UTF-8, {@code application/json} when
     * it starts with <code>{</code>) instead of the short text: e.g. a ban that states its length in the body.
     */
    public void refuseHandshakes(int count, int status, Duration retryAfter, String body) {
        refusals.add(count, status, retryAfter, body);
    }

    /** How many refusals queued by {@link #refuseHandshakes} have not been sent yet. */
    public int handshakesToRefuse() {
        return refusals.remaining();
    }

    /**
     * Answers every handshake (accepted or refused) this much later than it arrived, until {@link #reset()} or
     * {@code ZERO}. The verdict and the {@link #handshakes()} record are made on arrival; only the answer waits (on
     * the real monotonic clock, not on an injected {@link Builder#clock wall clock}). A new delay applies to the
     * handshakes already waiting too: {@code ZERO} answers them at once. The idle timeout does not close a socket
     * whose answer is being held.
     *
     * @throws IllegalArgumentException for a null or negative delay
     */
    public void delayHandshakes(Duration delay) {
        hold.delay(delay);
    }

    /**
     * While {@code true}, handshakes are accepted on TCP and recorded in {@link #handshakes()} (with the answer they
     * would get) but never answered: a server that never finishes the upgrade. Clients need their own handshake
     * timeout. {@code false} or {@link #reset()} releases the waiting handshakes (they get their answer, after any
     * {@link #delayHandshakes delay}); {@link #close()} closes their sockets unanswered. The idle timeout does not
     * close them.
     */
    public void stallHandshakes(boolean stall) {
        hold.stall(stall);
    }

    /**
     * How many handshakes have arrived (and are in {@link #handshakes()}) but wait for their answer, held back by
     * {@link #delayHandshakes} or {@link #stallHandshakes}. One whose client gave up is no longer counted.
     */
    public int handshakesWaiting() {
        return hold.heldCount();
    }

    /** Handshakes accepted since start or the last {@link #reset()}. */
    public int acceptedConnections() {
        return recorder.acceptedConnections();
    }

    /** Every handshake attempt since start or the last {@link #reset()}, accepted or refused, in order. */
    public List<HandshakeRecord> handshakes() {
        return recorder.handshakes();
    }

    /** Every text (or binary request) message received from clients since start or reset, in arrival order. */
    public List<ReceivedMessage> received() {
        return recorder.received();
    }

    /** The messages of {@link #received()} that were subscribe requests (had data-type objects), accepted or not. */
    public List<ReceivedMessage> subscribeMessages() {
        return recorder.subscribeMessages();
    }

    /** Messages over a connection's message limits plus handshakes refused by the connect or origin limits. */
    public int rateLimitViolations() {
        return recorder.rateLimitViolations();
    }

    /**
     * Every bearer token presented on a private handshake since start or the last {@link #reset()}, in order, with
     * the verdict (a handshake without an {@code Authorization} header presents none).
     */
    public List<JwtRecord> jwts() {
        return recorder.jwts();
    }

    /**
     * The account of an access key registered with {@link Builder#apiKey}: deposit, place, fill, trigger, prevent and
     * cancel orders of every type, or run a seeded {@link SimAccount#randomActivity random activity};
     * its events go to the key's private connections. Usable before {@link #start()} (events then reach nobody).
     *
     * @throws IllegalArgumentException when the key was not registered
     */
    public SimAccount account(String accessKey) {
        SimAccount account = accounts.get(accessKey);
        if (account == null) {
            throw new IllegalArgumentException("no API key " + accessKey + " registered (Builder.apiKey)");
        }
        return account;
    }

    /** The simulated time now, or {@code null} before {@link #start()}: when an order starts waiting. */
    private Instant simulatedNow() {
        Market m = market;
        return m == null ? null : m.now();
    }

    private void publish(String accessKey, List<DataItem> events) {
        for (SimSession session : connections.sessions()) {
            session.deliver(accessKey, events);
        }
    }

    /**
     * Pushes this notice to every private connection, whatever its API key, whose subscription has an
     * {@code announcement} object without {@code categories} (or with an empty list) or with the notice's
     * category, and waits until each connection has handled it. Its {@code body} goes only to connections that asked
     * for it ({@code include_body}: {@code true}), as JSON {@code null} when the notice has none. Times the notice
     * leaves {@code null} are stamped with the simulated clock, whole seconds, at {@code +09:00}; its
     * {@code timestamp} is the simulated clock in milliseconds. Each item written is recorded in {@link #sentLog()}.
     *
     * @return how many connections it was written to
     * @throws IllegalStateException when the simulator is not started, or a connection did not handle it in 10 s
     */
    public int announce(Announcement announcement) {
        Objects.requireNonNull(announcement, "announcement");
        Instant now = market().now();
        Announcement stamped = announcement.stamped(now.atOffset(KST).truncatedTo(ChronoUnit.SECONDS));
        List<Future<Integer>> written = new ArrayList<>();
        for (SimSession session : connections.sessions()) {
            written.add(session.announce(stamped, now.toEpochMilli()));
        }
        return sum(written);
    }

    /**
     * Closes the open candle of this timeframe for every KRW market the simulator has ({@link Market#codes()}), each
     * at its last price, sends the indicator items that follow to every info connection, and waits until each has
     * handled them. The closed candle's {@code candle_date_time_utc} is the start of the open period; the next one
     * opens after it, so repeated calls close consecutive periods even while the simulated clock stands still (the
     * next automatic close of a market then waits until the clock passes the end of the period now open).
     *
     * <p>Without this, candles close by themselves when the simulated clock passes a period's end (periods aligned
     * to UTC: 5m, 15m, 60m, 240m, and 1d at 00:00 UTC; checked every 50 ms of wall-clock time), at the period's last
     * trade price. The values come from a history per (market, timeframe): 300 past candles, seeded from the seed,
     * the code and the timeframe (a random walk ending at the market's price when the history is created, positive
     * volumes around the market's typical volume), then every close; a close's volume is drawn from the same
     * generator unless a test gives one. Values are rounded to 8 decimals.
     *
     * @param timeframe {@code 5m}, {@code 15m}, {@code 60m}, {@code 240m} or {@code 1d}
     * @return the number of items written, over all connections
     * @throws IllegalArgumentException for another timeframe
     * @throws IllegalStateException    when the simulator is not started, or a connection did not handle the close
     *                                  in 10 s
     */
    public int closeCandle(String timeframe) {
        return sum(indicators().closeOpen(timeframe(timeframe)));
    }

    /**
     * Closes the open candle of this timeframe and market with this close and volume, and sends the indicator items
     * that follow, as {@link #closeCandle(String)} does: the way to make a test deterministic. A signal fires when
     * this close turns its condition from unmet to met. Its state at subscription time comes from the seeded history,
     * so make it unmet first: e.g. for {@code rsi} period 7 {@code overbought} 70, twenty closes each 1% below the
     * previous one (no item), then one 50% above (one item), then higher ones (no item while it stays met). For
     * {@code volume_spike}, twenty closes of volume 1 then one of volume 10; for the crossovers, a run of falling
     * closes then a run of rising ones.
     *
     * @param code   a KRW market, e.g. {@code KRW-BTC} (created if new)
     * @param close  the close, positive
     * @param volume the candle's volume, not negative
     * @return the number of items written, over all connections
     * @throws IllegalArgumentException for another timeframe, a code that is no KRW market, or a bad close or volume
     * @throws IllegalStateException    when the simulator is not started, or a connection did not handle the close
     *                                  in 10 s
     */
    public int closeCandle(String timeframe, String code, BigDecimal close, BigDecimal volume) {
        Timeframe tf = timeframe(timeframe);
        if (!IndicatorEngine.supports(code)) {
            throw new IllegalArgumentException("indicators are computed for KRW markets only: " + code);
        }
        if (close == null || close.signum() <= 0 || !Double.isFinite(close.doubleValue())
                || volume == null || volume.signum() < 0 || !Double.isFinite(volume.doubleValue())) {
            throw new IllegalArgumentException("close must be positive and volume not negative: " + close + ", "
                    + volume);
        }
        return sum(indicators().close(new SeriesKey(code, tf), close, volume));
    }

    private IndicatorEngine indicators() {
        IndicatorEngine engine = indicators;
        if (engine == null) {
            throw new IllegalStateException("not started");
        }
        return engine;
    }

    private static Timeframe timeframe(String name) {
        Timeframe timeframe = Timeframe.byName(name);
        if (timeframe == null) {
            throw new IllegalArgumentException("timeframe must be 5m, 15m, 60m, 240m or 1d: " + name);
        }
        return timeframe;
    }

    /** The items the connections wrote, once each has handled its part. */
    private static int sum(List<Future<Integer>> written) {
        int items = 0;
        for (Future<Integer> f : written) {
            if (!f.awaitUninterruptibly(DELIVERY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a connection did not handle it within " + DELIVERY_TIMEOUT_SECONDS
                        + " s");
            }
            if (!f.isSuccess()) {
                throw new IllegalStateException("a connection failed to handle it", f.cause());
            }
            items += f.getNow();
        }
        return items;
    }

    /** Sends this exact payload to every open connection as a data frame (binary unless data frames are text). */
    public void pushToAll(String json) {
        connections.open().forEach(c -> c.push(json));
    }

    /**
     * Clears the recorded handshakes, tokens, messages and {@link #restCalls() REST calls}, the
     * {@link #sentLog() sent log}, the counters (skipped trades and REST limit violations included), the
     * connect/origin windows and the REST limit windows (so one test's requests do not throttle the next), the
     * handshake faults (queued refusals, delay and stall: handshakes held back get their answer now) and the REST
     * faults (down, queued failures, delay, orders without answer). Open connections, their subscriptions, message
     * windows, per-connection counters and faults (silent) stay, as do the accounts (with the identifiers their
     * keys used), the market model (indicator candle histories included) and the nonces already seen (a nonce
     * stays spent).
     */
    public void reset() {
        refusals.clear();
        hold.clear();
        recorder.reset();
        sentLog.clear();
        handshakeLimits.clear();
        restFaults.clear();
        restLimits.clear();
    }

    /**
     * Every data item written to a connection since start or the last {@link #reset()}, one {@link SentItem} per
     * item in write order over all connections, in a ring of {@link Builder#sentLog} items (default 100,000): what a
     * client can have received, to compare with what it did receive. Connections closed since keep their items.
     * Check {@link SentLog#evicted()} is 0 before treating it as complete.
     */
    public SentLog sentLog() {
        return sentLog;
    }

    /**
     * Trades never sent, over all connections since start or the last {@link #reset()}, because one tick of a trade
     * stream had more than {@link Builder#maxTradesPerTick} due (a connection far behind gets the newest) or because
     * they had already left the market's history ({@link Builder#tradeHistory}). 0 means every trade of every
     * realtime trade stream was written (see {@link SimConnection#tradesSkipped()} per connection).
     */
    public long tradesSkipped() {
        return recorder.tradesSkipped();
    }

    /** The seeded market model (available after {@link #start()}). */
    public Market market() {
        Market m = market;
        if (m == null) {
            throw new IllegalStateException("not started");
        }
        return m;
    }

    /** Builds an {@link UpbitSimulator}; every setting has Upbit's documented value or a stated default. */
    public static final class Builder {
        private int port;
        private long seed = 42;
        private double speed = 1.0;
        private Duration tickInterval = Duration.ofMillis(200);
        private final Map<String, BigDecimal> markets = new LinkedHashMap<>();
        private SslContext tls;
        private boolean compression = true;
        private Duration idleTimeout = Duration.ofSeconds(120);
        private int connectLimitPerSecond = 5;
        private int messagesPerSecond = 5;
        private int messagesPerMinute = 100;
        private OverLimitBehavior overLimit = OverLimitBehavior.CLOSE_1008;
        private boolean statusFramesAsText;
        private boolean dataFramesAsText;
        private boolean closeAfterError;
        private FormatReset formatReset = FormatReset.KEEP;
        private EmptySubscription emptySubscription = EmptySubscription.ERROR_NO_TYPE;
        private boolean acceptCamelCaseFlags;
        private boolean originLimit = true;
        private boolean pingCountsTowardLimit;
        private Clock clock;
        private Instant simulatedStart;
        private final Map<String, String> apiKeys = new LinkedHashMap<>();
        private AuthFailure authFailure = AuthFailure.HTTP_401;
        private final Map<String, List<BigDecimal>> supportedLevels = new LinkedHashMap<>(OrderbookLevels.DEFAULTS);
        private UnsupportedLevel unsupportedLevel = UnsupportedLevel.SILENCE;
        private PublicTypesOnPrivate publicTypesOnPrivate = PublicTypesOnPrivate.ERROR_INVALID_PARAM;
        private Set<String> announcementCategories = Announcement.CATEGORIES;
        private int sentLogCapacity = 100_000;
        private int tradeHistory = Market.DEFAULT_TRADE_HISTORY;
        private int maxTradesPerTick = 1_000;
        private final Map<String, MarketStatus> marketStatuses = new LinkedHashMap<>();
        private final Map<RestGroup, Integer> restLimits = new EnumMap<>(RestGroup.class);
        private boolean fillRestingOrders;

        private Builder() {
            for (RestGroup group : RestGroup.values()) {
                restLimits.put(group, group.defaultPerSecond());
            }
        }

        /** Port to bind on 127.0.0.1; 0 (default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Seed of the market model (default 42): the same seed gives the same trades per market. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Simulated clock speed relative to the wall clock (default 1.0; 10 = ten simulated seconds per second). */
        public Builder speed(double factor) {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("speed must be a positive finite factor: " + factor);
            }
            this.speed = factor;
            return this;
        }

        /** Simulated time between trades, and so between realtime updates, per market (default 200 ms). */
        public Builder tickInterval(Duration d) {
            requirePositive(d, "tickInterval");
            this.tickInterval = d;
            return this;
        }

        /**
         * Markets to create at start (so {@link Market#codes()} lists them). Known codes (KRW-BTC, KRW-ETH,
         * KRW-XRP, KRW-SOL, KRW-DOGE) start near their usual prices; any other valid code gets a starting price
         * derived from its hash. Unlisted valid codes also work: they are created when first subscribed.
         */
        public Builder markets(String... codes) {
            for (String code : codes) {
                markets.put(MarketCodes.requireValid(code), null);
            }
            return this;
        }

        /** A market with an explicit starting price (snapped to the tick grid). */
        public Builder market(String code, BigDecimal startingPrice) {
            if (startingPrice.signum() <= 0) {
                throw new IllegalArgumentException("starting price must be positive: " + startingPrice);
            }
            markets.put(MarketCodes.requireValid(code), startingPrice);
            return this;
        }

        /**
         * The listing status this market's tickers carry, instead of the default (well-known markets
         * {@link MarketStatus#ACTIVE}, others derived from the seed and the code: see {@link MarketStatus}). The
         * market is not created by this (list it in {@link #markets} for that); its trades go on whatever the status.
         *
         * <pre>{@code
         * builder.marketStatus("KRW-ABC", new MarketStatus("DELISTED", "CAUTION", true, "2026-12-01"));
         * }</pre>
         */
        public Builder marketStatus(String code, MarketStatus status) {
            marketStatuses.put(MarketCodes.requireValid(code), Objects.requireNonNull(status, "status"));
            return this;
        }

        /** Serve {@code wss} with this server context; {@link #url()} then names {@code localhost}. */
        public Builder tls(SslContext serverContext) {
            if (serverContext != null && !serverContext.isServer()) {
                throw new IllegalArgumentException("a server SslContext is required");
            }
            this.tls = serverContext;
            return this;
        }

        /** Whether permessage-deflate is accepted when a client offers it (default true, as Upbit). */
        public Builder compression(boolean enabled) {
            this.compression = enabled;
            return this;
        }

        /** Close a connection from which nothing (no frame of any kind, pings included) came for this long (120 s). */
        public Builder idleTimeout(Duration d) {
            requirePositive(d, "idleTimeout");
            this.idleTimeout = d;
            return this;
        }

        /** Accepted handshakes per rolling second for the whole simulator (Upbit: per IP), default 5; over: 429. */
        public Builder connectLimitPerSecond(int n) {
            requirePositive(n, "connectLimitPerSecond");
            this.connectLimitPerSecond = n;
            return this;
        }

        /** Request messages per rolling second and per rolling minute, per connection (default 5 and 100). */
        public Builder messageLimits(int perSecond, int perMinute) {
            requirePositive(perSecond, "perSecond");
            requirePositive(perMinute, "perMinute");
            this.messagesPerSecond = perSecond;
            this.messagesPerMinute = perMinute;
            return this;
        }

        /** What a message over the limits gets (default {@link OverLimitBehavior#CLOSE_1008}). */
        public Builder overLimit(OverLimitBehavior b) {
            this.overLimit = Objects.requireNonNull(b);
            return this;
        }

        /** Status, error and list-response frames as text (true) or binary (false, default); unknown in the doc. */
        public Builder statusFramesAsText(boolean text) {
            this.statusFramesAsText = text;
            return this;
        }

        /** Data frames as text instead of binary (default false: Upbit sends binary). */
        public Builder dataFramesAsText(boolean text) {
            this.dataFramesAsText = text;
            return this;
        }

        /** After an error frame, close the socket (true) or keep it (false, default); unknown in the doc. */
        public Builder closeAfterError(boolean close) {
            this.closeAfterError = close;
            return this;
        }

        /** What a message without a format object does to the format (default {@link FormatReset#KEEP}). */
        public Builder formatWithoutFormatObject(FormatReset r) {
            this.formatReset = Objects.requireNonNull(r);
            return this;
        }

        /** What a subscribe message without data-type objects does (default {@link EmptySubscription#ERROR_NO_TYPE}). */
        public Builder emptySubscription(EmptySubscription e) {
            this.emptySubscription = Objects.requireNonNull(e);
            return this;
        }

        /** Honour the legacy camelCase flags {@code isOnlySnapshot}/{@code isOnlyRealtime} (default false: ignored). */
        public Builder acceptCamelCaseFlags(boolean accept) {
            this.acceptCamelCaseFlags = accept;
            return this;
        }

        /** Limit handshakes that carry an {@code Origin} header to 1 per rolling 10 s, 429 beyond (default true). */
        public Builder originLimit(boolean enforce) {
            this.originLimit = enforce;
            return this;
        }

        /** Whether a text {@code PING} counts toward the message limits (default false; unknown in the doc). */
        public Builder pingCountsTowardLimit(boolean counts) {
            this.pingCountsTowardLimit = counts;
            return this;
        }

        /**
         * The wall clock (default the system UTC clock). It stamps records, drives the simulated clock and the
         * rate windows (at millisecond resolution).
         */
        public Builder clock(Clock wallClock) {
            this.clock = Objects.requireNonNull(wallClock);
            return this;
        }

        /** Where simulated time begins (default: the wall-clock time of {@link #start()}). */
        public Builder simulatedStart(Instant start) {
            this.simulatedStart = Objects.requireNonNull(start);
            return this;
        }

        /**
         * Registers an API key pair and its {@link SimAccount} (empty). Call it once per key; the same access key
         * again replaces its secret. Private handshakes and REST requests must sign their JWT with this secret (its
         * raw UTF-8 bytes).
         */
        public Builder apiKey(String accessKey, String secretKey) {
            if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isEmpty()) {
                throw new IllegalArgumentException("access key and secret key must be non-empty");
            }
            apiKeys.put(accessKey, secretKey);
            return this;
        }

        /** How a private handshake with a missing or failing JWT is refused (default {@link AuthFailure#HTTP_401}). */
        public Builder authFailure(AuthFailure failure) {
            this.authFailure = Objects.requireNonNull(failure);
            return this;
        }

        /**
         * The orderbook {@code level}s this market supports besides 0 (which always works), replacing its previous
         * set. By default KRW-BTC supports 10000, 100000 and 1000000 and every other market only 0. Only KRW
         * markets aggregate (upbit-protocol.md §2.3): other quotes accept no non-zero level.
         */
        public Builder supportedLevels(String code, BigDecimal... levels) {
            MarketCodes.requireValid(code);
            List<BigDecimal> list = new java.util.ArrayList<>();
            for (BigDecimal level : levels) {
                if (level == null || level.signum() < 0) {
                    throw new IllegalArgumentException("levels must be non-negative: " + level);
                }
                if (level.signum() > 0) {
                    list.add(level);
                }
            }
            if (!list.isEmpty() && !"KRW".equals(MarketCodes.quote(code))) {
                throw new IllegalArgumentException("only KRW markets support non-zero levels: " + code);
            }
            supportedLevels.put(code, List.copyOf(list));
            return this;
        }

        /** What an orderbook subscription with an unsupported level gets (default {@link UnsupportedLevel#SILENCE}). */
        public Builder unsupportedLevel(UnsupportedLevel behaviour) {
            this.unsupportedLevel = Objects.requireNonNull(behaviour);
            return this;
        }

        /**
         * What public types requested on the private path get (default
         * {@link PublicTypesOnPrivate#ERROR_INVALID_PARAM}; the doc lists only private types there).
         */
        public Builder publicTypesOnPrivate(PublicTypesOnPrivate behaviour) {
            this.publicTypesOnPrivate = Objects.requireNonNull(behaviour);
            return this;
        }

        /**
         * The notice categories an {@code announcement} subscription may name (default {@link Announcement#CATEGORIES},
         * Upbit's eight); any other gets {@code INVALID_PARAM}. Fewer stand for an Upbit that dropped a category a
         * client still knows.
         */
        public Builder announcementCategories(String... categories) {
            this.announcementCategories = Set.of(categories);
            return this;
        }

        /**
         * How many items {@link UpbitSimulator#sentLog()} keeps, the newest (default 100,000); 0 records nothing.
         * Each item is a small record: size the ring to the test's window and assert
         * {@link SentLog#evicted()} is 0.
         */
        public Builder sentLog(int capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("sentLog capacity must not be negative: " + capacity);
            }
            this.sentLogCapacity = capacity;
            return this;
        }

        /**
         * How many of the newest trades each market keeps for {@link Market#tradesAfter} (default 10,000, at least
         * 1). Older trades fall out, counted by {@link Market#tradesEvicted}. It also bounds how far back a trade
         * stream can catch up: a connection behind by more than this misses the trades in between (counted in
         * {@link UpbitSimulator#tradesSkipped()}).
         */
        public Builder tradeHistory(int perMarket) {
            requirePositive(perMarket, "tradeHistory");
            this.tradeHistory = perMarket;
            return this;
        }

        /**
         * At most this many trades per trade stream and tick (default 1,000, at least 1), and as many books per
         * orderbook stream (one per trade): a connection far behind (at high speed, or one the client does not read)
         * gets the newest and skips the older ones, rather than an unbounded burst. Skipped trades are counted ({@link UpbitSimulator#tradesSkipped()},
         * {@link SimConnection#tradesSkipped()}) and logged (WARN the first time per connection, then DEBUG). It
         * also bounds what a connection whose client does not read keeps of each of its other streams (tickers,
         * books, candles): the newest this many items, sent when it reads again.
         */
        public Builder maxTradesPerTick(int max) {
            requirePositive(max, "maxTradesPerTick");
            this.maxTradesPerTick = max;
            return this;
        }

        /**
         * The REST requests per rolling second of one of Upbit's groups, instead of its default: {@code default}
         * (30 per API key), {@code order} (12 per key), {@code order-test} (8 per key) or {@code market} (10 per
         * client IP).
         *
         * @throws IllegalArgumentException for another group or a limit below 1
         */
        public Builder restLimit(String group, int perSecond) {
            RestGroup g = RestGroup.byName(group);
            if (g == null) {
                throw new IllegalArgumentException("group must be default, order, order-test or market: " + group);
            }
            requirePositive(perSecond, "perSecond");
            restLimits.put(g, perSecond);
            return this;
        }

        /**
         * Whether the market fills resting limit orders by itself (default {@code false}: nothing fills unless the
         * test calls {@link SimAccount#fill}), so that an app placing limit orders over REST ({@code POST /v1/orders})
         * or a test placing them with {@link SimAccount#place} sees them filled as on a real exchange.
         *
         * <p>When {@code true}, every trade the market model generates after the simulated start (the trades of
         * {@link Market#tradesAfter} and the {@code trade} stream), market by market in trade order, is matched
         * against the orders of every account (in the order their keys were registered, each account's orders in
         * placement order). It fills each order that is:
         * <ul>
         *   <li>a {@code limit} order (any time in force) of the trade's market, in state {@code wait};</li>
         *   <li>waiting since before the trade, in simulated time: placed (or, for a stop-limit order, triggered by
         *       {@link SimAccount#trigger}) when {@link Market#now()} was earlier than the trade's time, or before
         *       {@link UpbitSimulator#start()}. An order placed after a trade is only filled by later trades;</li>
         *   <li>reached by the trade's price: a bid when the trade's price is at or below its price, an ask when it
         *       is at or above.</li>
         * </ul>
         * The order is filled whole, in one fill of all its remaining volume at its own limit price (never the
         * trade's price, whatever the trade's volume: partial fills are not modelled), exactly as
         * {@link SimAccount#fill(String, BigDecimal) fill(uuid, remaining volume)}: {@code myOrder} with
         * {@code state=trade}, then {@code done}, then {@code myAsset}, with the same fee (0.05 % of the notional;
         * a maker fill unless the order is {@code ioc} or {@code fok}), lock release and balances; the REST API
         * shows the fill in the order's {@code trades}. Orders in {@code watch} (stop-limit, not triggered) are
         * not filled, nor triggered by the market; {@code price}, {@code market} and {@code best} orders are left
         * to the test, as without this option.
         *
         * <p>The matching runs on a thread of its own ({@code upbit-sim-fills-*}, stopped by
         * {@link UpbitSimulator#close()}), never on an event loop. Trades are generated whenever a market is read
         * (by a connection's ticks, a REST request or the test); the thread also advances the markets that have
         * waiting limit orders every tick interval at the simulator's speed (at most 50 ms and at least 1 ms of
         * real time), so they trade even when no connection reads them, and then fills what the trades generated
         * meanwhile reached. A fill therefore follows its trade by up to that period, so a test awaits it (the
         * {@code trade} message of the public stream may come before or after the fill). Under a frozen
         * {@link #clock wall clock} nothing trades, so nothing fills until the clock moves.
         */
        public Builder fillRestingOrders(boolean enabled) {
            this.fillRestingOrders = enabled;
            return this;
        }

        /** A simulator with these settings, not yet started. */
        public UpbitSimulator build() {
            return new UpbitSimulator(new SimulatorSettings(port, seed, speed, tickInterval, java.util.Collections.unmodifiableMap(nonNull()),
                    tls, compression, idleTimeout, connectLimitPerSecond, messagesPerSecond, messagesPerMinute,
                    overLimit, statusFramesAsText, dataFramesAsText, closeAfterError, formatReset,
                    emptySubscription, acceptCamelCaseFlags, originLimit, pingCountsTowardLimit,
                    clock == null ? Clock.systemUTC() : clock, clock != null, simulatedStart, 64 * 1024,
                    Map.copyOf(apiKeys), authFailure, new OrderbookLevels(supportedLevels, unsupportedLevel),
                    publicTypesOnPrivate, sentLogCapacity, tradeHistory, maxTradesPerTick,
                    Map.copyOf(marketStatuses), Set.copyOf(announcementCategories), Map.copyOf(restLimits),
                    fillRestingOrders));
        }

        // A zero price means "derive it"; a LinkedHashMap keeps the order the markets were listed in.
        private Map<String, BigDecimal> nonNull() {
            Map<String, BigDecimal> copy = new LinkedHashMap<>();
            markets.forEach((code, price) -> copy.put(code, price == null ? BigDecimal.ZERO : price));
            return copy;
        }

        private static void requirePositive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
        }

        private static void requirePositive(int n, String name) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be at least 1: " + n);
            }
        }
    }
}
