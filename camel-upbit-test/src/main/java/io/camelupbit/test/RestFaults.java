package io.camelupbit.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The REST faults a test injects ({@link UpbitSimulator#restDown}, {@link UpbitSimulator#failRest},
 * {@link UpbitSimulator#delayRest}, {@link UpbitSimulator#takeOrdersWithoutAnswer}). Thread-safe.
 */
final class RestFaults {

    private boolean down;
    private final Deque<Integer> failures = new ArrayDeque<>();
    private Duration delay = Duration.ZERO;
    private int ordersWithoutAnswer;

    synchronized void down(boolean value) {
        down = value;
    }

    /** Queues {@code times} answers of this status; 0 times clears the queue. */
    synchronized void fail(int status, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative: " + times);
        }
        if (times == 0) {
            failures.clear();
            return;
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400 to 599: " + status);
        }
        for (int i = 0; i < times; i++) {
            failures.addLast(status);
        }
    }

    /** The status this request gets instead of being handled (503 while down, else the next queued), or 0. */
    synchronized int injectedStatus() {
        if (down) {
            return 503;
        }
        Integer next = failures.pollFirst();
        return next == null ? 0 : next;
    }

    synchronized void delay(Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive: " + value);
        }
        delay = value;
    }

    synchronized Duration delay() {
        return delay;
    }

    synchronized void ordersWithoutAnswer(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative: " + times);
        }
        ordersWithoutAnswer = times;
    }

    /** Whether this order's answer is to be dropped, counting it. */
    synchronized boolean takeOrderWithoutAnswer() {
        if (ordersWithoutAnswer == 0) {
            return false;
        }
        ordersWithoutAnswer--;
        return true;
    }

    synchronized void clear() {
        down = false;
        failures.clear();
        delay = Duration.ZERO;
        ordersWithoutAnswer = 0;
    }
}
