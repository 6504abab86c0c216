package io.camelupbit;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

import io.camelupbit.auth.UpbitCredentials;
import io.camelupbit.event.AnnouncementCategory;
import io.camelupbit.event.AnnouncementEvent;
import io.camelupbit.event.CandleUnit;
import io.camelupbit.event.IndicatorEvent;
import io.camelupbit.event.IndicatorSignalEvent;
import io.camelupbit.event.IndicatorTimeframe;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.session.DeliveryPolicy;
import io.camelupbit.session.SnapshotMode;
import io.camelupbit.session.SubscriptionSpec;
import io.camelupbit.wire.IndicatorChoice;
import io.camelupbit.wire.TypeOptions;

/** The options of one {@code upbit:} endpoint. */
@UriParams
public class UpbitConfiguration {

    /** Every data type, as written after {@code upbit:}. */
    static final String TYPES = "ticker,trade,orderbook,candle.1s,candle.1m,candle.3m,candle.5m,candle.10m,"
            + "candle.15m,candle.30m,candle.60m,candle.240m,myOrder,myAsset,announcement,indicator,indicator_signal,"
            + "connection," + UpbitOperation.NAMES;
    /** The lifecycle endpoint's type. */
    static final String CONNECTION = "connection";
    static final String DEPTHS = "1,5,15,30";
    static final String ANNOUNCEMENT_CATEGORIES = "notice,trade,wallet,maintenance,digital_asset,nft,service,event";
    static final String BODY_TYPES = "event,json";
    static final String CHANNELS = "public,private,info";

    private static final Pattern CODE = Pattern.compile("[A-Z]{2,5}-[A-Z0-9]{1,15}");

