package io.camelupbit.wire;

import java.time.LocalDate;

/**
 * One {@link LocalDate} per distinct date a decoder meets: Upbit repeats a handful of dates in every item (the trade
 * date, the 52-week high and low dates), so a repeated date costs no allocation. A slot holds the last date that
 * mapped to it. One per decoder: not thread-safe.
 */
final class DateCache {

    private static final int SLOTS = 256;

    private final int[] keys = new int[SLOTS];
    private final LocalDate[] dates = new LocalDate[SLOTS];

    /** The date; {@link LocalDate#of} checks the ranges on a miss. */
    LocalDate date(int year, int month, int day) {
        int key = year * 10_000 + month * 100 + day;
        int slot = (key ^ (key >>> 8)) & (SLOTS - 1);
        LocalDate cached = dates[slot];
        if (cached != null && keys[slot] == key) {
            return cached;
        }
        LocalDate date = LocalDate.of(year, month, day);
        keys[slot] = key;
        dates[slot] = date;
        return date;
    }
}
