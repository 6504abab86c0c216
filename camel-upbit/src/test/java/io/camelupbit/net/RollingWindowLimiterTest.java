package io.camelupbit.net;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollingWindowLimiterTest {

    private static final long MS = 1_000_000L;

    @Test
    void sendsAreSpacedEvenlySoNoRollingSecondHoldsMoreThanTheLimit() {
        RollingWindowLimiter limiter = new RollingWindowLimiter(5, 100);
        assertThat(limiter.delayNanos(900 * MS)).isZero();
        limiter.record(900 * MS);

        // a fixed-window counter would allow a burst at 1.0 s; the limiter spaces sends by 1 s / 5
        assertThat(limiter.delayNanos(1000 * MS)).isEqualTo(100 * MS);
        long t = 900 * MS;
        for (int i = 0; i < 9; i++) {
            t += limiter.delayNanos(t);
            limiter.record(t);
        }

        assertThat(t).isEqualTo(900 * MS + 9 * 200 * MS);
    }

    @Test
    void theMinuteWindowHoldsAtMostItsLimit() {
        RollingWindowLimiter limiter = new RollingWindowLimiter(5, 100);
        long t = 0;
        for (int i = 0; i < 100; i++) {
            t += limiter.delayNanos(t);
            limiter.record(t);
        }

        long wait = limiter.delayNanos(t);

        assertThat(t + wait).isEqualTo(60_000 * MS);
    }

    @Test
    void reservationsQueueUpBehindTheWindow() {
        RollingWindowLimiter limiter = new RollingWindowLimiter(5, 300);
        assertThat(limiter.reserve(0)).isZero();

        assertThat(limiter.reserve(100 * MS)).isEqualTo(100 * MS);
        assertThat(limiter.reserve(100 * MS)).isEqualTo(300 * MS);
    }

    @Test
    void ceilingsAreReadAtEveryDecision() {
        int[] perSecond = { 2 };
        RollingWindowLimiter limiter = new RollingWindowLimiter(() -> perSecond[0], () -> 100);
        limiter.record(0);
        assertThat(limiter.delayNanos(0)).isEqualTo(500 * MS);

        perSecond[0] = 4;

        assertThat(limiter.delayNanos(0)).isEqualTo(250 * MS);
    }

    @Test
    void aNewConnectionStartsWithEmptyWindows() {
        RollingWindowLimiter limiter = new RollingWindowLimiter(5, 100);
        limiter.record(0);

        limiter.clear();

        assertThat(limiter.delayNanos(0)).isZero();
    }
}
