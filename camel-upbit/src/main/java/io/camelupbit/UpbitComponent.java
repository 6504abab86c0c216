package io.camelupbit;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

import io.camelupbit.auth.JwtAlgorithm;
import io.camelupbit.auth.JwtAuthorization;
import io.camelupbit.auth.UpbitCredentials;
import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.metrics.UpbitMetricsBinding;
import io.camelupbit.session.ConnectThrottle;
import io.camelupbit.session.Delivery;
import io.camelupbit.rest.AccountReads;
import io.camelupbit.rest.RestClient;
import io.camelupbit.rest.RestLimits;
import io.camelupbit.rest.UpbitRest;
import io.camelupbit.session.IndicatorBudget;
import io.camelupbit.session.LevelLanes;
import io.camelupbit.net.OffLoopResolverGroup;
import io.camelupbit.net.ProxySettings;
import io.camelupbit.session.ReconnectBackoff;
import io.camelupbit.session.RateLimitPolicy;
import io.camelupbit.session.SessionSettings;
import io.camelupbit.session.SubscriptionSpec;
import io.camelupbit.session.UpbitSession;
import io.camelupbit.wire.UpbitFormat;
import io.netty.util.NetUtil;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.PromiseCombiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Upbit component: every route on one channel shares one WebSocket session, owned here together with the I/O
 * threads and the delivery pool.
 */
