package io.camelupbit.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollingWindowLimiterTest {

    private static final long MS = 1_000_000L;

    @Test
    void sixSendsStraddlingAFixedSecondBoundaryDoNotFitOneRollingSecond() {
        RollingWindowLimiter limiter = new RollingWindowLimiter(5, 100);
        // a fixed-window counter would allow 3 at 0.9 s and 3 more at 1.1 s: 6 inside 200 ms
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.delayNanos(900 * MS)).isZero();
            limiter.record(900 * MS);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(limiter.delayNanos(1100 * MS)).isZero();
            limiter.record(1100 * MS);
        }

        assertThat(limiter.delayNanos(1100 * MS)).isEqualTo(800 * MS);
        assertThat(limiter.delayNanos(1900 * MS)).isZero();
    }

    @Test
    void theMinuteWindowHoldsAtMostItsLimit() {
        RollingWindowLimiter limiter = new RollingWindowLimiter(5, 100);
        long t = 0;
        for (int i = 0; i < 100; i++) {
            t += limiter.delayNanos(t);
            limiter.record(t);
        }
        long first = 0;

        long wait = limiter.delayNanos(t);

        assertThat(t + wait).isEqualTo(first + 60_000 * MS);
    }

    @Test
    void reservationsQueueUpBehindTheWindow() {
        RollingWindowLimiter limiter = new RollingWindowLimiter(5, 300);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.reserve(0)).isZero();
        }

        assertThat(limiter.reserve(100 * MS)).isEqualTo(900 * MS);
        assertThat(limiter.reserve(200 * MS)).isEqualTo(800 * MS);
    }

    @Test
    void ceilingsAreReadAtEveryDecision() {
        int[] perSecond = { 2 };
        RollingWindowLimiter limiter = new RollingWindowLimiter(() -> perSecond[0], () -> 100);
        limiter.record(0);
        limiter.record(0);
        assertThat(limiter.delayNanos(0)).isEqualTo(1000 * MS);

        perSecond[0] = 3;

        assertThat(limiter.delayNanos(0)).isZero();
    }
}
