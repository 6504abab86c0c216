package io.camelupbit.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * A sliding-log rate window: at most {@code limit} events in any rolling {@code window}, whatever its start.
 *
 * <p>Upbit does not document whether it counts in fixed or sliding windows (upbit-protocol.md §6). A sliding log is
 * the stricter reading: a fixed-window counter lets up to twice the limit through around a window boundary, while
 * this class refuses the 6th event of any one-second stretch. Only admitted events are logged, so refused attempts
 * do not extend a block. The clock is injectable (nanoseconds, e.g. {@link System#nanoTime}) so tests can place
 * events exactly. Thread-safe.
 */
final class RollingWindow {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Deque<Long> admitted = new ArrayDeque<>();

    RollingWindow(int limit, Duration window, LongSupplier nanoClock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether one more event would fit now. */
    synchronized boolean hasRoom() {
        evict(nanoClock.getAsLong());
        return admitted.size() < limit;
    }

    /** Logs one event now, whether or not it fits (callers check {@link #hasRoom()} first). */
    synchronized void record() {
        long now = nanoClock.getAsLong();
        evict(now);
        admitted.addLast(now);
    }

    /** Logs one event now if it fits; returns whether it did. */
    synchronized boolean tryAcquire() {
        if (!hasRoom()) {
            return false;
        }
        record();
        return true;
    }

    /** Events inside the current rolling window. */
    synchronized int count() {
        evict(nanoClock.getAsLong());
        return admitted.size();
    }

    /** Forgets every logged event. */
    synchronized void clear() {
        admitted.clear();
    }

    int limit() {
        return limit;
    }

    private void evict(long now) {
        // An event at t leaves the window once now - t >= window: the window is the half-open (now - window, now].
        while (!admitted.isEmpty() && now - admitted.peekFirst() >= windowNanos) {
            admitted.removeFirst();
        }
    }
}
