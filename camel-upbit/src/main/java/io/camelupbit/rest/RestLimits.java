package io.camelupbit.rest;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.camelupbit.net.RollingWindowLimiter;

/**
 * Upbit's REST limits kept on this side, across every route of the component: one sliding one-second window per
 * group and API key (per group alone for the quotation groups, which Upbit counts per IP). A request books the
 * earliest slot its group has and waits until then, so bursts from many routes reach Upbit spread out rather than as
 * 429s. Thread-safe.
 */
public final class RestLimits {

    private final LongSupplier clock;
    private final Map<String, RollingWindowLimiter> windows = new HashMap<>();

    /** @param clock {@code System::nanoTime}, or a test's */
    public RestLimits(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Books the next slot of the group for this key.
     *
     * @param accessKey the request's key; ignored for quotation groups
     * @return nanoseconds to wait before sending (0: send now)
     */
    public synchronized long reserve(RestGroup group, String accessKey) {
        String key = group.perKey() ? group.upbitName() + "|" + accessKey : group.upbitName();
        return windows.computeIfAbsent(key, k -> new RollingWindowLimiter(group.perSecond(), group.perSecond() * 60))
                .reserve(clock.getAsLong());
    }
}
