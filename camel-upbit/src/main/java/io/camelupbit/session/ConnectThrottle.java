package io.camelupbit.session;

import java.util.function.LongSupplier;

import io.camelupbit.net.RollingWindowLimiter;

/**
 * Upbit's connect limit (5 handshakes per rolling second, per IP or account) shared by a component's sessions: each
 * connect attempt books a slot and waits for it. Thread-safe.
 */
public final class ConnectThrottle {

    static final int CONNECTS_PER_SECOND = 5;

    private final RollingWindowLimiter limiter = new RollingWindowLimiter(CONNECTS_PER_SECOND, CONNECTS_PER_SECOND * 60);
    private final LongSupplier clock;

    public ConnectThrottle(LongSupplier clock) {
        this.clock = clock;
    }

    /** Books a connect slot; returns how many nanoseconds to wait for it. */
    public synchronized long reserve() {
        return limiter.reserve(clock.getAsLong());
    }
}
