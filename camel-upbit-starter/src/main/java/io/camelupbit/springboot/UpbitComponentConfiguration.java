package io.camelupbit.springboot;

import java.time.Duration;

import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.upbit.*} properties: one per option of the upbit component, same names (in any of Spring
 * Boot's relaxed forms: {@code send-linger}, {@code sendLinger}, {@code CAMEL_COMPONENT_UPBIT_SENDLINGER}), each
 * described as in the component's metadata ({@code META-INF/io/camelupbit/upbit.json}).
 *
 * <p>Every option is {@code null} unless a property sets it, and only the options that are set are copied onto the
 * component ({@link UpbitComponentCustomizer}): a component configured in code keeps every value the properties do not
 * name, and the component's own defaults apply otherwise. Durations take Spring Boot's forms ({@code 250ms},
 * {@code 5s}, {@code PT1M}; a bare number is milliseconds, as in the component).
 */
@ConfigurationProperties(prefix = UpbitComponentConfiguration.PREFIX)
public class UpbitComponentConfiguration {

    /** The prefix of the component's properties. */
    public static final String PREFIX = "camel.component.upbit";

    /**
     * Whether to enable auto configuration of the upbit component. This is enabled by default.
     */
    private Boolean enabled = Boolean.TRUE;
    /**
     * The response format Upbit uses on the connection: DEFAULT, SIMPLE (abbreviated keys), JSON_LIST or SIMPLE_LIST
     * (arrays of items). Events are the same whatever the format; SIMPLE saves bandwidth.
     */
    private String format;
    /**
     * The Upbit exchange to connect to: KR (api.upbit.com), SG, ID or TH. Ignored when url is set.
     */
    private String region;
    /**
     * The public WebSocket URL. When not set it follows region (KR: wss://api.upbit.com/websocket/v1, SG, ID, TH
     * their own hosts); an explicit url wins over region.
     */
    private String url;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as
     * a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook
     * into the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;
    /**
     * The factor by which each reconnect delay grows: the n-th delay is baseDelay times backoffMultiplier to the power
     * n-1, capped at maxDelay, then varied by jitter.
     */
    private Double backoffMultiplier;
    /**
     * How long to wait after Upbit answered a handshake or a REST request with HTTP 418 (a temporary ban) without a
     * Retry-After header; REST requests fail without being sent until then.
     */
    private Duration banPause;
    /**
     * The longest wait a Retry-After header of Upbit's may impose before the next connect attempt; a longer one is
     * cut to this (and logged), so a faulty header cannot stop the stream for a day. A ban (HTTP 418) is waited
     * out as Upbit states it, up to a day: retrying early would extend it.
     */
    private Duration maxRetryAfter;
    /**
     * How often each connection asks Upbit which subscription it holds (LIST_SUBSCRIPTIONS, also right after every
     * accepted subscribe); a difference is logged, counted and repaired by sending the full subscription again. Each
     * question counts against Upbit's message limits. 0 turns the check off.
     */
    private Duration subscriptionCheckInterval;
    /**
     * The first reconnect delay; later ones grow by backoffMultiplier up to maxDelay, each varied by jitter.
     */
    private Duration baseDelay;
    /**
     * Whether to negotiate permessage-deflate compression with Upbit.
     */
    private Boolean compression;
    /**
     * How long a connection stays open after its last route stopped, so a route restart reuses it.
     */
    private Duration connectionLinger;
    /**
     * How many rate signals (a 429/418 handshake, a 1008 close, an error frame after a send) lower the message
     * ceilings by reductionRatio.
     */
    private Integer errorThreshold;
    /**
     * How long the connection may go without sending before a WebSocket ping goes out (Upbit closes connections silent
     * for about 120 s).
     */
    private Duration heartbeatInterval;
    /**
     * No frame of any kind (data, status, pong) for this long means the connection is dead: it is closed and
     * re-established. Must exceed heartbeatInterval. Suspended while a full mailbox has paused reading.
     */
    private Duration idleTimeout;
    /**
     * The info WebSocket URL for indicator and indicator_signal. When not set: the public URL followed by /info.
     */
    private String infoUrl;
    /**
     * Random variation of each reconnect delay, as a fraction (0.5 = plus or minus 50 %), applied after the cap so
     * capped delays still differ.
     */
    private Double jitter;
    /**
     * The longest reconnect delay (before jitter), and the fixed delay between attempts after Upbit refused the
     * credentials.
     */
    private Duration maxDelay;
    /**
     * The largest WebSocket frame payload accepted, in bytes (after decompression). A larger frame closes the
     * connection, which is then re-established.
     */
    private Integer maxFrameSize;
    /**
     * How many failed reconnect attempts in a row before the session gives up (the routes' exception handlers get the
     * cause, health turns DOWN, a later route start tries again); -1 never gives up.
     */
    private Integer maxReconnectAttempts;
    /**
     * How much of Upbit's message limit (5 per second, 100 per minute, per connection) to use: conservative (60 %),
     * balanced (80 %) or aggressive (100 %).
     */
    private String rateLimitStrategy;
    /**
     * How long without a rate signal before lowered message ceilings are restored.
     */
    private Duration recoveryDelay;
    /**
     * The factor (between 0 and 1) applied to the message ceilings each time errorThreshold rate signals came.
     */
    private Double reductionRatio;
    /**
     * How many independent connections (lines) carry each channel's subscription: 2 or 3 deliver every event once,
     * from whichever line brought it first, so that a connection dropped, closed or silent loses nothing while another
     * runs. Each line is a WebSocket counted by Upbit against the per-IP connect limit; the private and info channels
     * keep at most 2 lines.
     */
    private Integer redundancy;
    /**
     * How a change of a connection's subscription (a route starting or stopping) is made: replace sends the new
     * subscription on the connection, and Upbit restarts every stream of it, so routes that did not change may lose
     * what was in flight (they get the resync mark); overlap opens a new connection with the new subscription, delivers
     * from both, each event once, and closes the old one once the new one is live and in step, so that nothing is
     * lost; each change then costs a connect (Upbit allows 5 a second per IP).
     */
    private String resubscribe;
    /**
     * How many connections the public channel's codes are split over (1 to 8): each code goes to one of them by a
     * stable hash of the code, and each is read by its own I/O thread, so decoding uses more cores. A route over codes
     * of several shards gets each code's events in order. Each shard is a WebSocket counted by Upbit against the
     * per-IP connect limit, times redundancy; private and info channels are not split.
     */
    private Integer shards;
    /**
     * The I/O threads (Netty event loops) that read and decode the component's connections: by default as many as
     * the machine has cores, at least 2. Shard i of the public channel reads on thread i; each further line of a
     * redundant channel reads on the thread after the one before it, so the lines decode in parallel.
     */
    private Integer ioThreads;
    /**
     * How long a REST request may wait for its whole answer once sent. An order whose answer did not come in time is
     * sent again only when it has an identifier.
     */
    private Duration restTimeout;
    /**
     * The REST API's base URL for the operations (accounts, placeOrder, ...) and the reconciliation of myOrder and
     * myAsset routes. When not set it follows region (https://api.upbit.com for KR), also when url points at a local
     * server such as the simulator (a warning says so at start).
     */
    private String restUrl;
    /**
     * How long a subscription change waits for further changes before the full state is sent, so a burst of route
     * starts becomes one subscribe message.
     */
    private Duration sendLinger;
    /**
     * Netty's quiet period when the component stops its I/O threads. Short values (e.g. 0 in tests) stop faster.
     */
    private Duration shutdownQuietPeriod;
    /**
     * Consumer health turns DOWN after this many failed connection attempts in a row.
     */
    private Integer consecutiveErrorsThreshold;
    /**
     * Consumer health turns DOWN when its connection has been down longer than this.
     */
    private Duration disconnectedThreshold;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled;
    /**
     * Consumer health turns DOWN when the connection was re-established this many times within reconnectsWindow (a
     * flapping connection).
     */
    private Integer reconnectsThreshold;
    /**
     * The window of reconnectsThreshold.
     */
    private Duration reconnectsWindow;
    /**
     * Consumer health turns DOWN while the connection's reading has been paused this long by a full mailbox
     * (overflow=pause): a route too slow for its stream holds up every route of the connection.
     */
    private Duration pauseThreshold;
    /**
     * Proxy host for the WebSocket connections (Upbit keys are IP allow-listed, so a fixed egress is common).
     */
    private String proxyHost;
    /**
     * Proxy port; required with proxyHost.
     */
    private Integer proxyPort;
    /**
     * Proxy protocol: HTTP (CONNECT tunnel) or SOCKS5.
     */
    private String proxyType;
    /**
     * User name for a proxy that asks for credentials (HTTP Basic, or SOCKS5 username/password); with proxyPassword.
     */
    private String proxyUsername;
    /**
     * Password for the proxy; with proxyUsername. Never logged or shown.
     */
    private String proxyPassword;
    /**
     * Upbit API access key for the private and info streams (myOrder, myAsset, announcement, indicator,
     * indicator_signal). Endpoints may override it.
     */
    private String accessKey;
    /**
     * Whether an unencrypted ws:// URL may point at a host that is not a literal loopback address (127.0.0.1,
     * ::1), or go through a proxy. Never for the private and info channels, which take ws:// to a literal loopback
     * address only.
     */
    private Boolean allowInsecure;
    /**
     * The JWT signature algorithm for the private streams: HS512 (Upbit's current documentation) or HS256.
     */
    private String jwtAlgorithm;
    /**
     * The private WebSocket URL for myOrder, myAsset and announcement. When not set: the public URL followed by /private.
     */
    private String privateUrl;
    /**
     * Upbit API secret key for the private streams; it signs a new JWT (fresh nonce) on every connect and never
     * appears in logs. Endpoints may override it.
     */
    private String secretKey;
    /**
     * TLS configuration (trust store, key store, protocols) for wss connections. Without it the JVM's default trust
     * store is used. Hostname verification is always on.
     */
    private SSLContextParameters sslContextParameters;
    /**
     * Use the CamelContext's global SSL configuration when sslContextParameters is not set.
     */
    private Boolean useGlobalSslContextParameters;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Double getBackoffMultiplier() {
        return backoffMultiplier;
    }

    public void setBackoffMultiplier(Double backoffMultiplier) {
        this.backoffMultiplier = backoffMultiplier;
    }

    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Duration getSubscriptionCheckInterval() {
        return subscriptionCheckInterval;
    }

    public void setSubscriptionCheckInterval(Duration subscriptionCheckInterval) {
        this.subscriptionCheckInterval = subscriptionCheckInterval;
    }

    public Duration getBanPause() {
        return banPause;
    }

    public void setBanPause(Duration banPause) {
        this.banPause = banPause;
    }

    public Duration getBaseDelay() {
        return baseDelay;
    }

    public void setBaseDelay(Duration baseDelay) {
        this.baseDelay = baseDelay;
    }

    public Boolean getCompression() {
        return compression;
    }

    public void setCompression(Boolean compression) {
        this.compression = compression;
    }

    public Duration getConnectionLinger() {
        return connectionLinger;
    }

    public void setConnectionLinger(Duration connectionLinger) {
        this.connectionLinger = connectionLinger;
    }

    public Integer getErrorThreshold() {
        return errorThreshold;
    }

    public void setErrorThreshold(Integer errorThreshold) {
        this.errorThreshold = errorThreshold;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public String getInfoUrl() {
        return infoUrl;
    }

    public void setInfoUrl(String infoUrl) {
        this.infoUrl = infoUrl;
    }

    public Double getJitter() {
        return jitter;
    }

    public void setJitter(Double jitter) {
        this.jitter = jitter;
    }

    public Duration getMaxDelay() {
        return maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
        this.maxDelay = maxDelay;
    }

    public Integer getMaxFrameSize() {
        return maxFrameSize;
    }

    public void setMaxFrameSize(Integer maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    public Integer getMaxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    public void setMaxReconnectAttempts(Integer maxReconnectAttempts) {
        this.maxReconnectAttempts = maxReconnectAttempts;
    }

    public String getRateLimitStrategy() {
        return rateLimitStrategy;
    }

    public void setRateLimitStrategy(String rateLimitStrategy) {
        this.rateLimitStrategy = rateLimitStrategy;
    }

    public Duration getRecoveryDelay() {
        return recoveryDelay;
    }

    public void setRecoveryDelay(Duration recoveryDelay) {
        this.recoveryDelay = recoveryDelay;
    }

    public Double getReductionRatio() {
        return reductionRatio;
    }

    public void setReductionRatio(Double reductionRatio) {
        this.reductionRatio = reductionRatio;
    }

    public Integer getRedundancy() {
        return redundancy;
    }

    public void setRedundancy(Integer redundancy) {
        this.redundancy = redundancy;
    }

    public Integer getShards() {
        return shards;
    }

    public void setShards(Integer shards) {
        this.shards = shards;
    }

    public Integer getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(Integer ioThreads) {
        this.ioThreads = ioThreads;
    }

    public String getResubscribe() {
        return resubscribe;
    }

    public void setResubscribe(String resubscribe) {
        this.resubscribe = resubscribe;
    }

    public Duration getRestTimeout() {
        return restTimeout;
    }

    public void setRestTimeout(Duration restTimeout) {
        this.restTimeout = restTimeout;
    }

    public String getRestUrl() {
        return restUrl;
    }

    public void setRestUrl(String restUrl) {
        this.restUrl = restUrl;
    }

    public Duration getSendLinger() {
        return sendLinger;
    }

    public void setSendLinger(Duration sendLinger) {
        this.sendLinger = sendLinger;
    }

    public Duration getShutdownQuietPeriod() {
        return shutdownQuietPeriod;
    }

    public void setShutdownQuietPeriod(Duration shutdownQuietPeriod) {
        this.shutdownQuietPeriod = shutdownQuietPeriod;
    }

    public Integer getConsecutiveErrorsThreshold() {
        return consecutiveErrorsThreshold;
    }

    public void setConsecutiveErrorsThreshold(Integer consecutiveErrorsThreshold) {
        this.consecutiveErrorsThreshold = consecutiveErrorsThreshold;
    }

    public Duration getDisconnectedThreshold() {
        return disconnectedThreshold;
    }

    public void setDisconnectedThreshold(Duration disconnectedThreshold) {
        this.disconnectedThreshold = disconnectedThreshold;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Integer getReconnectsThreshold() {
        return reconnectsThreshold;
    }

    public void setReconnectsThreshold(Integer reconnectsThreshold) {
        this.reconnectsThreshold = reconnectsThreshold;
    }

    public Duration getReconnectsWindow() {
        return reconnectsWindow;
    }

    public void setReconnectsWindow(Duration reconnectsWindow) {
        this.reconnectsWindow = reconnectsWindow;
    }

    public Duration getPauseThreshold() {
        return pauseThreshold;
    }

    public void setPauseThreshold(Duration pauseThreshold) {
        this.pauseThreshold = pauseThreshold;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyType() {
        return proxyType;
    }

    public void setProxyType(String proxyType) {
        this.proxyType = proxyType;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public Boolean getAllowInsecure() {
        return allowInsecure;
    }

    public void setAllowInsecure(Boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    public String getJwtAlgorithm() {
        return jwtAlgorithm;
    }

    public void setJwtAlgorithm(String jwtAlgorithm) {
        this.jwtAlgorithm = jwtAlgorithm;
    }

    public String getPrivateUrl() {
        return privateUrl;
    }

    public void setPrivateUrl(String privateUrl) {
        this.privateUrl = privateUrl;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
