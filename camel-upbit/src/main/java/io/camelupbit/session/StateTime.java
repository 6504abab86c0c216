package io.camelupbit.session;

import java.time.LocalDateTime;

import io.camelupbit.event.CandleEvent;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.UpbitEvent;

/**
 * Where a state (ticker, orderbook, candle) stands in its stream: its {@code timestamp}, for a candle after the start
 * of its period (a later candle is newer whatever its timestamp).
 *
 * @param period    a candle's start, {@code null} for other states
 * @param timestamp Upbit's {@code timestamp}
 */
record StateTime(LocalDateTime period, long timestamp) implements Comparable<StateTime> {

    /** Whether the event is a state, which newer ones replace. */
    static boolean isState(UpbitEvent event) {
        return event instanceof TickerEvent || event instanceof OrderbookEvent || event instanceof CandleEvent;
    }

    /** The time of a state ({@link #isState}). */
    static StateTime of(UpbitEvent event) {
        return new StateTime(periodOf(event), event.timestamp());
    }

    /** How two states of one stream are ordered by their time, without making their {@code StateTime}s. */
    static int compare(UpbitEvent state, UpbitEvent other) {
        return compare(periodOf(state), state.timestamp(), periodOf(other), other.timestamp());
    }

    @Override
    public int compareTo(StateTime other) {
        return compare(period, timestamp, other.period, other.timestamp);
    }

    private static int compare(LocalDateTime period, long timestamp, LocalDateTime otherPeriod, long otherTimestamp) {
        if (period != null && otherPeriod != null) {
            int byPeriod = period.compareTo(otherPeriod);
            if (byPeriod != 0) {
                return byPeriod;
            }
        }
        return Long.compare(timestamp, otherTimestamp);
    }

    private static LocalDateTime periodOf(UpbitEvent state) {
        return state instanceof CandleEvent candle ? candle.candleDateTimeUtc() : null;
    }
}
