package io.camelupbit.session;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.netty.channel.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-pressure for {@code overflow=pause}: the channel's connections stop reading exactly while some registered route's full
 * mailbox asks for it. A mailbox only says that its state may have changed ({@link Delivery.ReadControl}); this looks
 * at {@link Delivery#isPausing()} on the event loop, so a worker's "drained" overtaking the I/O thread's "full" can
 * never leave reading off. On the event loop itself (a mailbox filled while a read was being dispatched) reading stops
 * at once, before the next frame.
 */
final class ReadPause implements Delivery.ReadControl {

    private static final Logger LOG = LoggerFactory.getLogger(ReadPause.class);

    private final String name;
    private final EventLoop loop;
    private final Predicate<Delivery> registered;
    /** Stops, and restarts, reading on every line of the channel. */
    private final Runnable hold;
    private final Runnable release;
    private final AtomicLong pausedNanos = new AtomicLong();
    /** System.nanoTime() when reading was paused, 0 while reading; written on the event loop, read anywhere. */
    private volatile long pausedSince;

    // event-loop confined
    /** Registered deliveries whose full mailbox asks to stop reading, as of their last notification. */
    private final Set<Delivery> pausing = new LinkedHashSet<>();
    private boolean paused;
    private long pauses;

    ReadPause(String name, EventLoop loop, Predicate<Delivery> registered, Runnable hold, Runnable release) {
        this.name = name;
        this.loop = loop;
        this.registered = registered;
        this.hold = hold;
        this.release = release;
    }

    @Override
    public void pausingChanged(Delivery delivery) {
        if (loop.inEventLoop()) {
            update(delivery);
        } else {
            loop.execute(() -> update(delivery));
        }
    }

    /** Whether reading is stopped for full mailboxes. Event loop only. */
    boolean isPaused() {
        return paused;
    }

    /** Times reading was paused. Event loop only. */
    long pauses() {
        return pauses;
    }

    /** How long reading has been paused without a break, in milliseconds; 0 while reading. */
    long pausedForMillis() {
        long since = pausedSince;
        return since == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    /** Time reading was paused in all, in milliseconds (the current pause included). */
    long pausedMillis() {
        long since = pausedSince;
        long done = pausedNanos.get();
        return TimeUnit.NANOSECONDS.toMillis(since > 0 ? done + System.nanoTime() - since : done);
    }

    private void update(Delivery delivery) {
        boolean changed = registered.test(delivery) && delivery.isPausing()
                ? pausing.add(delivery) : pausing.remove(delivery);
        if (!changed) {
            return;
        }
        if (!pausing.isEmpty() && !paused) {
            pause();
        } else if (pausing.isEmpty() && paused) {
            resume();
        }
    }

    private void pause() {
        paused = true;
        pausedSince = System.nanoTime();
        pauses++;
        if (LogThrottle.worthLogging(pauses)) {
            LOG.warn("Upbit session {} pauses reading ({} pause(s) so far): a route's mailbox is full "
                    + "(overflow=pause); every route of this connection waits, idle detection is suspended", name,
                    pauses);
        }
        hold.run();
    }

    private void resume() {
        paused = false;
        long since = pausedSince;
        if (since > 0) {
            pausedNanos.addAndGet(System.nanoTime() - since);
            pausedSince = 0;
        }
        if (LogThrottle.worthLogging(pauses)) {
            LOG.info("Upbit session {} resumes reading", name);
        }
        // the frames of the read that filled a mailbox come first; they may fill one again
        release.run();
    }
}
