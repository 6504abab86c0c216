package io.camelupbit.session;

/**
 * The last few ids seen, in a tiny ring: enough to recognise a snapshot repeating one of the latest trades (Upbit's
 * trade numbers are unique but not promised to rise, so "not above the highest" would not do). Not thread-safe.
 */
final class RecentIds {

    static final int SIZE = 16;

    private final long[] ids = new long[SIZE];
    private int count;
    private int next;

    /** Adds the id; false when it is among the last {@value #SIZE} added. */
    boolean add(long id) {
        for (int i = 0; i < count; i++) {
            if (ids[i] == id) {
                return false;
            }
        }
        ids[next] = id;
        next = (next + 1) % SIZE;
        count = Math.min(count + 1, SIZE);
        return true;
    }
}
