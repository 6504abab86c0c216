package io.camelupbit.session;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitPolicyTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1);

    @Test
    void strategiesTakeTheirShareOfUpbitsLimits() {
        assertThat(ceilings(RateLimitPolicy.Strategy.CONSERVATIVE)).containsExactly(3, 60);
        assertThat(ceilings(RateLimitPolicy.Strategy.BALANCED)).containsExactly(4, 80);
        assertThat(ceilings(RateLimitPolicy.Strategy.AGGRESSIVE)).containsExactly(5, 100);
    }

    @Test
    void thresholdSignalsLowerTheCeilingsAndQuietRestoresThem() {
        RateLimitPolicy policy = new RateLimitPolicy(RateLimitPolicy.Strategy.AGGRESSIVE, 3, 0.7, 60 * SECOND,
                now::get);

        policy.signal("429");
        policy.signal("429");
        assertThat(policy.perSecond()).isEqualTo(5);
        policy.signal("1008");
        assertThat(policy.perSecond()).isEqualTo(3);
        assertThat(policy.perMinute()).isEqualTo(70);
        assertThat(policy.reductions()).isEqualTo(1);

        now.addAndGet(59 * SECOND);
        assertThat(policy.perSecond()).isEqualTo(3);
        now.addAndGet(SECOND);
        assertThat(policy.perSecond()).isEqualTo(5);
        assertThat(policy.perMinute()).isEqualTo(100);
    }

    @Test
    void signalsSpreadOverMoreThanTheRecoveryDelayDoNotAddUp() {
        RateLimitPolicy policy = new RateLimitPolicy(RateLimitPolicy.Strategy.AGGRESSIVE, 2, 0.5, 10 * SECOND,
                now::get);

        policy.signal("a");
        now.addAndGet(11 * SECOND);
        policy.signal("b");

        assertThat(policy.perSecond()).isEqualTo(5);
        policy.signal("c");
        assertThat(policy.perSecond()).isEqualTo(2);
    }

    @Test
    void ceilingsStopAtAFloor() {
        RateLimitPolicy policy = new RateLimitPolicy(RateLimitPolicy.Strategy.CONSERVATIVE, 1, 0.1, 60 * SECOND,
                now::get);
        for (int i = 0; i < 10; i++) {
            policy.signal("x");
        }

        // never below a fifth of the strategy's share: 60 % of 100/min is 60, a fifth of it 12
        assertThat(policy.perSecond()).isEqualTo(1);
        assertThat(policy.perMinute()).isEqualTo(12);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new RateLimitPolicy(RateLimitPolicy.Strategy.BALANCED, 0, 0.7, 1, now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitPolicy(RateLimitPolicy.Strategy.BALANCED, 3, 1.0, 1, now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private int[] ceilings(RateLimitPolicy.Strategy strategy) {
        RateLimitPolicy policy = new RateLimitPolicy(strategy, 3, 0.7, SECOND, now::get);
        return new int[] { policy.perSecond(), policy.perMinute() };
    }
}
