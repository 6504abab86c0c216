package io.camelupbit.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Simulated time: {@code simulatedStart + (wall now - wall start) x speed}. A speed above 1 lets tests and demos see
 * minutes of market in seconds.
 */
final class SimClock {

    private final Clock wall;
    private final Instant wallStart;
    private final Instant simulatedStart;
    private final double speed;

    SimClock(Clock wall, Instant simulatedStart, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive finite factor: " + speed);
        }
        this.wall = wall;
        this.wallStart = wall.instant();
        this.simulatedStart = simulatedStart == null ? wallStart : simulatedStart;
        this.speed = speed;
    }

    Instant now() {
        long wallElapsedNanos = Duration.between(wallStart, wall.instant()).toNanos();
        return simulatedStart.plusNanos((long) (wallElapsedNanos * speed));
    }

    Instant simulatedStart() {
        return simulatedStart;
    }

    /** The wall-clock duration that lasts {@code simulated} of simulated time. */
    Duration toWall(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() / speed));
    }

    double speed() {
        return speed;
    }
}
