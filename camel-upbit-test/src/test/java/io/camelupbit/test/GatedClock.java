package io.camelupbit.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A wall clock that stands still until {@link #release() released}, then runs at the pace of the system's monotonic
 * clock: a test sets everything up at one instant, then lets time run, however long the setup took.
 */
final class GatedClock extends Clock {

    private final Instant start;
    private volatile long releasedAtNanos;
    private volatile boolean released;

    GatedClock(Instant start) {
        this.start = start;
    }

    /** Lets time run from now on; a second call changes nothing. */
    synchronized void release() {
        if (!released) {
            releasedAtNanos = System.nanoTime();
            released = true;
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return released ? start.plusNanos(System.nanoTime() - releasedAtNanos) : start;
    }
}
