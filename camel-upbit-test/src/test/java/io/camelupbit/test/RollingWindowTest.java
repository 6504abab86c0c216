package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RollingWindowTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void sixMessagesStraddlingASecondBoundaryTripTheRollingWindowButNotAFixedOne() {
        RollingWindow rolling = new RollingWindow(5, Duration.ofSeconds(1), nanos::get);
        FixedWindowCounter fixed = new FixedWindowCounter(5, 1000 * MS);

        boolean[] rollingAdmitted = new boolean[6];
        boolean[] fixedAdmitted = new boolean[6];
        for (int i = 0; i < 6; i++) {
            nanos.set(i < 3 ? 900 * MS : 1100 * MS);
            rollingAdmitted[i] = rolling.tryAcquire();
            fixedAdmitted[i] = fixed.tryAcquire(nanos.get());
        }

        // 3 at 0.9 s and 3 at 1.1 s: six inside the 0.2 s between them.
        assertThat(rollingAdmitted).containsExactly(true, true, true, true, true, false);
        assertThat(fixedAdmitted).containsExactly(true, true, true, true, true, true);
    }

    @Test
    void roomReturnsExactlyWhenTheOldestEventLeavesTheWindow() {
        RollingWindow window = new RollingWindow(5, Duration.ofSeconds(1), nanos::get);
        nanos.set(900 * MS);
        for (int i = 0; i < 3; i++) {
            window.record();
        }
        nanos.set(1100 * MS);
        window.record();
        window.record();

        nanos.set(1899 * MS);
        assertThat(window.hasRoom()).isFalse();
        nanos.set(1900 * MS);
        assertThat(window.hasRoom()).isTrue();
        assertThat(window.count()).isEqualTo(2);
    }

    @Test
    void refusedEventsAreNotLogged() {
        RollingWindow window = new RollingWindow(1, Duration.ofSeconds(10), nanos::get);
        assertThat(window.tryAcquire()).isTrue();
        nanos.set(5_000 * MS);
        assertThat(window.tryAcquire()).isFalse();
        nanos.set(10_000 * MS);
        assertThat(window.tryAcquire()).isTrue();
    }

    @Test
    void limiterAdmitsOnlyWhenEveryWindowHasRoomAndLogsInAllOrNone() {
        RollingWindow perSecond = new RollingWindow(5, Duration.ofSeconds(1), nanos::get);
        RollingWindow perMinute = new RollingWindow(7, Duration.ofMinutes(1), nanos::get);
        RollingLimiter limiter = new RollingLimiter(List.of(perSecond, perMinute));

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire()).isTrue();
        }
        assertThat(limiter.tryAcquire()).as("6th in one second").isFalse();
        assertThat(perMinute.count()).isEqualTo(5);

        nanos.set(1000 * MS);
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).as("8th in one minute").isFalse();
        assertThat(perSecond.count()).isEqualTo(2);
    }

    /** What a fixed-window limiter (like resilience4j's) counts: events per aligned period. */
    private static final class FixedWindowCounter {
        private final int limit;
        private final long period;
        private long windowIndex = -1;
        private int count;

        FixedWindowCounter(int limit, long period) {
            this.limit = limit;
            this.period = period;
        }

        boolean tryAcquire(long now) {
            long index = now / period;
            if (index != windowIndex) {
                windowIndex = index;
                count = 0;
            }
            if (count >= limit) {
                return false;
            }
            count++;
            return true;
        }
    }
}
