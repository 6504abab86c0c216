package io.camelupbit.session;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.camelupbit.event.UpbitEvent;
import io.camelupbit.wire.FrameDecodingException;
import io.camelupbit.wire.SubscribeRequest;
import io.camelupbit.wire.SubscriptionList;
import io.camelupbit.wire.UpbitError;
import io.camelupbit.wire.UpbitErrorException;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection to Upbit shared by every subscriber of a channel.
 * <p>
 * It opens the connection with the first subscriber, keeps one {@link SubscriptionBook} of what all of them want,
 * sends the full state whenever it changes (batched by the {@link PendingSender} within Upbit's message limits),
 * dispatches each decoded event to the subscribers that want it, reconnects and restores the subscription when the
 * connection is lost, and closes the connection {@code connectionLinger} after the last subscriber left.
 * <p>
 * All state lives on one Netty event loop; public methods may be called from any thread and hop onto it.
 */
public final class UpbitSession {

    private static final Logger LOG = LoggerFactory.getLogger(UpbitSession.class);

    /** Upbit's per-connection message limits. */
    static final int MESSAGES_PER_SECOND = 5;
    static final int MESSAGES_PER_MINUTE = 100;

    private final String name;
    private final SessionSettings settings;
    private final EventLoop loop;
    private final WebSocketConnector connector;
    private final SubscriptionBook book = new SubscriptionBook();
    private final PendingSender sender;
    private final Dispatch dispatch = new Dispatch();

    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong eventsDecoded = new AtomicLong();
    private final AtomicLong framesIgnored = new AtomicLong();
    private final AtomicLong eventsFiltered = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    private final AtomicLong subscribeMessagesSent = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();

    // event-loop confined
    private Channel channel;
    private boolean connecting;
    private boolean closed;
    private SubscribeRequest lastSent;
    private ScheduledFuture<?> lingerClose;
    private ScheduledFuture<?> reconnect;
    private long frameReceivedAt;

    public UpbitSession(String name, SessionSettings settings, EventLoop loop) {
        this.name = name;
        this.settings = settings;
        this.loop = loop;
        this.connector = new WebSocketConnector(settings);
        this.sender = new PendingSender(loop, settings.sendLinger().toNanos(),
                new RollingWindowLimiter(MESSAGES_PER_SECOND, MESSAGES_PER_MINUTE), this::sendIfChanged, System::nanoTime);
    }

    /** A short name for logs and tooling, e.g. {@code public@api.upbit.com}. */
    public String name() {
        return name;
    }

    /** Adds a subscriber; its spec is sent with the next batched subscribe message. */
    public void register(Subscriber subscriber) {
        loop.execute(() -> {
            if (closed || !book.add(subscriber)) {
                return;
            }
            cancelLingerClose();
            if (channel != null) {
                sender.markDirty();
            } else if (!connecting && reconnect == null) {
                connect();
            }
        });
    }

    /** Removes a subscriber; the reduced state is sent, or the connection closes after the linger when none is left. */
    public void unregister(Subscriber subscriber) {
        loop.execute(() -> {
            if (!book.remove(subscriber)) {
                return;
            }
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
            if (reconnect != null) {
                reconnect.cancel(false);
                reconnect = null;
            }
            if (channel != null) {
                channel.close();
            }
        });
        done.awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** Whether the WebSocket is open and its handshake done. */
    public boolean isConnected() {
        Channel c = channel;
        return c != null && c.isActive();
    }

    public long framesReceived() {
        return framesReceived.get();
    }

    public long bytesReceived() {
        return bytesReceived.get();
    }

    public long eventsDecoded() {
        return eventsDecoded.get();
    }

    public long framesIgnored() {
        return framesIgnored.get();
    }

    /** Events routed to a subscriber by (type, code) that its snapshot mode or orderbook level then turned away. */
    public long eventsFiltered() {
        return eventsFiltered.get();
    }

    public long decodeErrors() {
        return decodeErrors.get();
    }

    public long subscribeMessagesSent() {
        return subscribeMessagesSent.get();
    }

    public long connects() {
        return connects.get();
    }

    private void connect() {
        connecting = true;
        reconnect = null;
        LOG.info("Upbit session {} connecting to {}", name, settings.url());
        connector.connect(loop, new InboundFrameHandler(dispatch)).addListener((Future<Channel> f) -> {
            connecting = false;
            if (f.isSuccess()) {
                onConnected(f.getNow());
            } else {
                LOG.warn("Upbit session {} could not connect to {}: {}", name, settings.url(), f.cause().toString());
                scheduleReconnect();
            }
        });
    }

    private void onConnected(Channel ch) {
        if (closed || book.isEmpty()) {
            ch.close();
            return;
        }
        channel = ch;
        lastSent = null;
        connects.incrementAndGet();
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
        if (closed || book.isEmpty()) {
            LOG.info("Upbit session {} disconnected", name);
            return;
        }
        LOG.warn("Upbit session {} lost its connection; reconnecting in {} ms", name, settings.reconnectDelay().toMillis());
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (closed || book.isEmpty()) {
            return;
        }
        reconnect = loop.schedule(this::connect, settings.reconnectDelay().toMillis(), TimeUnit.MILLISECONDS);
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
                LOG.info("Upbit session {} has no subscriber left; closing its connection", name);
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

    /** Sends the book's current full state unless the server has it already. */
    private boolean sendIfChanged() {
        if (channel == null || book.isEmpty()) {
            return false;
        }
        SubscribeRequest request = new SubscribeRequest(UUID.randomUUID().toString(), book.request(), settings.format());
        if (request.sameStateAs(lastSent)) {
            return false;
        }
        String json = request.toJson();
        LOG.debug("Upbit session {} subscribing: {}", name, json);
        channel.writeAndFlush(new TextWebSocketFrame(json));
        lastSent = request;
        subscribeMessagesSent.incrementAndGet();
        return true;
    }

    /** Receives what the connection decodes; runs on the event loop. */
    private final class Dispatch implements InboundFrameHandler.Inbound {

        @Override
        public void onFrame(int bytes, long receivedAt) {
            framesReceived.incrementAndGet();
            bytesReceived.addAndGet(bytes);
            frameReceivedAt = receivedAt;
        }

        @Override
        public void onEvent(UpbitEvent event, byte[] frame, int offset, int length) {
            eventsDecoded.incrementAndGet();
            ReceivedEvent received = offer(book.subscribers(event.type(), event.code()), null, event, frame, offset,
                    length);
            offer(book.allCodeSubscribers(event.type()), received, event, frame, offset, length);
        }

        /** Hands the event to those of the subscribers that accept it; returns the (shared) received event. */
        private ReceivedEvent offer(List<Subscriber> subscribers, ReceivedEvent received, UpbitEvent event,
                byte[] frame, int offset, int length) {
            for (Subscriber s : subscribers) {
                if (!s.spec().accepts(event)) {
                    eventsFiltered.incrementAndGet();
                    continue;
                }
                if (received == null || received.json() == null && s.wantsJson()) {
                    // the frame's bytes are reused after this call: copy the item now, once, if anyone wants it
                    String json = s.wantsJson() ? new String(frame, offset, length, StandardCharsets.UTF_8) : null;
                    received = new ReceivedEvent(event, frameReceivedAt, json);
                }
                s.onEvent(received);
            }
            return received;
        }

        @Override
        public void onSubscriptionList(SubscriptionList list) {
            LOG.debug("Upbit session {} is subscribed to {}", name, list.subscriptions());
        }

        @Override
        public void onStatus(String status) {
            LOG.trace("Upbit session {} status {}", name, status);
        }

        @Override
        public void onError(UpbitError error) {
            LOG.warn("Upbit session {} received error {}: {}", name, error.name(), error.message());
            UpbitErrorException cause = new UpbitErrorException(error);
            for (Subscriber s : book.subscribers()) {
                s.onError(cause);
            }
        }

        @Override
        public void onIgnored(String what) {
            framesIgnored.incrementAndGet();
            LOG.debug("Upbit session {} ignored {}", name, what);
        }

        @Override
        public void onDecodingError(FrameDecodingException error) {
            decodeErrors.incrementAndGet();
            LOG.warn("Upbit session {} skipped a malformed frame: {}", name, error.getMessage());
        }

        @Override
        public void onTransportError(Throwable cause) {
            LOG.warn("Upbit session {} transport error: {}", name, cause.toString());
        }
    }
}
