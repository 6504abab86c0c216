package io.camelupbit.net;

import java.util.ArrayDeque;
import java.util.function.IntSupplier;

/**
 * Upbit's message limit as a sliding log of send times: no rolling 1 s window may hold more than {@code perSecond}
 * sends and no rolling 60 s window more than {@code perMinute}. Upbit does not say whether it counts in fixed or
 * sliding windows; a sliding log is safe under both, where a fixed-window counter can put twice the limit into one
 * second across a window boundary. Not thread-safe: confined to one thread (a session's event loop), or guarded by its owner.
 */
public final class RollingWindowLimiter {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final IntSupplier perSecondCeiling;
    private final IntSupplier perMinuteCeiling;
    /** Send times (nanos) within the last minute, oldest first. */
    private final ArrayDeque<Long> sends = new ArrayDeque<>();

    public RollingWindowLimiter(int perSecond, int perMinute) {
        this(() -> perSecond, () -> perMinute);
        if (perSecond < 1 || perMinute < perSecond) {
            throw new IllegalArgumentException("limits must satisfy 1 <= perSecond <= perMinute");
        }
    }

    /** Ceilings read at every decision, so a {@code RateLimitPolicy} (session) can lower and restore them. */
    public RollingWindowLimiter(IntSupplier perSecond, IntSupplier perMinute) {
        this.perSecondCeiling = perSecond;
        this.perMinuteCeiling = perMinute;
    }

    /** Nanoseconds to wait from {@code now} until one more send fits both windows; 0 when it fits now. */
    public long delayNanos(long now) {
        evict(now);
        int perSecond = perSecondCeiling.getAsInt();
        int perMinute = perMinuteCeiling.getAsInt();
        long wait = 0;
        if (sends.size() >= perMinute) {
            wait = nth(sends.size() - perMinute) + MINUTE - now;
        }
        if (countSince(now - SECOND) >= perSecond) {
            wait = Math.max(wait, nth(sends.size() - perSecond) + SECOND - now);
        }
        if (!sends.isEmpty()) {
            // evenly spaced rather than in bursts: timers fire late under load, and writes queued together reach
            // Upbit closer together than they were sent, so a burst at the limit can arrive over it
            wait = Math.max(wait, sends.peekLast() + SECOND / perSecond - now);
        }
        return Math.max(0, wait);
    }

    /** Records a send at {@code now}; call only when {@link #delayNanos(long)} returned 0. */
    public void record(long now) {
        sends.addLast(now);
    }

    /** Forgets every send: Upbit counts messages per connection, so a new connection starts with empty windows. */
    public void clear() {
        sends.clear();
    }

    /** Books the earliest slot from {@code now} (possibly in the future) and returns the wait until it. */
    public long reserve(long now) {
        long wait = delayNanos(now);
        sends.addLast(now + wait);
        return wait;
    }

    private void evict(long now) {
        while (!sends.isEmpty() && sends.peekFirst() <= now - MINUTE) {
            sends.pollFirst();
        }
    }

    private int countSince(long from) {
        int n = 0;
        var it = sends.descendingIterator();
        while (it.hasNext() && it.next() > from) {
            n++;
        }
        return n;
    }

    /** The i-th oldest send time still held. */
    private long nth(int i) {
        var it = sends.iterator();
        for (int k = 0; k < i; k++) {
            it.next();
        }
        return it.next();
    }
}
