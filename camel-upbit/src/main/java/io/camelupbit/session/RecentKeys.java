package io.camelupbit.session;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys seen within a recent span of time, oldest first: for telling an event that arrives again on a second line
 * from a new one. Memory follows the rate: a market with 500 trades a second and a span of 10 s holds 5,000 trade
 * numbers; at most {@code capacity}, beyond which the oldest go first. A key that comes again after it left the window
 * is taken as new: the span must exceed how far one line can lag behind another. Not thread-safe.
 */
final class RecentKeys<K> {

    private final long spanNanos;
    private final int capacity;
    /** key → when it was first seen (System.nanoTime()), in the order seen. */
    private final LinkedHashMap<K, Long> seen = new LinkedHashMap<>();

    RecentKeys(long spanNanos, int capacity) {
        this.spanNanos = spanNanos;
        this.capacity = capacity;
    }

    /**
     * Remembers the key.
     *
     * @return false when it was seen within the span (a repeat)
     */
    boolean add(K key, long nowNanos) {
        forgetOlderThan(nowNanos - spanNanos);
        if (seen.containsKey(key)) {
            return false;
        }
        seen.put(key, nowNanos);
        if (seen.size() > capacity) {
            Iterator<K> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Whether the key was seen within the span; remembers nothing. */
    boolean contains(K key, long nowNanos) {
        forgetOlderThan(nowNanos - spanNanos);
        return seen.containsKey(key);
    }

    /** Keys held now. */
    int size() {
        return seen.size();
    }

    private void forgetOlderThan(long limitNanos) {
        Iterator<Map.Entry<K, Long>> it = seen.entrySet().iterator();
        while (it.hasNext() && it.next().getValue() - limitNanos < 0) {
            it.remove();
        }
    }
}
