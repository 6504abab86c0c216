package io.camelupbit.session;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.camelupbit.net.RollingWindowLimiter;
import io.netty.channel.EventLoop;

/**
 * The original design's "pending state": at most one scheduled send per session. Any number of changes before it
 * runs ride on it; when it runs it sends the newest full state, and nothing when the server has that state already.
 * Confined to the session's event loop.
 */
final class PendingSender {

    /** Writes a request built at send time; returns false when there is nothing to send (no connection). */
    interface Send {
        boolean sendIfChanged();
    }

    private final EventLoop loop;
    private final long lingerNanos;
    private final RollingWindowLimiter limiter;
    private final Send send;
    private final LongSupplier clock;
    private ScheduledFuture<?> pending;

    PendingSender(EventLoop loop, long lingerNanos, RollingWindowLimiter limiter, Send send, LongSupplier clock) {
        this.loop = loop;
        this.lingerNanos = lingerNanos;
        this.limiter = limiter;
        this.send = send;
        this.clock = clock;
    }

    /** The book changed: make sure one send is scheduled. */
    void markDirty() {
        if (pending == null) {
            long delay = Math.max(lingerNanos, limiter.delayNanos(clock.getAsLong()));
            pending = loop.schedule(ScheduledTasks.logged("subscribe send", this::run), delay, TimeUnit.NANOSECONDS);
        }
    }

    /** A new connection: its message windows start empty. */
    void newConnection() {
        limiter.clear();
    }

    /** Forget a scheduled send, e.g. when the connection is gone. */
    void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void run() {
        pending = null;
        long now = clock.getAsLong();
        long wait = limiter.delayNanos(now);
        if (wait > 0) {
            pending = loop.schedule(ScheduledTasks.logged("subscribe send", this::run), wait, TimeUnit.NANOSECONDS);
            return;
        }
        if (send.sendIfChanged()) {
            limiter.record(now);
        }
    }
}
