package io.camelupbit.session;

import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: {@code delay(n) = min(baseDelay * multiplier^(n-1), maxDelay) * U[1 - jitter, 1 + jitter]}. The
 * jitter is applied after the cap on purpose: capped delays still differ, so many clients that lost Upbit at the same
 * moment do not all come back in the same millisecond (a cap applied after the jitter, as resilience4j's random
 * exponential backoff does, makes every capped delay identical).
 */
public final class ReconnectBackoff {

    private final long baseMillis;
    private final double multiplier;
    private final long maxMillis;
    private final double jitter;
    private final DoubleSupplier random;

    /**
     * @param random uniform values in [0, 1); injectable so tests can assert the scheduled delays
     */
    public ReconnectBackoff(long baseMillis, double multiplier, long maxMillis, double jitter, DoubleSupplier random) {
        if (baseMillis < 1 || multiplier < 1 || maxMillis < baseMillis || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("backoff needs baseDelay >= 1 ms, backoffMultiplier >= 1, "
                    + "maxDelay >= baseDelay and 0 <= jitter < 1");
        }
        this.baseMillis = baseMillis;
        this.multiplier = multiplier;
        this.maxMillis = maxMillis;
        this.jitter = jitter;
        this.random = random;
    }

    /** The delay before reconnect attempt {@code attempt} (1 for the first), in milliseconds. */
    public long delayMillis(int attempt) {
        double exponential = baseMillis * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(exponential, maxMillis);
        double factor = 1 - jitter + 2 * jitter * random.getAsDouble();
        return Math.max(1, Math.round(capped * factor));
    }

    /** The longest delay this backoff schedules, in milliseconds. */
    public long maxMillis() {
        return maxMillis;
    }
}