    @UriPath(enums = TYPES)
    @Metadata(required = true)
    private String type;
    @UriParam
    private String codes;
    @UriParam(label = "consumer", defaultValue = "both", enums = SnapshotMode.NAMES)
    private String snapshotMode = SnapshotMode.BOTH.optionName();
    @UriParam(label = "consumer", defaultValue = "true")
    private Boolean reconcile;
    @UriParam(label = "consumer,orderbook", enums = DEPTHS)
    private Integer depth;
    @UriParam(label = "consumer,orderbook")
    private String level;
    @UriParam(label = "consumer,candle", defaultValue = "false")
    private boolean closedOnly;
    @UriParam(label = "consumer", defaultValue = "event", enums = BODY_TYPES)
    private String bodyType = "event";
    @UriParam(label = "consumer,advanced", defaultValue = "queue", enums = "queue,latest")
    private String delivery = "queue";
    @UriParam(label = "consumer,advanced", defaultValue = "pause", enums = "pause,dropOldest")
    private String overflow = "pause";
    @UriParam(label = "consumer,advanced", defaultValue = "10000")
    private int mailboxSize = 10_000;
    @UriParam(label = "consumer,advanced", javaType = "java.time.Duration")
    private long staleAfter;
    @UriParam(label = "consumer,advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long pollIdleTimeout = 60_000;
    @UriParam(label = "producer", defaultValue = "5000", javaType = "java.time.Duration")
    private long pollTimeout = 5_000;
    @UriParam(label = "consumer,announcement")
    private String categories;
    @UriParam(label = "consumer,announcement", defaultValue = "false")
    private boolean includeBody;
    @UriParam(label = "consumer,indicator", enums = IndicatorTimeframe.NAMES)
    private String timeframe;
    @UriParam(label = "consumer,indicator")
    private String indicators;
    @UriParam(label = "consumer,connection", enums = CHANNELS)
    private String channel;
    @UriParam(label = "producer")
    private String code;
    @UriParam(label = "producer", enums = "bid,ask")
    private String side;
    @UriParam(label = "producer", enums = "limit,price,market,best")
    private String orderType;
    @UriParam(label = "producer")
    private String price;
    @UriParam(label = "producer")
    private String volume;
    @UriParam(label = "producer", enums = "ioc,fok,post_only")
    private String timeInForce;
    @UriParam(label = "producer", enums = "cancel_maker,cancel_taker,reduce,none")
    private String smpType;
    @UriParam(label = "producer")
    private String identifier;
    @UriParam(label = "producer")
    private String uuid;
    @UriParam(label = "producer")
    private String state;
    @UriParam(defaultValue = "10")
    private int maxPages = 10;
    @UriParam(label = "security", secret = true)
    private String accessKey;
    @UriParam(label = "security", secret = true)
    private String secretKey;
    @UriParam(label = "security")
    private UpbitCredentials credentials;

    public String getType() {
        return type;
    }

    /**
     * The Upbit data type to receive: ticker, trade, orderbook, candle.1s to candle.240m; the private myOrder, myAsset
     * and announcement; the indicator and indicator_signal of the info channel (the private and info types need
     * accessKey and secretKey); or connection, the lifecycle of every connection.
     */
    public void setType(String type) {
        this.type = type;
    }

    public String getCodes() {
        return codes;
    }

    /**
     * Comma-separated market codes, e.g. KRW-BTC,KRW-ETH (lower case is upper-cased). Required for the public types
     * and the indicator types (KRW markets only); optional for myOrder (none means every market); not allowed for
     * myAsset and announcement.
     */
    public void setCodes(String codes) {
        this.codes = codes;
    }

    public String getSnapshotMode() {
        return snapshotMode;
    }

    /**
     * Which part of the stream to receive: both (the snapshot Upbit sends on subscribe, then the live stream),
     * snapshotOnly or realtimeOnly. The private and info types have no snapshot: snapshotOnly is refused there.
     */
    public void setSnapshotMode(String snapshotMode) {
        this.snapshotMode = snapshotMode;
    }

    public Boolean getReconcile() {
        return reconcile;
    }

    /**
     * myOrder and myAsset: after every gap (the route's start, a reconnect, a resume, a subscribe message that
     * restarted Upbit's streams) read the account over REST and deliver, before the stream events that follow, one
     * myAsset event with every balance, or one myOrder event per open order and per order that ended inside the gap,
     * each with header CamelUpbitReconciled=true. Stream events wait meanwhile, and an order never moves backwards.
     * Default true; snapshotMode=realtimeOnly turns it off. Not for the other types.
     */
    public void setReconcile(Boolean reconcile) {
        this.reconcile = reconcile;
    }

    /** Whether the route reconciles its private state after every gap; valid once {@link #toSpec()} passed. */
    boolean reconciles() {
        return isAccount() && !Boolean.FALSE.equals(reconcile)
                && SnapshotMode.ofOptionName(snapshotMode) != SnapshotMode.REALTIME_ONLY;
    }

    public Integer getDepth() {
        return depth;
    }

    /**
     * Orderbook only: how many price levels (rows) each book carries: 1, 5, 15 or 30. Not set: Upbit's full 30.
     */
    public void setDepth(Integer depth) {
        this.depth = depth;
    }

    public String getLevel() {
        return level;
    }

    /**
     * Orderbook only, KRW markets only: the price aggregation unit, e.g. 10000 groups prices into 10,000 KRW buckets.
     * 0 or not set: the market's own tick. Upbit sends nothing for a level a market does not support.
     */
    public void setLevel(String level) {
        this.level = level;
    }

    public boolean isClosedOnly() {
        return closedOnly;
    }

    /**
     * Candles only: deliver each candle once, with its final values, when the first update of the next period shows
     * that its period has ended (Upbit repeats the running candle on every change).
     */
    public void setClosedOnly(boolean closedOnly) {
        this.closedOnly = closedOnly;
    }

    public String getBodyType() {
        return bodyType;
    }

    /**
     * The message body: event (the typed record, e.g. TickerEvent) or json (the item's JSON text exactly as Upbit
     * sent it, one exchange per item, orderbook depth not trimmed). Headers are the same.
     */
    public void setBodyType(String bodyType) {
        this.bodyType = bodyType;
    }

    public String getDelivery() {
        return delivery;
    }

    /**
     * How events wait for this route: queue keeps every event in order (bounded by mailboxSize, see overflow);
     * latest keeps only the newest event per market, so a slow route always gets current data and never overflows
     * (ticker, orderbook and candles only; not with closedOnly).
     */
    public void setDelivery(String delivery) {
        this.delivery = delivery;
    }

    public String getOverflow() {
        return overflow;
    }

    /**
     * What a full mailbox (delivery=queue) does: pause stops reading the connection until the route catches up
     * (nothing is lost, but every route on that connection waits); dropOldest drops the oldest waiting event and
     * tells the route how many it missed (header CamelUpbitDropped on the next event; not for myOrder and myAsset).
     */
    public void setOverflow(String overflow) {
        this.overflow = overflow;
    }

    public int getMailboxSize() {
        return mailboxSize;
    }

    /**
     * How many events may wait for this route (delivery=queue).
     */
    public void setMailboxSize(int mailboxSize) {
        this.mailboxSize = mailboxSize;
    }

    public long getStaleAfter() {
        return staleAfter;
    }

    /**
     * When set, this route's health check turns DOWN when the route saw no event for this long (for streams that
     * should never be quiet, e.g. a ticker). Not set: no staleness check (private streams are quiet for hours).
     */
    public void setStaleAfter(long staleAfter) {
        this.staleAfter = staleAfter;
    }

    public long getPollIdleTimeout() {
        return pollIdleTimeout;
    }

    /**
     * Polling (pollEnrich, ConsumerTemplate): the endpoint keeps the subscription its first poll made while it is
     * polled at least this often, and unsubscribes after this long without a poll (a later poll subscribes again and
     * waits for a fresh snapshot).
     */
    public void setPollIdleTimeout(long pollIdleTimeout) {
        this.pollIdleTimeout = pollIdleTimeout;
    }

    public long getPollTimeout() {
        return pollTimeout;
    }

    /**
     * A producer on a stream type (to or enrich on ticker, trade, orderbook or a candle type): how long it waits for
     * an event of each code (the snapshot, after its first call subscribed) before the exchange fails with
     * UpbitPollTimeoutException; later calls answer at once.
     */
    public void setPollTimeout(long pollTimeout) {
        this.pollTimeout = pollTimeout;
    }

    public String getCategories() {
        return categories;
    }

    /**
     * announcement only: comma-separated notice categories to receive (notice, trade, wallet, maintenance,
     * digital_asset, nft, service, event). Not set: every category.
     */
    public void setCategories(String categories) {
        this.categories = categories;
    }

    public boolean isIncludeBody() {
        return includeBody;
    }

    /**
     * announcement only: receive each notice's text (Markdown) in the event's body field. Upbit may still leave out a
     * large body (the field is then null).
     */
    public void setIncludeBody(boolean includeBody) {
        this.includeBody = includeBody;
    }

    public String getTimeframe() {
        return timeframe;
    }

    /**
     * indicator and indicator_signal only, required: the candle period the indicators are computed on: 5m, 15m, 60m,
     * 240m or 1d. Upbit sends a value when a candle of this period closes.
     */
    public void setTimeframe(String timeframe) {
        this.timeframe = timeframe;
    }

    public String getIndicators() {
        return indicators;
    }

    /**
     * indicator and indicator_signal only, required: comma-separated indicators, each its Upbit name with optional
     * parameters in parentheses: volume(period), rsi(period), moving_average(type,period),
     * ma_crossover(type,shortPeriod,longPeriod), bollinger_bands(period,multiplier), macd(fast,slow,signalPeriod),
     * e.g. rsi(period=14),macd. Omitted parameters take the defaults in docs/events.md. For indicator_signal each also
     * names its trigger, and rsi its threshold or volume its multiplier, e.g.
     * rsi(period=14,trigger=overbought,threshold=70). Values outside Upbit's supported sets fail at route start.
     */
    public void setIndicators(String indicators) {
        this.indicators = indicators;
    }

    public String getCode() {
        return code;
    }

    /** orderChance, placeOrder and testOrder: the market, e.g. KRW-BTC (header CamelUpbitOrderCode wins). */
    public void setCode(String code) {
        this.code = code;
    }

    public String getSide() {
        return side;
    }

    /** placeOrder and testOrder: bid (buy) or ask (sell) (header CamelUpbitOrderSide wins). */
    public void setSide(String side) {
        this.side = side;
    }

    public String getOrderType() {
        return orderType;
    }

    /**
     * placeOrder and testOrder: limit, price (a market buy of an amount), market (a market sell of a volume) or best
     * (header CamelUpbitOrderType wins).
     */
    public void setOrderType(String orderType) {
        this.orderType = orderType;
    }

    public String getPrice() {
        return price;
    }

    /**
     * placeOrder and testOrder: the limit price, or the amount of a price order or a best buy (header
     * CamelUpbitOrderPrice wins).
     */
    public void setPrice(String price) {
        this.price = price;
    }

    public String getVolume() {
        return volume;
    }

    /** placeOrder and testOrder: the volume of a limit, market or best sell order (header CamelUpbitOrderVolume wins). */
    public void setVolume(String volume) {
        this.volume = volume;
    }

    public String getTimeInForce() {
        return timeInForce;
    }

    /** placeOrder and testOrder: ioc, fok or post_only (header CamelUpbitOrderTimeInForce wins). */
    public void setTimeInForce(String timeInForce) {
        this.timeInForce = timeInForce;
    }

    public String getSmpType() {
        return smpType;
    }

    /**
     * placeOrder and testOrder: self-match prevention, cancel_maker, cancel_taker, reduce or none; not set: Upbit's
     * default (header CamelUpbitOrderSmpType wins).
     */
    public void setSmpType(String smpType) {
        this.smpType = smpType;
    }

    public String getIdentifier() {
        return identifier;
    }

    /**
     * placeOrder: the client's id of the order (at most 64 characters, never reusable at Upbit); with it an order whose
     * answer was lost is sent again safely. cancelOrder and getOrder: the order to act on. Header
     * CamelUpbitOrderIdentifier wins.
     */
    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getUuid() {
        return uuid;
    }

    /** cancelOrder and getOrder: the order's id (header CamelUpbitOrderUuid wins, as a myOrder event sets it). */
    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getState() {
        return state;
    }

    /**
     * openOrders: wait and/or watch (comma-separated; not set: wait). closedOrders: done and/or cancel (not set:
     * both).
     */
    public void setState(String state) {
        this.state = state;
    }

    public int getMaxPages() {
        return maxPages;
    }

    /**
     * openOrders, closedOrders and the reconciliation of myOrder routes: the most pages read (100 open or 1000 closed
     * orders each); more orders fail the exchange (or the reconciliation, which is then retried) rather than go missing.
     */
    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public String getChannel() {
        return channel;
    }

    /**
     * upbit:connection only: the channel whose lifecycle events to receive, public, private or info; not set: all.
     */
    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /**
     * Upbit API access key for the private and info types, overriding the component's. A different key means a
     * separate connection. Camel itself logs endpoint URIs (at TRACE, e.g. when JMX is read): to keep a key out of
     * every log, set it on the component or use credentials.
     */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /**
     * Upbit API secret key for the private and info types, overriding the component's. Write it as RAW(...) when it
     * contains a plus sign or an ampersand.
     * Camel itself logs endpoint URIs (at TRACE, e.g. when JMX is read): to keep the secret out of every log, set it
     * on the component or use credentials.
     */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public UpbitCredentials getCredentials() {
        return credentials;
    }

    /**
     * A bean holding the access and secret keys for the private and info types, named in the URI (credentials=#upbitKeysB),
     * overriding the component's keys: a second API key with no secret in any URI. Not with accessKey or secretKey.
     */
    public void setCredentials(UpbitCredentials credentials) {
        this.credentials = credentials;
    }

    /** Whether this is the lifecycle endpoint. */
    boolean isConnection() {
        return CONNECTION.equals(type);
    }

    private void checkConnectionOptions() {
        if (channel != null && !("," + CHANNELS + ",").contains("," + channel + ",")) {
            throw invalid("channel", channel, CHANNELS);
        }
        if (codes != null || depth != null || level != null || closedOnly || !"event".equals(bodyType)
                || !"both".equals(snapshotMode) || categories != null || includeBody || timeframe != null
                || indicators != null || reconcile != null) {
            throw new IllegalArgumentException("upbit:connection takes only the channel option: it receives "
                    + "connection lifecycle events, not market data");
        }
    }

    /** The REST operation this endpoint names, or {@code null} for a stream. */
    UpbitOperation operation() {
        return UpbitOperation.of(type);
    }

    /** Whether the type is served on the private channel. */
    boolean isPrivate() {
        return isAccount() || AnnouncementEvent.TYPE.equals(type);
    }

    /** Whether the type is one of the account's streams, where every event counts (orders, balances). */
    private boolean isAccount() {
        return MyOrderEvent.TYPE.equals(type) || MyAssetEvent.TYPE.equals(type);
    }

    /** Whether the type is served on the info channel: the indicator types. */
    boolean isInfo() {
        return IndicatorEvent.TYPE.equals(type) || IndicatorSignalEvent.TYPE.equals(type);
    }

    /** Whether the endpoint needs an API key: the private and info channels authenticate with a JWT. */
    boolean needsKeys() {
        return isPrivate() || isInfo() || operation() != null && operation().signed();
    }

    boolean isJsonBody() {
        return "json".equals(bodyType);
    }

    /** The candle unit of a candle type, else {@code null}. */
    CandleUnit candleUnit() {
        return CandleUnit.ofType(type);
    }

    /**
     * Checks every option and derives what to subscribe to.
     *
     * @throws IllegalArgumentException naming the option and the allowed values
     */
    SubscriptionSpec toSpec() {
        checkType();
        if (operation() != null) {
            checkOperationOptions(operation());
            return null;
        }
        String producerOption = producerOptionSet();
        if (producerOption != null) {
            throw new IllegalArgumentException("Option " + producerOption + " is only for the REST operations ("
                    + UpbitOperation.NAMES + "), not upbit:" + type);
        }
        if (isConnection()) {
            checkConnectionOptions();
            return null;
        }
        if (channel != null) {
            throw new IllegalArgumentException("Option channel is only for upbit:connection, not upbit:" + type);
        }
        boolean orderbook = OrderbookEvent.TYPE.equals(type);
        SnapshotMode mode = SnapshotMode.ofOptionName(snapshotMode);
        if (mode == null) {
            throw invalid("snapshotMode", snapshotMode, SnapshotMode.NAMES);
        }
        if (mode == SnapshotMode.SNAPSHOT_ONLY && needsKeys()) {
            // Upbit sends these events only when something happens: no snapshot ever comes
            throw new IllegalArgumentException("Option snapshotMode=snapshotOnly would never deliver anything on upbit:"
                    + type + ", whose events Upbit sends only as they happen: use both or realtimeOnly");
        }
        if (!"event".equals(bodyType) && !"json".equals(bodyType)) {
            throw invalid("bodyType", bodyType, BODY_TYPES);
        }
        if (reconcile != null && !isAccount()) {
            throw new IllegalArgumentException("Option reconcile is only for upbit:myOrder and upbit:myAsset, not upbit:"
                    + type);
        }
        if (Boolean.TRUE.equals(reconcile) && mode == SnapshotMode.REALTIME_ONLY) {
            throw new IllegalArgumentException("Option reconcile=true contradicts snapshotMode=realtimeOnly, which "
                    + "receives the stream alone: use snapshotMode=both to reconcile, or leave reconcile out");
        }
        if (depth != null && !orderbook) {
            throw new IllegalArgumentException("Option depth is only for upbit:orderbook, not upbit:" + type);
        }
        if (depth != null && !("," + DEPTHS + ",").contains("," + depth + ",")) {
            throw invalid("depth", String.valueOf(depth), DEPTHS);
        }
        if (level != null && !orderbook) {
            throw new IllegalArgumentException("Option level is only for upbit:orderbook, not upbit:" + type);
        }
        BigDecimal priceUnit = checkedLevel();
        TypeOptions options = checkedOptions();
        if (closedOnly && candleUnit() == null) {
            throw new IllegalArgumentException("Option closedOnly is only for candle types (upbit:candle.1m and the "
                    + "like), not upbit:" + type);
        }
        checkDelivery();
        SortedSet<String> markets = checkedCodes();
        if (priceUnit.signum() > 0) {
            for (String code : markets) {
                if (!code.startsWith("KRW-")) {
                    throw new IllegalArgumentException("Option level applies to KRW markets only, but codes has "
                            + code + ": BTC and USDT markets support level 0 only");
                }
            }
        }
        if (!orderbook) {
            return new SubscriptionSpec(type, markets, mode, 0, null, options);
        }
        return new SubscriptionSpec(type, markets, mode, depth == null ? SubscriptionSpec.FULL_DEPTH : depth,
                priceUnit);
    }

    /** The announcement's and the indicators' own options, checked; {@code null} for the other types. */
    private TypeOptions checkedOptions() {
        boolean announcement = AnnouncementEvent.TYPE.equals(type);
        if (!announcement && (categories != null || includeBody)) {
            throw new IllegalArgumentException("Option " + (categories != null ? "categories" : "includeBody")
                    + " is only for upbit:announcement, not upbit:" + type);
        }
        if (!isInfo() && (timeframe != null || indicators != null)) {
            throw new IllegalArgumentException("Option " + (timeframe != null ? "timeframe" : "indicators")
                    + " is only for upbit:indicator and upbit:indicator_signal, not upbit:" + type);
        }
        if (announcement) {
            SortedSet<String> wanted = new TreeSet<>();
            if (categories != null && !categories.isBlank()) {
                for (String part : categories.split(",")) {
                    AnnouncementCategory category = AnnouncementCategory.of(part.trim().toLowerCase(Locale.ROOT));
                    if (category == AnnouncementCategory.UNKNOWN) {
                        throw invalid("categories", part.trim(), ANNOUNCEMENT_CATEGORIES);
                    }
                    wanted.add(category.upbitName());
                }
            }
            return new TypeOptions.Announcement(wanted, includeBody);
        }
        if (isInfo()) {
            if (timeframe == null || timeframe.isBlank()) {
                throw new IllegalArgumentException("Option timeframe is required for upbit:" + type + ": use one of "
                        + IndicatorTimeframe.NAMES);
            }
            IndicatorTimeframe period = IndicatorTimeframe.of(timeframe.trim());
            if (period == IndicatorTimeframe.UNKNOWN) {
                throw invalid("timeframe", timeframe, IndicatorTimeframe.NAMES);
            }
            List<IndicatorChoice> choices = IndicatorsOption.parse(indicators,
                    IndicatorSignalEvent.TYPE.equals(type));
            return new TypeOptions.Indicators(period, choices);
        }
        return null;
    }

    private BigDecimal checkedLevel() {
        if (level == null || level.isBlank()) {
            return BigDecimal.ZERO;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(level.trim());
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null || value.signum() < 0 || value.scale() > 10 || value.precision() - value.scale() > 12) {
            throw new IllegalArgumentException("Option level must be 0 or a positive price unit such as 10000, got '"
                    + level + "'");
        }
        return value;
    }

    /** The delivery options as a policy; valid after {@link #toSpec()} passed. */
    DeliveryPolicy deliveryPolicy() {
        return new DeliveryPolicy("latest".equals(delivery), "dropOldest".equals(overflow), mailboxSize);
    }

    private void checkDelivery() {
        if (!"queue".equals(delivery) && !"latest".equals(delivery)) {
            throw invalid("delivery", delivery, "queue,latest");
        }
        if (!"pause".equals(overflow) && !"dropOldest".equals(overflow)) {
            throw invalid("overflow", overflow, "pause,dropOldest");
        }
        if (pollTimeout < 0) {
            throw new IllegalArgumentException("Option pollTimeout must not be negative, got " + pollTimeout);
        }
        if (pollIdleTimeout < 1) {
            throw new IllegalArgumentException("Option pollIdleTimeout must be positive, got " + pollIdleTimeout);
        }
        if (mailboxSize < 1) {
            throw new IllegalArgumentException("Option mailboxSize must be at least 1, got " + mailboxSize);
        }
        if ("latest".equals(delivery)) {
            if (TradeEvent.TYPE.equals(type) || needsKeys()) {
                throw new IllegalArgumentException("Option delivery=latest keeps only the newest event per market, "
                        + "which would lose events of upbit:" + type + ": use delivery=queue (latest suits ticker, "
                        + "orderbook and candles)");
            }
            if ("dropOldest".equals(overflow)) {
                throw new IllegalArgumentException("Option overflow applies to delivery=queue only: "
                        + "delivery=latest never overflows");
            }
            if (closedOnly) {
                // conflating running candles before they close would let an older running candle pass as final
                throw new IllegalArgumentException("Option closedOnly cannot be combined with delivery=latest: a "
                        + "closed candle is final and arrives once per period; use delivery=queue");
            }
        }
        if ("dropOldest".equals(overflow) && isAccount()) {
            throw new IllegalArgumentException("Option overflow=dropOldest would lose events of upbit:" + type
                    + " (fills and balance changes): use overflow=pause");
        }
    }

    private void checkType() {
        if (type != null && type.startsWith(CandleUnit.TYPE_PREFIX) && candleUnit() == null) {
            StringBuilder units = new StringBuilder();
            for (CandleUnit unit : CandleUnit.values()) {
                units.append(units.length() == 0 ? "" : ",").append(unit.suffix());
            }
            throw new IllegalArgumentException("Unknown candle unit '" + type.substring(CandleUnit.TYPE_PREFIX.length())
                    + "' in upbit:" + type + ": use one of " + units);
        }
        if (type == null || !("," + TYPES + ",").contains("," + type + ",")) {
            throw new IllegalArgumentException("Unknown Upbit type '" + type + "' in upbit:" + type + ": use one of "
                    + TYPES);
        }
    }

    /** The codes option read and checked; valid once {@link #toSpec()} passed. */
    SortedSet<String> checkedCodes() {
        boolean none = codes == null || codes.isBlank();
        if (MyAssetEvent.TYPE.equals(type)) {
            if (!none) {
                throw new IllegalArgumentException("Option codes is not allowed for upbit:myAsset: Upbit's myAsset "
                        + "stream covers the whole account");
            }
            return new TreeSet<>();
        }
        if (AnnouncementEvent.TYPE.equals(type)) {
            if (!none) {
                throw new IllegalArgumentException("Option codes is not allowed for upbit:announcement: notices "
                        + "belong to no market; choose them with categories");
            }
            return new TreeSet<>();
        }
        if (none) {
            if (MyOrderEvent.TYPE.equals(type)) {
                return new TreeSet<>();
            }
            throw new IllegalArgumentException("Option codes is required for upbit:" + type
                    + ": give market codes such as codes=KRW-BTC,KRW-ETH");
        }
        SortedSet<String> result = new TreeSet<>();
        for (String part : codes.split(",")) {
            String code = part.trim().toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("Option codes has a malformed market code '" + part.trim()
                        + "': use QUOTE-BASE such as KRW-BTC, BTC-ETH or USDT-XRP"
                        + (code.contains(".") ? " (for the orderbook depth use the depth option)" : ""));
            }
            if (isInfo() && !code.startsWith("KRW-")) {
                // Upbit answers no error for another market: its indicators would silently never come
                throw new IllegalArgumentException("Option codes has " + code + " but Upbit computes indicators for "
                        + "KRW markets only: use KRW-... codes");
            }
            result.add(code);
        }
        return result;
    }

