package io.camelupbit.test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * One WebSocket connection: answers requests like Upbit (validation errors, replace semantics, the connection-wide
 * format, LIST_SUBSCRIPTIONS, PING), enforces the per-connection message limits, streams the subscribed data on a
 * timer, sends the notices and indicator candle closes it is subscribed to, and closes the connection when it stays
 * idle. On the info path a request that fails validation closes the connection after its error frame, as Upbit
 * documents for the indicators ("오류 응답을 전송한 뒤 WebSocket 연결을 종료합니다"). Its {@link ConnectionFaults} can
 * make it silent (nothing sent, no idle close) or drop it abruptly; its {@link ItemGate} drops or holds back data
 * items. Its market data comes from the simulator's {@link SharedStreams}, so connections subscribed to the same
 * stream get the same items.
 *
 * <p>Its state changes only on the channel's event loop; the {@link SimConnection} reads are safe from any thread
 * (volatile fields and immutable values), and the pushes go through Netty's thread-safe writes.
 */
final class SimSession extends SimpleChannelInboundHandler<WebSocketFrame> implements SimConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SimSession.class);
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How many sent frames {@link #sentFrames()} keeps. */
    static final int SENT_FRAMES_KEPT = 1000;

    private final ServerContext context;
    private final SimulatorSettings settings;
    private final ConnectionFaults faults;
    private final AtomicInteger framesSent = new AtomicInteger();
    private final Deque<String> sentFrames = new ArrayDeque<>();
    private final AtomicLong tradesSkipped = new AtomicLong();

    private volatile Channel channel;
    private volatile String id;
    private volatile HandshakeRecord handshake;
    private Endpoint endpoint;
    private volatile boolean compression;
    private volatile List<Subscription> subscription = List.of();
    private volatile Format format = Format.DEFAULT;
    private volatile String accessKey;
    /** Why the private handshake failed authentication, when it was let through to fail in-band; else null. */
    private String authRejection;
    private boolean closing;

    private RequestParser parser;
    private RollingLimiter limiter;
    private DataFeed feed;
    private volatile ItemGate gate;
    private IndicatorFeed indicators;
    private ScheduledFuture<?> streaming;

    SimSession(ServerContext context, ConnectionFaults faults) {
        this.context = context;
        this.settings = context.settings();
        this.faults = faults;
    }

    // ---- life cycle -------------------------------------------------------------------------------------------

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            opened(ctx);
        } else if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            idle(ctx);
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    private void opened(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        handshake = channel.attr(ChannelAttributes.HANDSHAKE).get();
        id = handshake.connectionId();
        compression = Boolean.TRUE.equals(channel.attr(ChannelAttributes.COMPRESSION).get());
        accessKey = channel.attr(ChannelAttributes.ACCESS_KEY).get();
        authRejection = channel.attr(ChannelAttributes.AUTH_REJECTION).get();
        endpoint = Endpoint.ofPath(handshake.path());
        parser = new RequestParser(endpoint, settings.acceptCamelCaseFlags(), settings.emptySubscription(),
                settings.publicTypesOnPrivate(), settings.orderbookLevels(), settings.announcementCategories());
        limiter = new RollingLimiter(List.of(
                new RollingWindow(settings.messagesPerSecond(), Duration.ofSeconds(1), context.nanoClock()),
                new RollingWindow(settings.messagesPerMinute(), Duration.ofMinutes(1), context.nanoClock())));
        feed = new DataFeed(context.streams(), this::tradesSkipped);
        gate = new ItemGate(id, settings.wallClock());
        indicators = new IndicatorFeed(context.indicators());
        context.connections().add(this);
        LOG.debug("Connection {} open on {} (compression {})", id, handshake.path(), compression);
    }

    private void idle(ChannelHandlerContext ctx) {
        if (faults.silent()) {
            // A half-open peer does not close either: the client has to notice by itself.
            LOG.debug("Connection {} idle for {} but silent: kept open", id, settings.idleTimeout());
            return;
        }
        LOG.debug("Connection {} idle for {}: closing", id, settings.idleTimeout());
        if (channel == null) {
            ctx.close(); // still in the HTTP stage
        } else {
            close(1000, "idle timeout");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stopStreaming();
        if (feed != null) {
            feed.close();
        }
        if (channel != null) {
            context.connections().remove(this);
            LOG.debug("Connection {} closed", id);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Oversized messages and protocol violations end the connection, as a server would.
        LOG.debug("Connection {} failed: {}", id, cause.toString());
        if (channel != null) {
            close(1009, "message too big or malformed");
        } else {
            ctx.close();
        }
    }

    // ---- requests ---------------------------------------------------------------------------------------------

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        // Requests are text frames; binary ones are read as UTF-8 too. Fragments arrive joined by the aggregator.
        if (frame instanceof TextWebSocketFrame text) {
            onMessage(text.text());
        } else if (frame instanceof BinaryWebSocketFrame binary) {
            onMessage(binary.content().toString(StandardCharsets.UTF_8));
        }
    }

    private void onMessage(String text) {
        if (authRejection != null) {
            unauthenticated(text);
            return;
        }
        ParsedMessage message = parser.parse(text);
        context.recorder().received(new ReceivedMessage(id, settings.wallClock().instant(), text),
                message.subscribeRequest());
        boolean ping = message.request() instanceof Request.Ping;
        if ((!ping || settings.pingCountsTowardLimit()) && !limiter.tryAcquire()) {
            overLimit();
            return;
        }
        if (message.error() != null) {
            sendError(message.error().errorName(), message.error().getMessage(), endpoint == Endpoint.INFO);
        } else if (ping) {
            sendStatusFrame(PayloadWriter.status("UP"));
        } else if (message.request() instanceof Request.ListSubscriptions list) {
            format = formatAfter(list.format());
            sendStatusFrame(PayloadWriter.listSubscriptions(list.ticket(), subscription, format));
        } else if (message.request() instanceof Request.Subscribe subscribe) {
            subscribe(subscribe);
        }
    }

    private void subscribe(Request.Subscribe request) {
        format = formatAfter(request.format());
        subscription = request.subscriptions();
        stopStreaming();
        indicators.replace(subscription);
        sendData(feed.replace(subscription));
        channel.flush();
        if (feed.hasRealtime()) {
            long period = Math.max(MIN_TICK_NANOS, (long) (settings.tickInterval().toNanos() / settings.speed()));
            streaming = channel.eventLoop().scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * A private connection whose token failed ({@link AuthFailure#ERROR_FRAME_INVALID_AUTH}): its first message gets
     * {@code INVALID_AUTH}, then the socket closes; anything arriving meanwhile is only recorded.
     */
    private void unauthenticated(String text) {
        context.recorder().received(new ReceivedMessage(id, settings.wallClock().instant(), text), false);
        if (channel.isActive() && !closing) {
            closing = true;
            sendStatusFrame(PayloadWriter.error(ErrorNames.INVALID_AUTH, "invalid auth: " + authRejection));
            close(1000, ErrorNames.INVALID_AUTH);
        }
    }

    /** The latest message's format applies to the whole connection (upbit-protocol.md §2.4). */
    private Format formatAfter(Format requested) {
        if (requested != null) {
            return requested;
        }
        return settings.formatReset() == FormatReset.RESET_TO_DEFAULT ? Format.DEFAULT : format;
    }

    private void overLimit() {
        context.recorder().rateLimitViolation();
        LOG.debug("Connection {} over its message limits: {}", id, settings.overLimit());
        switch (settings.overLimit()) {
            case CLOSE_1008 -> close(1008, "too many requests");
            case ERROR_FRAME -> sendError(ErrorNames.TOO_MANY_REQUESTS, "too many requests", false);
            case IGNORE -> {
                // dropped silently
            }
            default -> throw new IllegalStateException();
        }
    }

    /** An error frame, then a close when asked or configured ({@link UpbitSimulator.Builder#closeAfterError}). */
    private void sendError(String name, String message, boolean close) {
        sendStatusFrame(PayloadWriter.error(name, message));
        if (close || settings.closeAfterError()) {
            close(1000, name);
        }
    }

    // ---- data -------------------------------------------------------------------------------------------------

    private void tick() {
        // A client that does not read is skipped, not buffered without end: its readers keep a bounded number of
        // items (the newest) until it reads again. A silent connection reads on: what is due is withheld.
        if (channel.isActive() && (faults.silent() || channel.isWritable())) {
            sendData(feed.due());
            channel.flush();
        }
    }

    private void stopStreaming() {
        if (streaming != null) {
            streaming.cancel(false);
            streaming = null;
        }
    }

    /**
     * Passes the items through the {@link ItemGate} (silence, drops, holding), then writes what is left: items due at
     * the same moment share one frame in a list format; otherwise one frame each.
     *
     * @return how many items were written (none on a silent connection)
     */
    private int sendData(List<DataItem> items) {
        if (items.isEmpty()) {
            return 0;
        }
        return writeItems(gate.pass(items, faults.silent()));
    }

    private int writeItems(List<DataItem> items) {
        if (items.isEmpty()) {
            return 0;
        }
        Format f = format;
        if (f.list()) {
            writeData(items, PayloadWriter.data(items, f));
        } else {
            for (DataItem item : items) {
                List<DataItem> one = List.of(item);
                writeData(one, PayloadWriter.data(one, f));
            }
        }
        return items.size();
    }

    // Every write of data, status and error frames and pushes checks silence here, so nothing slips through a silent
    // connection whichever path (timer, reply, account event, test push) produced it.
    private void writeData(List<DataItem> items, byte[] payload) {
        if (faults.silent()) {
            return;
        }
        framesSent.incrementAndGet();
        remember(payload);
        // Recorded just before the hand-over (the log's lock is already released); this event loop keeps the order.
        context.sentLog().record(id, items);
        channel.write(frame(payload, settings.dataFramesAsText()));
    }

    /** A trade stream of this connection left out trades: count them, and say so loudly once. */
    private void tradesSkipped(String code, long count) {
        long before = tradesSkipped.getAndAdd(count);
        context.recorder().tradesSkipped(count);
        if (before == 0) {
            LOG.warn("Connection {} is behind: skipped {} {} trades in one tick (more than maxTradesPerTick {} due, "
                    + "or older than the trade history); it gets the newest. Further skips are logged at DEBUG",
                    id, count, code, settings.maxTradesPerTick());
        } else {
            LOG.debug("Connection {} skipped {} {} trades ({} in all)", id, count, code, before + count);
        }
    }

    private void sendStatusFrame(byte[] payload) {
        if (faults.silent()) {
            return;
        }
        remember(payload);
        channel.writeAndFlush(frame(payload, settings.statusFramesAsText()));
    }

    private void remember(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        synchronized (sentFrames) {
            sentFrames.addLast(text);
            if (sentFrames.size() > SENT_FRAMES_KEPT) {
                sentFrames.removeFirst();
            }
        }
    }

    /**
     * Sends those of an account's events that this connection's subscription takes, on its event loop (so they
     * keep their order and follow any subscribe message already read).
     */
    void deliver(String eventAccessKey, List<DataItem> events) {
        Channel ch = channel;
        if (ch == null || accessKey == null || !accessKey.equals(eventAccessKey)) {
            return;
        }
        ch.eventLoop().execute(() -> {
            if (!ch.isActive()) {
                return;
            }
            List<DataItem> wanted = events.stream().filter(feed::wants).toList();
            sendData(wanted);
            ch.flush();
        });
    }

    /**
     * Sends the items this indicator candle close gives under the connection's subscription, on its event loop.
     *
     * @return completed with the number of items written
     */
    Future<Integer> indicatorClose(CandleWindow window, long timestamp) {
        return onEventLoop(() -> sendData(indicators.closed(window, timestamp)));
    }

    /**
     * Sends this notice if the connection's subscription takes its category, on its event loop.
     *
     * @return completed with the number of items written: 1 or 0
     */
    Future<Integer> announce(Announcement notice, long timestamp) {
        return onEventLoop(() -> {
            AnnouncementMessage item = feed.announcement(notice, timestamp);
            return item == null ? 0 : sendData(List.of(item));
        });
    }

    private Future<Integer> onEventLoop(IntSupplier write) {
        Channel ch = channel;
        if (ch == null) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(0);
        }
        Promise<Integer> written = ch.eventLoop().newPromise();
        try {
            ch.eventLoop().execute(() -> {
                try {
                    int n = ch.isActive() ? write.getAsInt() : 0;
                    ch.flush();
                    written.setSuccess(n);
                } catch (RuntimeException e) {
                    written.setFailure(e);
                }
            });
        } catch (RejectedExecutionException e) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(0); // the simulator is stopping
        }
        return written;
    }

    private static WebSocketFrame frame(byte[] payload, boolean asText) {
        return asText ? new TextWebSocketFrame(Unpooled.wrappedBuffer(payload))
                : new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload));
    }

    // ---- SimConnection ----------------------------------------------------------------------------------------

    @Override
    public String id() {
        return id;
    }

    @Override
    public String path() {
        return handshake.path();
    }

    @Override
    public HandshakeRecord handshake() {
        return handshake;
    }

    @Override
    public boolean compressionNegotiated() {
        return compression;
    }

    @Override
    public List<Subscription> subscription() {
        return subscription;
    }

    @Override
    public Set<String> subscribedCodes(String type) {
        Set<String> codes = new LinkedHashSet<>();
        for (Subscription s : subscription) {
            if (s.type().equals(type)) {
                s.codes().forEach(code -> codes.add(MarketCodes.bare(code)));
            }
        }
        return Collections.unmodifiableSet(codes);
    }

    @Override
    public String format() {
        return format.name();
    }

    @Override
    public int framesSent() {
        return framesSent.get();
    }

    @Override
    public String accessKey() {
        return accessKey;
    }

    @Override
    public List<String> sentFrames() {
        synchronized (sentFrames) {
            return List.copyOf(sentFrames);
        }
    }

    @Override
    public List<SentItem> sentItems() {
        return context.sentLog().itemsOf(id);
    }

    @Override
    public long tradesSkipped() {
        return tradesSkipped.get();
    }

    @Override
    public void push(String json) {
        send(json, settings.dataFramesAsText());
    }

    @Override
    public void pushText(String json) {
        send(json, true);
    }

    @Override
    public void pushBytes(byte[] payload, boolean asText) {
        sendBytes(payload.clone(), asText);
    }

    private void send(String json, boolean asText) {
        sendBytes(json.getBytes(StandardCharsets.UTF_8), asText);
    }

    private void sendBytes(byte[] payload, boolean asText) {
        if (faults.silent()) {
            LOG.debug("Connection {} is silent: push dropped", id);
            return;
        }
        framesSent.incrementAndGet();
        remember(payload);
        channel.writeAndFlush(frame(payload, asText));
    }

    @Override
    public void pushFragmented(byte[] payload, int fragmentSize, boolean asText, boolean finish) {
        if (faults.silent()) {
            return;
        }
        framesSent.incrementAndGet();
        for (int from = 0; from < payload.length; from += fragmentSize) {
            int length = Math.min(fragmentSize, payload.length - from);
            boolean last = finish && from + length >= payload.length;
            ByteBuf content = Unpooled.copiedBuffer(payload, from, length);
            WebSocketFrame frame = from == 0
                    ? asText ? new TextWebSocketFrame(last, 0, content) : new BinaryWebSocketFrame(last, 0, content)
                    : new ContinuationWebSocketFrame(last, 0, content);
            channel.write(frame);
        }
        channel.flush();
    }

    @Override
    public void forgetSubscription(String type, String code) {
        channel.eventLoop().execute(() -> {
            List<Subscription> kept = new ArrayList<>();
            for (Subscription s : subscription) {
                if (!s.type().equals(type)) {
                    kept.add(s);
                    continue;
                }
                List<String> codes = s.codes().stream().filter(c -> !MarketCodes.bare(c).equals(code)).toList();
                if (!codes.isEmpty()) {
                    kept.add(s.withCodes(codes));
                }
            }
            subscription = List.copyOf(kept);
            feed.forget(type, code);
            indicators.forget(type, code);
        });
    }

    @Override
    public void closeWithRawStatus(int statusCode) {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(new CloseWebSocketFrame(true, 0, Unpooled.buffer(2).writeShort(statusCode)))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void close(int statusCode, String reason) {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(new CloseWebSocketFrame(statusCode, reason)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void dropAbruptly() {
        Channel ch = channel;
        if (ch == null) {
            return;
        }
        ch.eventLoop().execute(() -> {
            if (!ch.isOpen()) {
                return;
            }
            LOG.debug("Connection {} dropped abruptly", id);
            // SO_LINGER 0 makes the close a RST, discarding unsent bytes. Closing from the first handler's context
            // goes straight to the socket: a TLS handler would otherwise send its close_notify first.
            ch.config().setOption(ChannelOption.SO_LINGER, 0);
            ChannelHandlerContext first = ch.pipeline().firstContext();
            if (first == null) {
                ch.close();
            } else {
                first.close();
            }
        });
    }

    @Override
    public void goSilent() {
        // The flag is all: from here the filter drops what arrives and every write is skipped, on any thread; the
        // streams keep being read, so what falls due meanwhile is withheld (and recorded) rather than piled up.
        faults.silence();
        LOG.debug("Connection {} goes silent", id);
    }

    @Override
    public void resume() {
        faults.endSilence();
        LOG.debug("Connection {} resumes", id);
    }

    @Override
    public boolean isSilent() {
        return faults.silent();
    }

    @Override
    public void dropNextItems(int count) {
        gate.drop(null, count);
    }

    @Override
    public void dropNextItems(String type, int count) {
        gate.drop(Objects.requireNonNull(type, "type"), count);
    }

    @Override
    public int itemsToDrop() {
        return gate.toDrop();
    }

    @Override
    public void holdItems() {
        gate.hold();
    }

    @Override
    public void releaseItems() {
        Channel ch = channel;
        try {
            ch.eventLoop().execute(() -> {
                // On the event loop: the held items go out before anything due after them.
                for (List<DataItem> batch : gate.release()) {
                    if (!ch.isActive()) {
                        return;
                    }
                    if (faults.silent()) {
                        gate.withhold(batch, WithheldItem.Reason.SILENT);
                    } else {
                        writeItems(batch);
                    }
                }
                ch.flush();
            });
        } catch (RejectedExecutionException e) {
            gate.release(); // the simulator is stopping: nothing will be written
        }
    }

    @Override
    public boolean isHoldingItems() {
        return gate.holding();
    }

    @Override
    public int itemsHeld() {
        return gate.heldCount();
    }

    @Override
    public List<WithheldItem> withheldItems() {
        return gate.withheld();
    }

    @Override
    public long itemsWithheld() {
        return gate.withheldCount();
    }

    @Override
    public int pingsReceived() {
        return faults.pingsReceived();
    }

    @Override
    public boolean isOpen() {
        Channel ch = channel;
        return ch != null && ch.isActive();
    }

    ChannelFuture closeFuture() {
        return channel.closeFuture();
    }

    @Override
    public String toString() {
        return "SimConnection[" + id + " " + (handshake == null ? "?" : handshake.path()) + "]";
    }
}