@Component("upbit")
public class UpbitComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(UpbitComponent.class);
    /** Threads that look up host names, off the event loops. */
    static final int RESOLVER_THREADS = 2;
    /** The most shards of the public channel: each is a connection against Upbit's per-IP limits. */
    static final int MAX_SHARDS = 8;
    /**
     * Lines of a private or info channel at most: Upbit documents no cap on simultaneous connections but says private
     * ones beyond a few may be refused (src/test/resources/upbit-docs/research-lines.md).
     */
    static final int MAX_PRIVATE_LINES = 2;
    /** REST connections at most: Upbit's limits count requests (30/s at most per group), not connections. */
    static final int REST_CONNECTIONS = 8;
    static final Duration REST_IDLE = Duration.ofSeconds(30);
    /** Requests per operation at most, the first included (a 429, a lost connection, a 5xx may each cost one). */
    static final int REST_ATTEMPTS = 3;
    /** Whether Micrometer (an optional dependency) is there: only then are the upbit.* meters bound. */
    private static final boolean MICROMETER = isPresent("io.micrometer.core.instrument.MeterRegistry");

    // no defaultValue: it follows region, and a "default" copied into properties would silently override region
    @Metadata(label = "common")
    private String url;
    @Metadata(label = "common", defaultValue = "KR", enums = "KR,SG,ID,TH")
    private String region = UpbitRegion.KR.name();
    @Metadata(label = "security")
    private String privateUrl;
    @Metadata(label = "security")
    private String infoUrl;
    @Metadata(label = "producer")
    private String restUrl;
    @Metadata(label = "producer", defaultValue = "10000", javaType = "java.time.Duration")
    private long restTimeout = 10_000;
    @Metadata(label = "security", secret = true)
    private String accessKey;
    @Metadata(label = "security", secret = true)
    private String secretKey;
    @Metadata(label = "security", defaultValue = "HS512", enums = "HS512,HS256")
    private String jwtAlgorithm = JwtAlgorithm.HS512.name();
    @Metadata(label = "common", defaultValue = "DEFAULT", enums = "DEFAULT,SIMPLE,JSON_LIST,SIMPLE_LIST")
    private String format = UpbitFormat.DEFAULT.name();
    @Metadata(label = "advanced", defaultValue = "true")
    private boolean compression = true;
    @Metadata(label = "advanced", defaultValue = "1048576")
    private int maxFrameSize = 1024 * 1024;
    @Metadata(label = "security", defaultValue = "false")
    private boolean allowInsecure;
    /** Resolves host names off the event loops. */
    private OffLoopResolverGroup resolver;
    private OffLoopResolverGroup.HostLookup hostLookup = InetAddress::getAllByName;
    @Metadata(label = "security")
    private SSLContextParameters sslContextParameters;
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "advanced", defaultValue = "50", javaType = "java.time.Duration")
    private long sendLinger = 50;
    @Metadata(label = "advanced", defaultValue = "balanced", enums = "conservative,balanced,aggressive")
    private String rateLimitStrategy = "balanced";
    @Metadata(label = "advanced", defaultValue = "3")
    private int errorThreshold = 3;
    @Metadata(label = "advanced", defaultValue = "0.7")
    private double reductionRatio = 0.7;
    @Metadata(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long recoveryDelay = 60_000;
    @Metadata(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long heartbeatInterval = 30_000;
    @Metadata(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long idleTimeout = 60_000;
    @Metadata(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long baseDelay = 1000;
    @Metadata(label = "advanced", defaultValue = "2")
    private double backoffMultiplier = 2;
    @Metadata(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long maxDelay = 30_000;
    @Metadata(label = "advanced", defaultValue = "0.5")
    private double jitter = 0.5;
    @Metadata(label = "advanced", defaultValue = "-1")
    private int maxReconnectAttempts = -1;
    @Metadata(label = "advanced", defaultValue = "600000", javaType = "java.time.Duration")
    private long banPause = 600_000;
    @Metadata(label = "advanced", defaultValue = "600000", javaType = "java.time.Duration")
    private long maxRetryAfter = 600_000;
    @Metadata(label = "advanced", defaultValue = "300000", javaType = "java.time.Duration")
    private long subscriptionCheckInterval = 300_000;
    @Metadata(label = "proxy")
    private String proxyHost;
    @Metadata(label = "proxy")
    private Integer proxyPort;
    @Metadata(label = "proxy", defaultValue = "HTTP", enums = "HTTP,SOCKS5")
    private String proxyType = "HTTP";
    @Metadata(label = "proxy", secret = true)
    private String proxyUsername;
    @Metadata(label = "proxy", secret = true)
    private String proxyPassword;
    @Metadata(label = "health", defaultValue = "10000", javaType = "java.time.Duration")
    private long disconnectedThreshold = 10_000;
    @Metadata(label = "health", defaultValue = "3")
    private int consecutiveErrorsThreshold = 3;
    @Metadata(label = "health", defaultValue = "5")
    private int reconnectsThreshold = 5;
    @Metadata(label = "health", defaultValue = "600000", javaType = "java.time.Duration")
    private long reconnectsWindow = 600_000;
    @Metadata(label = "health", defaultValue = "30000", javaType = "java.time.Duration")
    private long pauseThreshold = 30_000;
    @Metadata(label = "advanced", defaultValue = "5000", javaType = "java.time.Duration")
    private long connectionLinger = 5000;
    @Metadata(label = "advanced", defaultValue = "1")
    private int redundancy = 1;
    @Metadata(label = "advanced", defaultValue = "overlap", enums = "replace,overlap")
    private String resubscribe = "overlap";
    @Metadata(label = "advanced", defaultValue = "1")
    private int shards = 1;
    @Metadata(label = "advanced")
    private Integer ioThreads;
    @Metadata(label = "advanced", defaultValue = "2000", javaType = "java.time.Duration")
    private long shutdownQuietPeriod = 2000;

    private final Map<String, UpbitSession> sessions = new ConcurrentHashMap<>();
    /** The lanes of the public channel's orderbook levels, and each route's lane; guarded by {@link #sessions}. */
    private final LevelLanes lanes = new LevelLanes();
    private final Map<Delivery, Integer> laneOf = new HashMap<>();
    /** Per info session key, the indicator combinations its routes hold, and each route's budget; same lock. */
    private final Map<String, IndicatorBudget> budgets = new HashMap<>();
    private final Map<Delivery, IndicatorBudget> budgetOf = new HashMap<>();
    private EventLoopGroup ioGroup;
    /** The event loops of {@link #ioGroup}: shard i of the public channel reads on loop i (modulo their number). */
    private final List<EventLoop> loops = new ArrayList<>();
    private ExecutorService deliveryExecutor;
    private UpbitFormat connectionFormat;
    private boolean overlap;
    private JwtAlgorithm signatureAlgorithm;
    private final List<Consumer<ConnectionEvent>> lifecycleListeners = new CopyOnWriteArrayList<>();
    private DoubleSupplier jitterSource = () -> ThreadLocalRandom.current().nextDouble();
    private ReconnectBackoff backoff;
    private ProxySettings proxy;
    private RateLimitPolicy ratePolicy;
    private ConnectThrottle connectThrottle;
    private URI publicUrl;
    private KeyedUrl privateChannel;
    private KeyedUrl infoChannel;
    private SSLContext sslContext;
    private URI restUri;
    private RestClient restClient;
    private UpbitRest rest;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        UpbitConfiguration configuration = new UpbitConfiguration();
        configuration.setType(remaining);
        UpbitEndpoint endpoint = new UpbitEndpoint(uri, this, configuration);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connectionFormat = enumOption("format", format, UpbitFormat.class);
        signatureAlgorithm = enumOption("jwtAlgorithm", jwtAlgorithm, JwtAlgorithm.class);
        ratePolicy = new RateLimitPolicy(strategy(), errorThreshold, reductionRatio,
                TimeUnit.MILLISECONDS.toNanos(recoveryDelay), System::nanoTime);
        connectThrottle = new ConnectThrottle(System::nanoTime);
        if (heartbeatInterval < 1 || idleTimeout <= heartbeatInterval) {
            throw new IllegalArgumentException("Options heartbeatInterval and idleTimeout must satisfy 0 < "
                    + "heartbeatInterval < idleTimeout (a pong needs time to come back), got " + heartbeatInterval
                    + " ms and " + idleTimeout + " ms");
        }
        if (subscriptionCheckInterval < 0) {
            throw new IllegalArgumentException("Option subscriptionCheckInterval must be 0 (off) or a positive "
                    + "duration, got " + subscriptionCheckInterval + " ms");
        }
        if (redundancy < 1 || redundancy > 3) {
            throw new IllegalArgumentException("Option redundancy must be 1, 2 or 3 (connections per channel carrying "
                    + "the same subscription), got " + redundancy);
        }
        if (!"replace".equals(resubscribe) && !"overlap".equals(resubscribe)) {
            throw UpbitConfiguration.invalid("resubscribe", resubscribe, "replace,overlap");
        }
        overlap = "overlap".equals(resubscribe);
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new IllegalArgumentException("Option shards must be between 1 and " + MAX_SHARDS + " (connections "
                    + "the public channel's codes are split over), got " + shards);
        }
        if (ioThreads != null && ioThreads < 1) {
            throw new IllegalArgumentException("Option ioThreads must be at least 1, got " + ioThreads);
        }
        if (maxReconnectAttempts < -1) {
            throw new IllegalArgumentException("Option maxReconnectAttempts must be -1 (never give up) or >= 0, got "
                    + maxReconnectAttempts);
        }
        backoff = new ReconnectBackoff(baseDelay, backoffMultiplier, maxDelay, jitter, jitterSource);
        proxy = proxySettings();
        publicUrl = checkedUrl("url", effectiveUrl(), false);
        privateChannel = keyedUrl("privateUrl", privateUrl, effectivePrivateUrl());
        infoChannel = keyedUrl("infoUrl", infoUrl, effectiveInfoUrl());
        SSLContextParameters ssl = sslContextParameters != null ? sslContextParameters
                : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
        sslContext = ssl != null ? ssl.createSSLContext(getCamelContext()) : null;
        if (restTimeout < 1) {
            throw new IllegalArgumentException("Option restTimeout must be positive, got " + restTimeout + " ms");
        }
        restUri = checkedRestUrl(effectiveRestUrl());
        if (restUrl == null && isLiteralLoopback(publicUrl.getHost())) {
            // a simulator or a local test server, with REST still going to Upbit: surely not what was meant
            LOG.warn("Option url points at {} but restUrl is not set: orders, accounts and the reconciliation of "
                    + "myOrder/myAsset routes go to {}; set restUrl (the simulator serves REST on the same port)",
                    publicUrl.getAuthority(), restUri);
        }
        resolver = new OffLoopResolverGroup(RESOLVER_THREADS, hostLookup);
        int threads = ioThreads != null ? ioThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
        ioGroup = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("upbit-io", true),
                NioIoHandler.newFactory());
        loops.clear();
        ioGroup.forEach(executor -> loops.add((EventLoop) executor));
        // threads only for routes busy at the same moment (a mailbox is drained by one task at a time), so a route
        // blocked in its processor never starves another, and idle routes hold no thread
        deliveryExecutor = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "UpbitDelivery");
        // no connection until the first operation: a component of stream routes only never opens one; answers are
        // read on the delivery threads, where the routes that asked go on
        restClient = new RestClient(restUri, sslContext, proxy, resolver, ioGroup, REST_CONNECTIONS,
                Duration.ofMillis(restTimeout), REST_IDLE);
        rest = new UpbitRest(restClient, new RestLimits(System::nanoTime, strategy().share()), ioGroup,
                deliveryExecutor, REST_ATTEMPTS, Duration.ofMillis(banPause));
        if (MICROMETER) {
            UpbitMetricsBinding.bind(getCamelContext());
        }
    }

    @Override
    protected void doStop() throws Exception {
        sessions.values().forEach(UpbitSession::close);
        sessions.clear();
        if (restClient != null) {
            restClient.close();
            restClient = null;
        }
        if (deliveryExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(deliveryExecutor);
            deliveryExecutor = null;
        }
        if (ioGroup != null) {
            ioGroup.shutdownGracefully(shutdownQuietPeriod, Math.max(shutdownQuietPeriod, 5000), TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(Math.max(shutdownQuietPeriod, 5000) + 1000, TimeUnit.MILLISECONDS);
            ioGroup = null;
        }
        if (resolver != null) {
            resolver.close();
            resolver = null;
        }
        super.doStop();
    }

    /**
     * Registers a route on the session its endpoint uses, created on first use: one public session shared by every
     * public route (plus one more for each further orderbook level a market is asked at, see {@link LevelLanes}), one
     * private session per API key. With {@code shards}, the public channel is one session per shard, and a route is
     * on each shard that holds some of its codes, with those codes ({@link Shards}). Finding the sessions and
     * registering on them happen under the lock that also guards retiring an idle session, so a route never lands on
     * a session being retired.
     *
     * @return the sessions the route is now on
     */
    List<UpbitSession> join(UpbitConfiguration configuration, Delivery delivery, boolean afterGap) {
        synchronized (sessions) {
            if (configuration.isInfo()) {
                // throws, holding nothing, when the route would take its connection beyond Upbit's limit
                IndicatorBudget budget = budgets.computeIfAbsent(keyedSessionKey(configuration),
                        k -> new IndicatorBudget());
                budget.claim(delivery.spec());
                budgetOf.put(delivery, budget);
            }
            // 0 for every type but the public orderbook
            SubscriptionSpec spec = delivery.spec();
            int lane = lanes.claim(spec);
            laneOf.put(delivery, lane);
            if (configuration.needsKeys() || shards == 1 || spec.codes().isEmpty()) {
                UpbitSession session = session(configuration, lane, 0);
                session.register(delivery, afterGap);
                return List.of(session);
            }
            List<UpbitSession> on = new ArrayList<>();
            Shards.split(spec.codes(), shards).forEach((shard, codes) -> {
                UpbitSession session = session(configuration, lane, shard);
                session.register(delivery, spec.withCodes(codes), afterGap);
                on.add(session);
            });
            return List.copyOf(on);
        }
    }

    /**
     * Takes a route off its sessions (again: a no-op) and frees its orderbook level's lane and its indicator
     * combinations; a route whose join failed (no session) holds nothing.
     *
     * @return done when the route is out of every session's index
     */
    Future<?> leave(List<UpbitSession> sessions, Delivery delivery) {
        if (sessions.isEmpty()) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(null);
        }
        synchronized (sessions) {
            Integer lane = laneOf.remove(delivery);
            if (lane != null) {
                lanes.release(lane, delivery.spec());
            }
            IndicatorBudget budget = budgetOf.remove(delivery);
            if (budget != null) {
                budget.release(delivery.spec());
            }
        }
        if (sessions.size() == 1) {
            return sessions.get(0).unregister(delivery);
        }
        Promise<Void> all = ImmediateEventExecutor.INSTANCE.newPromise();
        PromiseCombiner combiner = new PromiseCombiner(ImmediateEventExecutor.INSTANCE);
        for (UpbitSession session : sessions) {
            @SuppressWarnings("unchecked")
            Future<Object> left = (Future<Object>) session.unregister(delivery);
            combiner.add(left);
        }
        combiner.finish(all);
        return all;
    }

    private UpbitSession session(UpbitConfiguration configuration, int lane, int shard) {
        if (!configuration.needsKeys()) {
            // lane 0, shard 0 keeps the key and name it always had; a further lane is the channel's connection lane
            // + 1, a further shard is named by its number
            String suffix = (lane == 0 ? "" : "#" + (lane + 1)) + (shards == 1 ? "" : "-shard" + (shard + 1));
            String key = "public|" + publicUrl + suffix;
            String connectionId = (lane + 1) + (shards == 1 ? "" : "." + (shard + 1));
            return sessions.computeIfAbsent(key, k -> newSession(key, "public" + suffix + "@"
                    + publicUrl.getAuthority(), connectionId, publicUrl, "public", null, loops.get(shard
                    % loops.size())));
        }
        UpbitCredentials keys = credentials(configuration);
        String access = keys.getAccessKey();
        String secret = keys.getSecretKey();
        String channel = configuration.isInfo() ? "info" : "private";
        URI uri = configuration.isInfo() ? infoChannel.uri() : privateChannel.uri();
        String key = keyedSessionKey(configuration);
        String name = channel + "#" + Integer.toHexString(access.hashCode()) + "@" + uri.getAuthority();
        return sessions.computeIfAbsent(key, k -> newSession(key, name, "1", uri, channel,
                new JwtAuthorization(access, secret, signatureAlgorithm), ioGroup.next()));
    }

    /**
     * The session key of a private or info route: one session per channel and API key. It holds the access key (not
     * the secret) and is never logged; the session's name shows a hash of it.
     */
    private String keyedSessionKey(UpbitConfiguration configuration) {
        String access = credentials(configuration).getAccessKey();
        return configuration.isInfo() ? "info|" + infoChannel.uri() + "|" + access
                : "private|" + privateChannel.uri() + "|" + access;
    }

    /** A session's last route left connectionLinger ago: it goes, with the credentials it holds. */
    private void retire(String key, UpbitSession session) {
        synchronized (sessions) {
            if (sessions.get(key) == session && session.retireIfIdle()) {
                sessions.remove(key);
            }
        }
    }

    /** The public session (with shards, the first shard's), if one was created. */
    UpbitSession publicSession() {
        return sessions.get("public|" + publicUrl + (shards == 1 ? "" : "-shard1"));
    }

    private UpbitSession newSession(String key, String name, String connectionId, URI url, String channel,
                                    JwtAuthorization authorization, EventLoop loop) {
        SessionSettings settings = new SessionSettings(url, channel, sslContext,
                proxy, resolver, compression, maxFrameSize, connectionFormat, Duration.ofMillis(sendLinger),
                Duration.ofMillis(connectionLinger), Duration.ofMillis(heartbeatInterval),
                Duration.ofMillis(idleTimeout), backoff, maxReconnectAttempts, Duration.ofMillis(banPause),
                Duration.ofMillis(maxRetryAfter), Duration.ofMillis(subscriptionCheckInterval), authorization);
        int lines = "public".equals(channel) ? redundancy : Math.min(redundancy, MAX_PRIVATE_LINES);
        if (lines < redundancy) {
            LOG.info("Upbit session {} keeps {} lines, not {} (option redundancy): Upbit may refuse further "
                    + "simultaneous connections of one API key", name, lines, redundancy);
        }
        UpbitSession[] created = new UpbitSession[1];
        // a connection taking a line's place is one more for a moment: on a private channel only within its cap
        boolean replaceByOverlap = overlap && ("public".equals(channel) || lines < MAX_PRIVATE_LINES);
        created[0] = new UpbitSession(name, connectionId, lines, replaceByOverlap, settings, loop,
                lineLoops(loop, lines), ratePolicy, connectThrottle, this::publish, () -> retire(key, created[0]));
        return created[0];
    }

    /**
     * Where a session's lines read: the first on the session's own loop, each further one on the next loop, so that
     * the lines of a redundant channel decode on as many threads (as far as there are threads).
     */
    private List<EventLoop> lineLoops(EventLoop first, int lines) {
        int start = Math.max(0, loops.indexOf(first));
        List<EventLoop> lineLoops = new ArrayList<>(lines);
        for (int line = 0; line < lines; line++) {
            lineLoops.add(loops.get((start + line) % loops.size()));
        }
        return lineLoops;
    }

    private ProxySettings proxySettings() {
        boolean credentials = isSet(proxyUsername) || isSet(proxyPassword);
        if (credentials && !(isSet(proxyUsername) && isSet(proxyPassword))) {
            throw new IllegalArgumentException("Options proxyUsername and proxyPassword go together: set both or none");
        }
        if (proxyHost == null || proxyHost.isBlank()) {
            if (credentials) {
                throw new IllegalArgumentException("Options proxyUsername and proxyPassword need proxyHost");
            }
            return null;
        }
        if (proxyPort == null || proxyPort < 1 || proxyPort > 65535) {
            throw new IllegalArgumentException("Option proxyPort must be a port (1-65535) when proxyHost is set, got "
                    + proxyPort);
        }
        return new ProxySettings(enumOption("proxyType", proxyType, ProxySettings.Type.class), proxyHost, proxyPort,
                proxyUsername, proxyPassword);
    }

    /** Hands a session's lifecycle event to every {@code upbit:connection} consumer. */
    private void publish(ConnectionEvent event) {
        for (Consumer<ConnectionEvent> listener : lifecycleListeners) {
            listener.accept(event);
        }
    }

    /** Adds an {@code upbit:connection} listener and tells it the current state of every session. */
    void addLifecycleListener(Consumer<ConnectionEvent> listener) {
        lifecycleListeners.add(listener);
        sessions.values().forEach(session -> listener.accept(session.tracker().current()));
    }

    void removeLifecycleListener(Consumer<ConnectionEvent> listener) {
        lifecycleListeners.remove(listener);
    }

    /** Tests replace the blocking name lookup (one that sleeps, say); call before the component starts. */
    void hostLookup(OffLoopResolverGroup.HostLookup lookup) {
        this.hostLookup = lookup;
    }

    /** Tests replace the jitter's random source to assert the scheduled delays; call before the component starts. */
    void jitterSource(DoubleSupplier source) {
        this.jitterSource = source;
    }

    /** The health thresholds of this component's consumers. */
    HealthThresholds healthThresholds() {
        return new HealthThresholds(Duration.ofMillis(disconnectedThreshold), consecutiveErrorsThreshold,
                reconnectsThreshold, Duration.ofMillis(reconnectsWindow), Duration.ofMillis(pauseThreshold));
    }

    /**
     * A private endpoint needs an access key and a secret key: from a credentials bean, both on the endpoint, or both
     * from the component.
     *
     * @throws IllegalArgumentException naming the options
     */
    void checkCredentials(UpbitConfiguration configuration) {
        KeyedUrl channel = configuration.isInfo() ? infoChannel : privateChannel;
        if (channel != null && channel.refusal() != null) {
            throw new IllegalArgumentException(channel.refusal());
        }
        boolean endpointKey = configuration.getAccessKey() != null || configuration.getSecretKey() != null;
        if (configuration.getCredentials() != null) {
            if (endpointKey) {
                throw new IllegalArgumentException("Option credentials of upbit:" + configuration.getType()
                        + " names the keys: do not also set accessKey or secretKey on the endpoint");
            }
            if (!configuration.getCredentials().isComplete()) {
                throw new IllegalArgumentException("Option credentials of upbit:" + configuration.getType()
                        + " names a bean without an access key and a secret key: set both on it");
            }
            return;
        }
        boolean complete = endpointKey
                ? isSet(configuration.getAccessKey()) && isSet(configuration.getSecretKey())
                : isSet(accessKey) && isSet(secretKey);
        if (!complete) {
            throw new IllegalArgumentException("Options accessKey and secretKey are required for upbit:"
                    + configuration.getType() + " (Upbit authenticates its connection): set both on the component "
                    + "(camel.component.upbit.accessKey and camel.component.upbit.secretKey), name a bean holding them "
                    + "(credentials=#myKeys), or set both on the endpoint");
        }
    }

    /** The signer of an operation's requests, for the endpoint's keys. */
    JwtAuthorization restKeys(UpbitConfiguration configuration) {
        UpbitCredentials keys = credentials(configuration);
        return new JwtAuthorization(keys.getAccessKey(), keys.getSecretKey(), signatureAlgorithm);
    }

    /** The access key an endpoint uses; REST limits count per key. */
    String accessKeyOf(UpbitConfiguration configuration) {
        return credentials(configuration).getAccessKey();
    }

    /** The account's paged reads with the endpoint's keys; valid once the component started. */
    AccountReads accountReads(UpbitConfiguration configuration) {
        return new AccountReads(rest, restKeys(configuration), accessKeyOf(configuration),
                configuration.getMaxPages());
    }

    /** The channels' reconnect backoff, which reconciliations that failed follow too; valid once started. */
    ReconnectBackoff backoff() {
        return backoff;
    }

    /** The keys an endpoint uses: its credentials bean, its own keys, or the component's, in that order. */
    private UpbitCredentials credentials(UpbitConfiguration configuration) {
        if (configuration.getCredentials() != null) {
            return configuration.getCredentials();
        }
        return configuration.getAccessKey() != null
                ? new UpbitCredentials(configuration.getAccessKey(), configuration.getSecretKey())
                : new UpbitCredentials(accessKey, secretKey);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    ExecutorService deliveryExecutor() {
        return deliveryExecutor;
    }

    /** For short timed checks that never block (a poller's idle check): the component's event loops. */
    ScheduledExecutorService timer() {
        return ioGroup;
    }

    /** The public URL in use: {@code url} when set, else the region's. */
    /**
     * Where an endpoint's traffic goes, for Camel's service map: the REST API for an operation, else its channel's
     * WebSocket (addresses only: no key is in them).
     */
    String serviceUrl(UpbitConfiguration configuration) {
        if (configuration.operation() != null) {
            return effectiveRestUrl();
        }
        if (configuration.isInfo()) {
            return effectiveInfoUrl();
        }
        return configuration.isPrivate() ? effectivePrivateUrl() : effectiveUrl();
    }

    String effectiveUrl() {
        return url != null ? url : enumOption("region", region, UpbitRegion.class).publicUrl();
    }

    private RateLimitPolicy.Strategy strategy() {
        for (RateLimitPolicy.Strategy strategy : RateLimitPolicy.Strategy.values()) {
            if (strategy.name().toLowerCase(Locale.ROOT).equals(rateLimitStrategy)) {
                return strategy;
            }
        }
        throw UpbitConfiguration.invalid("rateLimitStrategy", rateLimitStrategy, "conservative,balanced,aggressive");
    }

    /** The rate-limit policy shared by this component's sessions (after start). */
    public RateLimitPolicy ratePolicy() {
        return ratePolicy;
    }

    /** The sessions opened so far (read-only view, for tooling such as metrics). */
    public Collection<UpbitSession> sessions() {
        return Collections.unmodifiableCollection(sessions.values());
    }

    /**
     * The constant an option's text names, case as written in the docs.
     *
     * @throws IllegalArgumentException naming the option and its allowed values
     */
    private static <E extends Enum<E>> E enumOption(String option, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ",").append(constant.name());
        }
        throw UpbitConfiguration.invalid(option, value, allowed.toString());
    }

    /** The private URL in use: {@code privateUrl} when set, else the public URL plus {@code /private}. */
    String effectivePrivateUrl() {
        if (privateUrl != null) {
            return privateUrl;
        }
        String base = effectiveUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/private";
    }

    /** The REST base URL in use: {@code restUrl} when set, else the region's. */
    String effectiveRestUrl() {
        return restUrl != null ? restUrl : enumOption("region", region, UpbitRegion.class).restUrl();
    }

    /** Runs REST operations; valid once the component started. */
    UpbitRest rest() {
        return rest;
    }

    /**
     * The REST base URL: {@code https}, or {@code http} to a literal loopback address only (every exchange request
     * carries a token, and answers hold orders and balances).
     */
    private URI checkedRestUrl(String address) {
        URI uri = URI.create(address);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("Option restUrl must be an HTTP URL (https://host), got " + address);
        }
        if (scheme.equals("http") && !isLiteralLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Option restUrl " + address + " is not encrypted: REST requests carry a "
                    + "JWT and answers hold orders and balances, so it takes https://, or http:// to a literal loopback "
                    + "address (127.0.0.1, ::1) only");
        }
        return uri;
    }

    /** The info URL in use: {@code infoUrl} when set, else the public URL plus {@code /info}. */
    String effectiveInfoUrl() {
        if (infoUrl != null) {
            return infoUrl;
        }
        String base = effectiveUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/info";
    }

    /**
     * The URL of a channel whose handshake carries a JWT, or why it cannot be used.
     *
     * @param uri     the checked URL, {@code null} when refused
     * @param refusal why it is refused, said when a route of the channel starts; {@code null} when usable
     */
    private record KeyedUrl(URI uri, String refusal) {
    }

    /**
     * Checks the URL of a channel that sends a JWT: an explicit one that is refused fails the component; one derived
     * from url fails only the routes that need it, so public routes may still use that url.
     */
    private KeyedUrl keyedUrl(String option, String explicit, String effective) {
        try {
            return new KeyedUrl(checkedUrl(option, effective, true), null);
        } catch (IllegalArgumentException e) {
            if (explicit != null) {
                throw e;
            }
            return new KeyedUrl(null, e.getMessage() + " (" + option + " follows url when not set)");
        }
    }

    /**
     * A WebSocket URL, refused when it would send data in clear where it should not: {@code ws://} is allowed without
     * {@code allowInsecure} only to a literal loopback address reached directly (a proxy carries the text over the
     * network, and a name could resolve anywhere); on the private and info channels, whose handshake carries a JWT and
     * whose frames hold orders and balances, only to a literal loopback address whatever {@code allowInsecure} says.
     */
    private URI checkedUrl(String option, String address, boolean privateChannel) {
        URI uri = URI.create(address);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("wss") && !scheme.equals("ws") || uri.getHost() == null) {
            throw new IllegalArgumentException("Option " + option
                    + " must be a WebSocket URL (wss://host/path or ws://host/path), got " + address);
        }
        if (!scheme.equals("ws")) {
            return uri;
        }
        boolean loopback = isLiteralLoopback(uri.getHost());
        if (privateChannel && !loopback) {
            throw new IllegalArgumentException("Option " + option + " " + address + " is not encrypted: the private "
                    + "and info channels carry a JWT, orders and balances, so they take wss://, or ws:// to a literal "
                    + "loopback address "
                    + "(127.0.0.1, ::1) only; allowInsecure does not change that");
        }
        if (!allowInsecure && (!loopback || proxy != null)) {
            throw new IllegalArgumentException("Option " + option + " " + address + " is not encrypted: use wss://, "
                    + "or set allowInsecure=true to allow ws:// " + (loopback
                            ? "through a proxy (proxyHost is set)"
                            : "to a host that is not a literal loopback address (127.0.0.1, ::1)"));
        }
        return uri;
    }

    /** Whether the host is an IP literal in 127.0.0.0/8 or {@code ::1}: decided without any name lookup. */
    private static boolean isLiteralLoopback(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] address = NetUtil.createByteArrayFromIpAddressString(literal);
        if (address == null) {
            return false;
        }
        try {
            return InetAddress.getByAddress(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public String getUrl() {
        return url;
    }

    /**
     * The public WebSocket URL. When not set it follows region (KR: wss://api.upbit.com/websocket/v1, SG, ID, TH
     * their own hosts); an explicit url wins over region.
     */
    public void setUrl(String url) {
        this.url = url;
    }

    public String getRegion() {
        return region;
    }

    /**
     * The Upbit exchange to connect to: KR (api.upbit.com), SG, ID or TH. Ignored when url is set.
     */
    public void setRegion(String region) {
        this.region = region;
    }

    public String getPrivateUrl() {
        return privateUrl;
    }

    /**
     * The private WebSocket URL for myOrder, myAsset and announcement. When not set: the public URL followed by /private.
     */
    public void setPrivateUrl(String privateUrl) {
        this.privateUrl = privateUrl;
    }

    public String getInfoUrl() {
        return infoUrl;
    }

    /**
     * The info WebSocket URL for indicator and indicator_signal. When not set: the public URL followed by /info.
     */
    public void setInfoUrl(String infoUrl) {
        this.infoUrl = infoUrl;
    }

    public String getRestUrl() {
        return restUrl;
    }

    /**
     * The REST API's base URL for the operations (accounts, placeOrder, ...) and the reconciliation of myOrder and
     * myAsset routes. When not set it follows region (https://api.upbit.com for KR), also when url points at a local
     * server such as the simulator (a warning says so at start).
     */
    public void setRestUrl(String restUrl) {
        this.restUrl = restUrl;
    }

    public long getRestTimeout() {
        return restTimeout;
    }

    /**
     * How long a REST request may wait for its whole answer once sent. An order whose answer did not come in time is
     * sent again only when it has an identifier.
     */
    public void setRestTimeout(long restTimeout) {
        this.restTimeout = restTimeout;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /**
     * Upbit API access key for the private and info streams (myOrder, myAsset, announcement, indicator,
     * indicator_signal). Endpoints may override it.
     */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /**
     * Upbit API secret key for the private streams; it signs a new JWT (fresh nonce) on every connect and never
     * appears in logs. Endpoints may override it.
     */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getJwtAlgorithm() {
        return jwtAlgorithm;
    }

    /**
     * The JWT signature algorithm for the private streams: HS512 (Upbit's current documentation) or HS256.
     */
    public void setJwtAlgorithm(String jwtAlgorithm) {
        this.jwtAlgorithm = jwtAlgorithm;
    }

    public String getFormat() {
        return format;
    }

    /**
     * The response format Upbit uses on the connection: DEFAULT, SIMPLE (abbreviated keys), JSON_LIST or SIMPLE_LIST
     * (arrays of items). Events are the same whatever the format; SIMPLE saves bandwidth.
     */
    public void setFormat(String format) {
        this.format = format;
    }

    public boolean isCompression() {
        return compression;
    }

    /**
     * Whether to negotiate permessage-deflate compression with Upbit.
     */
    public void setCompression(boolean compression) {
        this.compression = compression;
    }

    public int getMaxFrameSize() {
        return maxFrameSize;
    }

    /**
     * The largest WebSocket frame payload accepted, in bytes (after decompression). A larger frame closes the
     * connection, which is then re-established.
     */
    public void setMaxFrameSize(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    public boolean isAllowInsecure() {
        return allowInsecure;
    }

    /**
     * Whether an unencrypted ws:// URL may point at a host that is not a literal loopback address (127.0.0.1, ::1),
     * or go through a proxy. Never for the private and info channels, which take ws:// to a literal loopback address
     * only.
     */
    public void setAllowInsecure(boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS configuration (trust store, key store, protocols) for wss connections. Without it the JVM's default trust
     * store is used. Hostname verification is always on.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /**
     * Use the CamelContext's global SSL configuration when sslContextParameters is not set.
     */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public long getSendLinger() {
        return sendLinger;
    }

    /**
     * How long a subscription change waits for further changes before the full state is sent, so a burst of route
     * starts becomes one subscribe message.
     */
    public void setSendLinger(long sendLinger) {
        this.sendLinger = sendLinger;
    }

    public String getRateLimitStrategy() {
        return rateLimitStrategy;
    }

    /**
     * How much of Upbit's message limit (5 per second, 100 per minute, per connection) to use: conservative (60 %),
     * balanced (80 %) or aggressive (100 %).
     */
    public void setRateLimitStrategy(String rateLimitStrategy) {
        this.rateLimitStrategy = rateLimitStrategy;
    }

    public int getErrorThreshold() {
        return errorThreshold;
    }

    /**
     * How many rate signals (a 429/418 handshake, a 1008 close, an error frame after a send) lower the message
     * ceilings by reductionRatio.
     */
    public void setErrorThreshold(int errorThreshold) {
        this.errorThreshold = errorThreshold;
    }

    public double getReductionRatio() {
        return reductionRatio;
    }

    /**
     * The factor (between 0 and 1) applied to the message ceilings each time errorThreshold rate signals came.
     */
    public void setReductionRatio(double reductionRatio) {
        this.reductionRatio = reductionRatio;
    }

    public long getRecoveryDelay() {
        return recoveryDelay;
    }

    /**
     * How long without a rate signal before lowered message ceilings are restored.
     */
    public void setRecoveryDelay(long recoveryDelay) {
        this.recoveryDelay = recoveryDelay;
    }

    public int getRedundancy() {
        return redundancy;
    }

    /**
     * How many independent connections (lines) carry each channel's subscription: 2 or 3 deliver every event once,
     * from whichever line brought it first, so that a connection dropped, closed or silent loses nothing while another
     * runs. Each line is a WebSocket counted by Upbit against the per-IP connect limit; the private and info channels
     * keep at most 2 lines.
     */
    public void setRedundancy(int redundancy) {
        this.redundancy = redundancy;
    }

    public int getShards() {
        return shards;
    }

    /**
     * How many connections the public channel's codes are split over (1 to 8): each code goes to one of them by a
     * stable hash of the code, and each is read by its own I/O thread, so decoding uses more cores. A route over codes
     * of several shards gets each code's events in order. Each shard is a WebSocket counted by Upbit against the
     * per-IP connect limit, times redundancy; private and info channels are not split.
     */
    public void setShards(int shards) {
        this.shards = shards;
    }

    public Integer getIoThreads() {
        return ioThreads;
    }

    /**
     * The I/O threads (Netty event loops) that read and decode the component's connections: by default as many as
     * the machine has cores, at least 2. Shard i of the public channel reads on thread i; each further line of a
     * redundant channel reads on the thread after the one before it, so the lines decode in parallel.
     */
    public void setIoThreads(Integer ioThreads) {
        this.ioThreads = ioThreads;
    }

    public String getResubscribe() {
        return resubscribe;
    }

    /**
     * How a change of a connection's subscription (a route starting or stopping) is made: replace sends the new
     * subscription on the connection, and Upbit restarts every stream of it, so routes that did not change may lose
     * what was in flight (they get the resync mark); overlap opens a new connection with the new subscription, delivers
     * from both, each event once, and closes the old one once the new one is live and in step, so that nothing is
     * lost; each change then costs a connect (Upbit allows 5 a second per IP).
     */
    public void setResubscribe(String resubscribe) {
        this.resubscribe = resubscribe;
    }

    public long getConnectionLinger() {
        return connectionLinger;
    }

    /**
     * How long a connection stays open after its last route stopped, so a route restart reuses it.
     */
    public void setConnectionLinger(long connectionLinger) {
        this.connectionLinger = connectionLinger;
    }

    public long getHeartbeatInterval() {
        return heartbeatInterval;
    }

    /**
     * How long the connection may go without sending before a WebSocket ping goes out (Upbit closes connections
     * silent for about 120 s).
     */
    public void setHeartbeatInterval(long heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public long getIdleTimeout() {
        return idleTimeout;
    }

    /**
     * No frame of any kind (data, status, pong) for this long means the connection is dead: it is closed and
     * re-established. Must exceed heartbeatInterval. Suspended while a full mailbox has paused reading.
     */
    public void setIdleTimeout(long idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public long getBaseDelay() {
        return baseDelay;
    }

    /**
     * The first reconnect delay; later ones grow by backoffMultiplier up to maxDelay, each varied by jitter.
     */
    public void setBaseDelay(long baseDelay) {
        this.baseDelay = baseDelay;
    }

    public double getBackoffMultiplier() {
        return backoffMultiplier;
    }

    /**
     * The factor by which each reconnect delay grows: the n-th delay is baseDelay times backoffMultiplier to the
     * power n-1, capped at maxDelay, then varied by jitter.
     */
    public void setBackoffMultiplier(double backoffMultiplier) {
        this.backoffMultiplier = backoffMultiplier;
    }

    public long getMaxDelay() {
        return maxDelay;
    }

    /**
     * The longest reconnect delay (before jitter), and the fixed delay between attempts after Upbit refused the
     * credentials.
     */
    public void setMaxDelay(long maxDelay) {
        this.maxDelay = maxDelay;
    }

    public double getJitter() {
        return jitter;
    }

    /**
     * Random variation of each reconnect delay, as a fraction (0.5 = plus or minus 50 %), applied after the cap so
     * capped delays still differ.
     */
    public void setJitter(double jitter) {
        this.jitter = jitter;
    }

    public int getMaxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    /**
     * How many failed reconnect attempts in a row before the session gives up (the routes' exception handlers get
     * the cause, health turns DOWN, a later route start tries again); -1 never gives up.
     */
    public void setMaxReconnectAttempts(int maxReconnectAttempts) {
        this.maxReconnectAttempts = maxReconnectAttempts;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The longest wait a Retry-After header of Upbit's may impose before the next connect attempt; a longer one is
     * cut to this (and logged), so a faulty header cannot stop the stream for a day. A ban (HTTP 418) is waited
     * out as Upbit states it, up to a day: retrying early would extend it.
     */
    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public long getSubscriptionCheckInterval() {
        return subscriptionCheckInterval;
    }

    /**
     * How often each connection asks Upbit which subscription it holds (LIST_SUBSCRIPTIONS, also right after every
     * accepted subscribe); a difference is logged, counted and repaired by sending the full subscription again. Each
     * question counts against Upbit's message limits. 0 turns the check off.
     */
    public void setSubscriptionCheckInterval(long subscriptionCheckInterval) {
        this.subscriptionCheckInterval = subscriptionCheckInterval;
    }

    public long getBanPause() {
        return banPause;
    }

    /**
     * How long to wait after Upbit answered a handshake or a REST request with HTTP 418 (a temporary ban) without a
     * Retry-After header; REST requests fail without being sent until then.
     */
    public void setBanPause(long banPause) {
        this.banPause = banPause;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * Proxy host for the WebSocket connections (Upbit keys are IP allow-listed, so a fixed egress is common).
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /**
     * Proxy port; required with proxyHost.
     */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyType() {
        return proxyType;
    }

    /**
     * Proxy protocol: HTTP (CONNECT tunnel) or SOCKS5.
     */
    public void setProxyType(String proxyType) {
        this.proxyType = proxyType;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    /**
     * User name for a proxy that asks for credentials (HTTP Basic, or SOCKS5 username/password); with proxyPassword.
     */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    /**
     * Password for the proxy; with proxyUsername. Never logged or shown.
     */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public long getDisconnectedThreshold() {
        return disconnectedThreshold;
    }

    /**
     * Consumer health turns DOWN when its connection has been down longer than this.
     */
    public void setDisconnectedThreshold(long disconnectedThreshold) {
        this.disconnectedThreshold = disconnectedThreshold;
    }

    public int getConsecutiveErrorsThreshold() {
        return consecutiveErrorsThreshold;
    }

    /**
     * Consumer health turns DOWN after this many failed connection attempts in a row.
     */
    public void setConsecutiveErrorsThreshold(int consecutiveErrorsThreshold) {
        this.consecutiveErrorsThreshold = consecutiveErrorsThreshold;
    }

    public int getReconnectsThreshold() {
        return reconnectsThreshold;
    }

    /**
     * Consumer health turns DOWN when the connection was re-established this many times within reconnectsWindow
     * (a flapping connection).
     */
    public void setReconnectsThreshold(int reconnectsThreshold) {
        this.reconnectsThreshold = reconnectsThreshold;
    }

    public long getReconnectsWindow() {
        return reconnectsWindow;
    }

    /**
     * The window of reconnectsThreshold.
     */
    public void setReconnectsWindow(long reconnectsWindow) {
        this.reconnectsWindow = reconnectsWindow;
    }

    public long getPauseThreshold() {
        return pauseThreshold;
    }

    /**
     * Consumer health turns DOWN while the connection's reading has been paused this long by a full mailbox
     * (overflow=pause): a route too slow for its stream holds up every route of the connection.
     */
    public void setPauseThreshold(long pauseThreshold) {
        this.pauseThreshold = pauseThreshold;
    }

    public long getShutdownQuietPeriod() {
        return shutdownQuietPeriod;
    }

    /**
     * Netty's quiet period when the component stops its I/O threads. Short values (e.g. 0 in tests) stop faster.
     */
    public void setShutdownQuietPeriod(long shutdownQuietPeriod) {
        this.shutdownQuietPeriod = shutdownQuietPeriod;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, UpbitComponent.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
