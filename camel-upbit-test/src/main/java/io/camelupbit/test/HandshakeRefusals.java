package io.camelupbit.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The queue of handshake refusals a test asked for with {@link UpbitSimulator#refuseHandshakes}: batches of
 * {@code count} refusals with one status, taken in the order they were queued, one per handshake. Thread-safe:
 * handshakes arrive on several event loops while the test thread queues.
 */
final class HandshakeRefusals {

    /** The statuses a refusal may carry: client and server errors, which all take the short body a refusal sends. */
    static final int MIN_STATUS = 400;
    static final int MAX_STATUS = 599;

    /**
     * One refusal to send.
     *
     * @param status     the HTTP status
     * @param retryAfter the value of the {@code Retry-After} header in whole seconds, or {@code null} for none
     * @param body       the response body, or {@code null} for the short default text
     */
    record Refusal(int status, Long retryAfter, String body) {
    }

    /** A batch of equal refusals still to send; {@code count} only shrinks, under the queue's lock. */
    private static final class Batch {
        private final Refusal refusal;
        private int count;

        Batch(Refusal refusal, int count) {
            this.refusal = refusal;
            this.count = count;
        }
    }

    private final Deque<Batch> queue = new ArrayDeque<>();

    /**
     * Queues {@code count} refusals after those still queued, or clears the queue when {@code count} is 0.
     *
     * @throws IllegalArgumentException for a negative count, a status outside 400-599 or a negative retryAfter
     */
    synchronized void add(int count, int status, Duration retryAfter, String body) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (count == 0) {
            queue.clear();
            return;
        }
        if (status < MIN_STATUS || status > MAX_STATUS) {
            throw new IllegalArgumentException("a refusal needs a status from " + MIN_STATUS + " to " + MAX_STATUS
                    + ": " + status);
        }
        queue.addLast(new Batch(new Refusal(status, wholeSecondsRoundedUp(retryAfter), body), count));
    }

    /** The refusal for the handshake arriving now, or {@code null} when none is queued. */
    synchronized Refusal next() {
        Batch head = queue.peekFirst();
        if (head == null) {
            return null;
        }
        if (--head.count == 0) {
            queue.removeFirst();
        }
        return head.refusal;
    }

    /** How many refusals are still queued. */
    synchronized int remaining() {
        long sum = 0;
        for (Batch batch : queue) {
            sum += batch.count;
        }
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    synchronized void clear() {
        queue.clear();
    }

    // Retry-After carries whole seconds (RFC 9110 §10.2.3); rounding up never tells a client to come back too early.
    private static Long wholeSecondsRoundedUp(Duration d) {
        if (d == null) {
            return null;
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + d);
        }
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }
}
