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
        LocalDateTime period = event instanceof CandleEvent candle ? candle.candleDateTimeUtc() : null;
        return new StateTime(period, event.timestamp());
    }

    @Override
    public int compareTo(StateTime other) {
        if (period != null && other.period != null) {
            int byPeriod = period.compareTo(other.period);
            if (byPeriod != 0) {
                return byPeriod;
            }
        }
        return Long.compare(timestamp, other.timestamp);
    }
}
