package io.camelupbit.test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The REST rate limits (research-rest.md §3): per group, a {@link RollingWindow} of one second per bucket (an API
 * key, or a client IP for the Quotation group). Only admitted requests are logged, so a client hammering at a 429
 * is not kept out longer. Thread-safe.
 */
final class RestLimits {

    /**
     * One request's place in its window, and the {@code Remaining-Req} header that says so:
     * {@code group=<g>; min=<n>; sec=<remaining>}. {@code min} is deprecated and unused by Upbit, kept "for backward
     * compatibility": the simulator sends 60 times the per-second limit, which is what Upbit's own example shows
     * ({@code group=default; min=1800; sec=29} for the 30/s group).
     *
     * @param admitted  whether the request fits in the window (and was logged)
     * @param remaining requests left in the rolling second after this one (0 when refused)
     */
    record Quota(RestGroup group, int perSecond, int remaining, boolean admitted) {
        String header() {
            return "group=" + group.headerName() + "; min=" + perSecond * 60 + "; sec=" + remaining;
        }
    }

    private record Bucket(RestGroup group, String key) {
    }

    private final Map<RestGroup, Integer> perSecond;
    private final LongSupplier nanoClock;
    private final Map<Bucket, RollingWindow> windows = new ConcurrentHashMap<>();

    RestLimits(Map<RestGroup, Integer> perSecond, LongSupplier nanoClock) {
        this.perSecond = Map.copyOf(perSecond);
        this.nanoClock = nanoClock;
    }

    /** Logs the request in its window if it fits. */
    Quota admit(RestGroup group, String key) {
        RollingWindow window = window(group, key);
        synchronized (window) {
            boolean admitted = window.tryAcquire();
            return new Quota(group, window.limit(), window.limit() - window.count(), admitted);
        }
    }

    /** Where the window stands, logging nothing: for answers that were not counted (injected faults). */
    Quota peek(RestGroup group, String key) {
        RollingWindow window = window(group, key);
        return new Quota(group, window.limit(), window.limit() - window.count(), true);
    }

    /** Forgets every window. */
    void clear() {
        windows.clear();
    }

    private RollingWindow window(RestGroup group, String key) {
        return windows.computeIfAbsent(new Bucket(group, key),
                b -> new RollingWindow(perSecond.get(group), Duration.ofSeconds(1), nanoClock));
    }
}
