package io.camelupbit.test;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Holds back the answers to handshakes, for {@link UpbitSimulator#delayHandshakes} and
 * {@link UpbitSimulator#stallHandshakes}. A held answer goes out once it has waited the current delay since its
 * request arrived (measured on the monotonic clock, as the event loop's timers are, not on an injected wall clock),
 * and never while handshakes are stalled. Changing the delay or the stall applies to the answers already held too,
 * so clearing them releases those. A held request whose channel closes is dropped.
 *
 * <p>Thread-safe: the settings change on the test's thread; each held answer is handled on its channel's event loop.
 */
final class HandshakeHold {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeHold.class);

    private final Set<Held> held = ConcurrentHashMap.newKeySet();
    private volatile long delayNanos;
    private volatile boolean stalled;

    /** Answer every handshake this much later; zero answers at once. Re-times the answers already held. */
    void delay(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive: " + delay);
        }
        delayNanos = delay.toNanos(); // throws for a delay beyond ~292 years rather than wrapping round
        retimeAll();
    }

    /** Stall (never answer) or stop stalling; stopping releases the answers held so far, after any delay. */
    void stall(boolean stall) {
        stalled = stall;
        retimeAll();
    }

    /** No delay, no stall; the answers held so far go out. */
    void clear() {
        delayNanos = 0;
        stalled = false;
        retimeAll();
    }

    /** How many handshakes are waiting for their answer. */
    int heldCount() {
        return held.size();
    }

    /**
     * Sends a handshake's answer now or holds it. Called on the channel's event loop.
     *
     * @param channel the channel of the request
     * @param answer  sends the answer (runs on the channel's event loop, only while the channel is open)
     * @param discard releases what the answer would have used, when the channel closes before it
     */
    void answer(Channel channel, Runnable answer, Runnable discard) {
        if (!stalled && delayNanos == 0) {
            answer.run();
            return;
        }
        Held h = new Held(channel, answer, discard, System.nanoTime());
        held.add(h);
        channel.closeFuture().addListener(f -> h.abandon());
        h.retime();
    }

    /** Closes the channels of the held handshakes (on stop: their clients see the connection end unanswered). */
    void closeAll() {
        held.forEach(h -> h.channel.close());
    }

    private void retimeAll() {
        for (Held h : held) {
            try {
                h.channel.eventLoop().execute(h::retime);
            } catch (RejectedExecutionException e) {
                LOG.debug("Event loop gone; held handshake on {} ends with it", h.channel);
            }
        }
    }

    /** One held answer. Its methods run on its channel's event loop, so its fields need no locking. */
    private final class Held {
        private final Channel channel;
        private final Runnable answer;
        private final Runnable discard;
        private final long arrivedNanos;
        private ScheduledFuture<?> timer;
        private boolean done;

        Held(Channel channel, Runnable answer, Runnable discard, long arrivedNanos) {
            this.channel = channel;
            this.answer = answer;
            this.discard = discard;
            this.arrivedNanos = arrivedNanos;
        }

        void retime() {
            if (done) {
                return;
            }
            cancelTimer();
            if (stalled) {
                return;
            }
            long left = arrivedNanos + delayNanos - System.nanoTime();
            if (left <= 0) {
                release();
            } else {
                timer = channel.eventLoop().schedule(this::release, left, TimeUnit.NANOSECONDS);
            }
        }

        private void release() {
            if (done) {
                return;
            }
            done = true;
            held.remove(this);
            if (channel.isActive()) {
                answer.run();
            } else {
                discard.run();
            }
        }

        void abandon() {
            if (done) {
                return;
            }
            done = true;
            cancelTimer();
            held.remove(this);
            discard.run();
        }

        private void cancelTimer() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }
}
