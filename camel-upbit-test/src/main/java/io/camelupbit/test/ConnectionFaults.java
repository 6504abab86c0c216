package io.camelupbit.test;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault state of one connection, shared by its {@link InboundFaultFilter} and its {@link SimSession}: whether it
 * is silent (half-open: it sends nothing and ignores what arrives) and how many ping frames arrived.
 * Thread-safe: the test switches it from its own thread.
 */
final class ConnectionFaults {

    private final AtomicInteger pings = new AtomicInteger();
    private volatile boolean silent;

    void silence() {
        silent = true;
    }

    void endSilence() {
        silent = false;
    }

    boolean silent() {
        return silent;
    }

    void pingReceived() {
        pings.incrementAndGet();
    }

    int pingsReceived() {
        return pings.get();
    }
}
