package io.camelupbit.session;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.camelupbit.event.UpbitEvent;
import io.camelupbit.wire.FrameDecodingException;
import io.camelupbit.wire.SubscriptionList;
import io.camelupbit.wire.UpbitError;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a connection's pipeline reports: the transport's own matters (frames and bytes counted, malformed frames,
 * errors, idleness, Upbit's close) are handled here for its {@link UpbitConnection}; decoded items go straight on to
 * the owner, on the owner's event loop. The transport's matters ({@link #onTransportError}, {@link #onCloseFrame},
 * {@link #onReaderIdle}) may come from the connection's own loop when a {@link LoopRelay} carries its reads: they
 * only set the connection's close cause and count, both safe from any thread. The counters are read anywhere.
 */
final class ConnectionInbound implements InboundFrameHandler.Inbound {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionInbound.class);

    private final String name;
    private final Duration idleTimeout;
    private final RateLimitPolicy ratePolicy;
    private final UpbitConnection.Owner owner;
    private final UpbitConnection connection;
    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    private final AtomicLong fieldErrors = new AtomicLong();

    ConnectionInbound(String name, Duration idleTimeout, RateLimitPolicy ratePolicy, UpbitConnection.Owner owner,
            UpbitConnection connection) {
        this.name = name;
        this.idleTimeout = idleTimeout;
        this.ratePolicy = ratePolicy;
        this.owner = owner;
        this.connection = connection;
    }

    long framesReceived() {
        return framesReceived.get();
    }

    long bytesReceived() {
        return bytesReceived.get();
    }

    long decodeErrors() {
        return decodeErrors.get();
    }

    long fieldErrors() {
        return fieldErrors.get();
    }

    @Override
    public void attached(Channel channel) {
        connection.tracker().readsOn(Thread.currentThread().getName());
    }

    @Override
    public boolean wantsItemBytes() {
        return owner.wantsItemBytes();
    }

    @Override
    public void onFrame(int bytes, long receivedAt) {
        framesReceived.incrementAndGet();
        bytesReceived.addAndGet(bytes);
        owner.onFrame(receivedAt);
    }

    @Override
    public void onEvent(UpbitEvent event, byte[] frame, int offset, int length) {
        owner.onEvent(event, frame, offset, length);
    }

    @Override
    public void onStatus(String status) {
        owner.onStatus(status);
    }

    @Override
    public void onError(UpbitError error) {
        owner.onError(error);
    }

    @Override
    public void onSubscriptionList(SubscriptionList list) {
        owner.onSubscriptionList(list);
    }

    @Override
    public void onIgnored(String what) {
        owner.onIgnored(what);
    }

    @Override
    public void onMalformedItem(String type, int index, String problem) {
        long count = decodeErrors.incrementAndGet();
        if (LogThrottle.worthLogging(count)) {
            LOG.warn("Upbit session {} skipped a malformed {} item at position {} of its frame ({} so far): {}", name,
                    type == null ? "untyped" : type, index, count, problem);
        } else {
            LOG.debug("Upbit session {} skipped a malformed {} item at position {}: {}", name, type, index, problem);
        }
    }

    @Override
    public void onFieldError(String type, String field, String problem) {
        long count = fieldErrors.incrementAndGet();
        if (LogThrottle.worthLogging(count)) {
            LOG.warn("Upbit session {} read a malformed {}.{} as null and delivered the event ({} so far): {}", name,
                    type, field, count, problem);
        } else {
            LOG.debug("Upbit session {} read a malformed {}.{} as null: {}", name, type, field, problem);
        }
    }

    @Override
    public void onReadComplete() {
        owner.onReadComplete();
    }

    @Override
    public void onDecodingError(FrameDecodingException error) {
        long count = decodeErrors.incrementAndGet();
        if (LogThrottle.worthLogging(count)) {
            LOG.warn("Upbit session {} skipped a malformed frame ({} so far): {}", name, count, error.getMessage());
        } else {
            LOG.debug("Upbit session {} skipped a malformed frame: {}", name, error.getMessage());
        }
    }

    @Override
    public void onTransportError(Throwable cause) {
        connection.ending("transport error: " + cause);
        LOG.warn("Upbit session {} transport error: {}", name, cause.toString());
    }

    @Override
    public boolean onReaderIdle() {
        if (connection.isHolding()) {
            // we stopped reading ourselves (a full mailbox): silence is ours, not Upbit's
            return false;
        }
        String cause = "no frame for " + idleTimeout.toMillis() + " ms";
        connection.ending(cause);
        LOG.warn("Upbit session {}: {}; treating the connection as dead", name, cause);
        return true;
    }

    @Override
    public void onCloseFrame(int statusCode, String reason) {
        if (statusCode == 1008) {
            ratePolicy.signal("close 1008");
        }
        connection.ending("closed by Upbit with status " + statusCode + (reason == null || reason.isEmpty() ? ""
                : " " + reason));
        LOG.warn("Upbit session {}: Upbit closed the connection with status {} {}", name, statusCode, reason);
    }
}
