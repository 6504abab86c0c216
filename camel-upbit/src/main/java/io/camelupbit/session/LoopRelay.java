package io.camelupbit.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.camelupbit.event.UpbitEvent;
import io.camelupbit.wire.FrameDecodingException;
import io.camelupbit.wire.SubscriptionList;
import io.camelupbit.wire.UpbitError;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

/**
 * Carries what a connection reads on an event loop of its own over to its owner's loop, one network read at a time:
 * the lines of a redundant channel read and decode on loops of their own, so they use as many cores, while all the
 * channel keeps (arbitration, the subscription, the routes' progress) stays on the channel's loop. Frames and items
 * keep their order, and the end of the connection reaches the owner after everything read before it
 * ({@link #flushThen}). An item's bytes are copied when some route wants them (the decoder's buffer is reused); a
 * route that wants them and joins while a read waits for the owner's loop does not get that read's items
 * ({@link EventDispatch}), as it would not had the line read on the owner's loop.
 * <p>
 * At most {@link #MAX_IN_FLIGHT} reads wait for the owner's loop; then the connection stops reading until the owner is
 * down to {@link #RESUME_AT}, so a busy owner never lets a fast line queue without bound. The transport's own matters
 * (an error, Upbit's close, idleness) go straight to the target, which handles them on any thread.
 */
final class LoopRelay implements InboundFrameHandler.Inbound {

    /** Reads handed over and not yet taken by the owner's loop before the connection stops reading. */
    static final int MAX_IN_FLIGHT = 16;
    /** Reads still waiting when the connection reads again. */
    static final int RESUME_AT = 4;

    private final InboundFrameHandler.Inbound target;
    private final EventLoop ownerLoop;
    private final BooleanSupplier holding;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Reading is stopped because the owner is behind; written on the connection's loop. */
    private volatile boolean throttled;

    // the connection's event loop
    private Channel channel;
    private List<Runnable> read = new ArrayList<>();

    /**
     * @param target    gets everything, on the owner's loop (the transport's matters on the connection's)
     * @param ownerLoop the loop of the connection's owner
     * @param holding   whether the owner holds reading (full mailboxes): then only the owner starts it again
     */
    LoopRelay(InboundFrameHandler.Inbound target, EventLoop ownerLoop, BooleanSupplier holding) {
        this.target = target;
        this.ownerLoop = ownerLoop;
        this.holding = holding;
    }

    @Override
    public void attached(Channel channel) {
        this.channel = channel;
        target.attached(channel);
    }

    /**
     * Hands over what was read so far, then runs {@code task} on the owner's loop after it. Connection's loop only.
     */
    void flushThen(Runnable task) {
        onReadComplete();
        toOwner(task);
    }

    @Override
    public boolean wantsItemBytes() {
        return target.wantsItemBytes();
    }

    @Override
    public void onFrame(int bytes, long receivedAt) {
        read.add(() -> target.onFrame(bytes, receivedAt));
    }

    @Override
    public void onEvent(UpbitEvent event, byte[] frame, int offset, int length) {
        if (offset < 0) {
            read.add(() -> target.onEvent(event, null, -1, 0));
        } else {
            byte[] item = Arrays.copyOfRange(frame, offset, offset + length);
            read.add(() -> target.onEvent(event, item, 0, item.length));
        }
    }

    @Override
    public void onStatus(String status) {
        read.add(() -> target.onStatus(status));
    }

    @Override
    public void onError(UpbitError error) {
        read.add(() -> target.onError(error));
    }

    @Override
    public void onSubscriptionList(SubscriptionList list) {
        read.add(() -> target.onSubscriptionList(list));
    }

    @Override
    public void onIgnored(String what) {
        read.add(() -> target.onIgnored(what));
    }

    @Override
    public void onMalformedItem(String type, int index, String problem) {
        read.add(() -> target.onMalformedItem(type, index, problem));
    }

    @Override
    public void onFieldError(String type, String field, String problem) {
        read.add(() -> target.onFieldError(type, field, problem));
    }

    @Override
    public void onDecodingError(FrameDecodingException error) {
        read.add(() -> target.onDecodingError(error));
    }

    @Override
    public void onTransportError(Throwable cause) {
        target.onTransportError(cause);
    }

    @Override
    public void onCloseFrame(int statusCode, String reason) {
        target.onCloseFrame(statusCode, reason);
    }

    @Override
    public boolean onReaderIdle() {
        // stopped reading ourselves, waiting for the owner: silence is ours, not Upbit's
        return !throttled && target.onReaderIdle();
    }

    @Override
    public void onReadComplete() {
        if (read.isEmpty()) {
            return;
        }
        List<Runnable> done = read;
        read = new ArrayList<>(Math.max(16, done.size()));
        if (inFlight.incrementAndGet() >= MAX_IN_FLIGHT && !throttled && channel != null) {
            throttled = true;
            channel.config().setAutoRead(false);
        }
        toOwner(() -> deliver(done));
    }

    /** Hands a task to the owner's loop; when that loop has stopped (the component stops), nobody waits for it. */
    private void toOwner(Runnable task) {
        try {
            ownerLoop.execute(task);
        } catch (RejectedExecutionException stopped) {
            read.clear();
        }
    }

    /** Reads again when the owner does not hold reading: after a throttle, or when the owner releases. */
    void readAgain() {
        if (!throttled && !holding.getAsBoolean() && channel != null) {
            channel.config().setAutoRead(true);
        }
    }

    private void deliver(List<Runnable> done) {
        for (int i = 0, n = done.size(); i < n; i++) {
            done.get(i).run();
        }
        target.onReadComplete();
        if (inFlight.decrementAndGet() <= RESUME_AT && throttled) {
            channel.eventLoop().execute(this::resume);
        }
    }

    private void resume() {
        if (throttled && inFlight.get() <= RESUME_AT) {
            throttled = false;
            readAgain();
        }
    }
}
