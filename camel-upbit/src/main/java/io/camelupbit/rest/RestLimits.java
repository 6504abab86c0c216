package io.camelupbit.rest;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.camelupbit.net.RollingWindowLimiter;

/**
 * Upbit's REST limits kept on this side, across every route of the component: one sliding one-second window per
 * group and API key (per group alone for the quotation groups, which Upbit counts per IP). A request books the
 * earliest slot its group has and waits until then, so bursts from many routes reach Upbit spread out rather than as
 * 429s. Only a share of each limit is used (the component's rateLimitStrategy, 80 % by default): requests spaced
 * exactly at the limit can arrive closer than they left (a request waits for a free connection after its slot) and
 * meet a 429 at a window's edge. Thread-safe.
 */
public final class RestLimits {

    private final LongSupplier clock;
    private final double share;
    private final Map<String, RollingWindowLimiter> windows = new HashMap<>();

    /**
     * @param clock {@code System::nanoTime}, or a test's
     * @param share the share of Upbit's limits to use, 0 to 1
     */
    public RestLimits(LongSupplier clock, double share) {
        this.clock = clock;
        this.share = share;
    }

    /** Requests per second this client sends at most in the group. */
    public int perSecond(RestGroup group) {
        return Math.max(1, (int) Math.floor(group.perSecond() * share));
    }

    /**
     * Books the next slot of the group for this key.
     *
     * @param accessKey the request's key; ignored for quotation groups
     * @return nanoseconds to wait before sending (0: send now)
     */
    public synchronized long reserve(RestGroup group, String accessKey) {
        String key = group.perKey() ? group.upbitName() + "|" + accessKey : group.upbitName();
        int perSecond = perSecond(group);
        return windows.computeIfAbsent(key, k -> new RollingWindowLimiter(perSecond, perSecond * 60))
                .reserve(clock.getAsLong());
    }
}