    /** The market codes as the URI lists them (upper-cased, each once), for answers that keep that order. */
    List<String> codesInOrder() {
        Set<String> ordered = new LinkedHashSet<>();
        for (String part : codes.split(",")) {
            ordered.add(part.trim().toUpperCase(Locale.ROOT));
        }
        return List.copyOf(ordered);
    }

    /** The first order or operation option set, for an endpoint that takes none. */
    private String producerOptionSet() {
        Object[][] options = {{"code", code}, {"side", side}, {"orderType", orderType}, {"price", price},
                {"volume", volume}, {"timeInForce", timeInForce}, {"smpType", smpType}, {"identifier", identifier},
                {"uuid", uuid}, {"state", state}};
        for (Object[] option : options) {
            if (option[1] != null) {
                return (String) option[0];
            }
        }
        return null;
    }

    /** The options of a REST operation: what it takes, with their allowed values. */
    private void checkOperationOptions(UpbitOperation op) {
        if (depth != null || level != null || closedOnly || channel != null || categories != null || includeBody
                || timeframe != null || indicators != null || !"event".equals(bodyType)
                || !"both".equals(snapshotMode) || reconcile != null) {
            throw new IllegalArgumentException("upbit:" + type + " is a REST operation: stream options (depth, level, "
                    + "closedOnly, channel, categories, includeBody, timeframe, indicators, bodyType, snapshotMode, "
                    + "reconcile) do not apply");
        }
        boolean order = op == UpbitOperation.PLACE_ORDER || op == UpbitOperation.TEST_ORDER;
        if (code != null && !order && op != UpbitOperation.ORDER_CHANCE) {
            throw new IllegalArgumentException("Option code is for orderChance, placeOrder and testOrder, not upbit:"
                    + type + (op == UpbitOperation.OPEN_ORDERS || op == UpbitOperation.CLOSED_ORDERS
                            ? " (use codes)" : ""));
        }
        if (codes != null && op != UpbitOperation.OPEN_ORDERS && op != UpbitOperation.CLOSED_ORDERS) {
            throw new IllegalArgumentException("Option codes is for openOrders and closedOrders, not upbit:" + type
                    + (order || op == UpbitOperation.ORDER_CHANCE ? " (use code)" : ""));
        }
        if (!order && (side != null || orderType != null || price != null || volume != null || timeInForce != null
                || smpType != null)) {
            throw new IllegalArgumentException("Options side, orderType, price, volume, timeInForce and smpType are "
                    + "for placeOrder and testOrder, not upbit:" + type);
        }
        if (identifier != null && !order && op != UpbitOperation.CANCEL_ORDER && op != UpbitOperation.GET_ORDER) {
            throw new IllegalArgumentException("Option identifier is for placeOrder, testOrder, cancelOrder and "
                    + "getOrder, not upbit:" + type);
        }
        if (uuid != null && op != UpbitOperation.CANCEL_ORDER && op != UpbitOperation.GET_ORDER) {
            throw new IllegalArgumentException("Option uuid is for cancelOrder and getOrder, not upbit:" + type);
        }
        if (state != null) {
            String allowed = op == UpbitOperation.OPEN_ORDERS ? "wait,watch"
                    : op == UpbitOperation.CLOSED_ORDERS ? "done,cancel" : null;
            if (allowed == null) {
                throw new IllegalArgumentException("Option state is for openOrders and closedOrders, not upbit:"
                        + type);
            }
            for (String one : state.split(",")) {
                if (!("," + allowed + ",").contains("," + one.trim() + ",")) {
                    throw invalid("state", one.trim(), allowed);
                }
            }
        }
        if (side != null && !side.equals("bid") && !side.equals("ask")) {
            throw invalid("side", side, "bid,ask");
        }
        if (orderType != null && !",limit,price,market,best,".contains("," + orderType + ",")) {
            throw invalid("orderType", orderType, "limit,price,market,best");
        }
        if (timeInForce != null && !",ioc,fok,post_only,".contains("," + timeInForce + ",")) {
            throw invalid("timeInForce", timeInForce, "ioc,fok,post_only");
        }
        if (smpType != null && !",cancel_maker,cancel_taker,reduce,none,".contains("," + smpType + ",")) {
            throw invalid("smpType", smpType, "cancel_maker,cancel_taker,reduce,none");
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("Option maxPages must be at least 1, got " + maxPages);
        }
        amount("price", price);
        amount("volume", volume);
        if (codes != null) {
            checkedCodes();
        }
    }

    /** An amount option as written ({@code null} when not set), a positive decimal. */
    static BigDecimal amount(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (value.signum() > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Option " + option + " must be a positive number such as 0.01, got '"
                + text + "'");
    }

    /** The error for an option value outside its allowed values. */
    static IllegalArgumentException invalid(String option, String value, String allowed) {
        return new IllegalArgumentException("Option " + option + " has an invalid value '" + value + "': use one of "
                + allowed);
    }
}
