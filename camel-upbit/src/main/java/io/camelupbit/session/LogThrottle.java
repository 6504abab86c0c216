package io.camelupbit.session;

/** When a repeated kind of log line is worth writing: a flood of bad frames must not become a flood of logs. */
final class LogThrottle {

    private LogThrottle() {
    }

    /** The first ten of a kind, then every power of ten. */
    static boolean worthLogging(long count) {
        if (count <= 10) {
            return true;
        }
        long power = 10;
        while (power < count) {
            power *= 10;
        }
        return power == count;
    }
}
