package io.camelupbit.test;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The handshake throttles: the connect limit (per simulator; Upbit counts per IP) and the {@code Origin} limit
 * (1 per rolling 10 s for requests that carry an {@code Origin} header, upbit-protocol.md §6). Only admitted
 * handshakes are logged. Thread-safe: handshakes arrive on several event loops.
 */
final class HandshakeLimits {

    /** Why a handshake was throttled, or that it was not. */
    enum Verdict { ADMITTED, CONNECT_LIMIT, ORIGIN_LIMIT }

    private final RollingWindow connects;
    private final RollingWindow origins;
    private final boolean originLimit;

    HandshakeLimits(SimulatorSettings settings, LongSupplier nanoClock) {
        this.connects = new RollingWindow(settings.connectLimitPerSecond(), Duration.ofSeconds(1), nanoClock);
        this.origins = new RollingWindow(1, Duration.ofSeconds(10), nanoClock);
        this.originLimit = settings.originLimit();
    }

    synchronized Verdict admit(boolean hasOrigin) {
        boolean checkOrigin = hasOrigin && originLimit;
        if (!connects.hasRoom()) {
            return Verdict.CONNECT_LIMIT;
        }
        if (checkOrigin && !origins.hasRoom()) {
            return Verdict.ORIGIN_LIMIT;
        }
        connects.record();
        if (checkOrigin) {
            origins.record();
        }
        return Verdict.ADMITTED;
    }

    synchronized void clear() {
        connects.clear();
        origins.clear();
    }
}
