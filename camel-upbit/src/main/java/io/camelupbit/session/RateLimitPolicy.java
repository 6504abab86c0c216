package io.camelupbit.session;

import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message ceilings every connection of a component obeys, and their adjustment: Upbit allows 5 messages per
 * rolling second and 100 per rolling minute per connection; a strategy takes a share of that, and after
 * {@code errorThreshold} rate signals (a refused handshake, a 1008 close, an error frame right after a send that is
 * not a validation error) the ceilings drop by {@code reductionRatio} (to no less than a fifth of the strategy's),
 * until {@code recoveryDelay} passes without a signal. Thread-safe: shared by the component's sessions.
 */
public final class RateLimitPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitPolicy.class);

    /** The ceilings never drop below this share of the strategy's: enough to restore a subscription within seconds. */
    static final double MIN_FACTOR = 0.2;

    /** Upbit's per-connection limits. */
    static final int UPBIT_PER_SECOND = 5;
    static final int UPBIT_PER_MINUTE = 100;

    /** Share of Upbit's limits a strategy uses. */
    public enum Strategy {
        CONSERVATIVE(0.6), BALANCED(0.8), AGGRESSIVE(1.0);

        private final double share;

        Strategy(double share) {
            this.share = share;
        }

        /** The share of Upbit's limits this strategy uses. */
        public double share() {
            return share;
        }
    }

    private final Strategy strategy;
    private final int errorThreshold;
    private final double reductionRatio;
    private final long recoveryNanos;
    private final LongSupplier clock;

    // guarded by this
    private double factor = 1.0;
    private int signals;
    private long lastSignal;
    private long reductions;

    public RateLimitPolicy(Strategy strategy, int errorThreshold, double reductionRatio, long recoveryNanos,
            LongSupplier clock) {
        if (errorThreshold < 1 || reductionRatio <= 0 || reductionRatio >= 1 || recoveryNanos < 0) {
            throw new IllegalArgumentException(
                    "errorThreshold must be >= 1, reductionRatio within (0, 1), recoveryDelay >= 0");
        }
        this.strategy = strategy;
        this.errorThreshold = errorThreshold;
        this.reductionRatio = reductionRatio;
        this.recoveryNanos = recoveryNanos;
        this.clock = clock;
    }

    /** Messages allowed in any rolling second, now. */
    public synchronized int perSecond() {
        return ceiling(UPBIT_PER_SECOND);
    }

    /** Messages allowed in any rolling minute, now. */
    public synchronized int perMinute() {
        return ceiling(UPBIT_PER_MINUTE);
    }

    /** How many times the ceilings were lowered. */
    public synchronized long reductions() {
        return reductions;
    }

    /** A sign that Upbit finds us too fast; {@code errorThreshold} of them lower the ceilings. */
    public synchronized void signal(String why) {
        recover();
        lastSignal = clock.getAsLong();
        if (++signals >= errorThreshold) {
            signals = 0;
            factor = Math.max(MIN_FACTOR, factor * reductionRatio);
            reductions++;
            LOG.warn("Upbit rate signals ({}): lowering the message ceilings to {}/s and {}/min",
                    why, ceiling(UPBIT_PER_SECOND), ceiling(UPBIT_PER_MINUTE));
        }
    }

    private int ceiling(int upbitLimit) {
        recover();
        return Math.max(1, (int) Math.floor(upbitLimit * strategy.share * factor));
    }

    private void recover() {
        if ((factor < 1.0 || signals > 0) && clock.getAsLong() - lastSignal >= recoveryNanos) {
            if (factor < 1.0) {
                LOG.info("No Upbit rate signal for {} ms: message ceilings restored", recoveryNanos / 1_000_000);
            }
            factor = 1.0;
            signals = 0;
        }
    }
}
