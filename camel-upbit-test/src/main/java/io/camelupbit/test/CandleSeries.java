package io.camelupbit.test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One market's candles of one unit, folded in trade by trade: the current candle (the one holding the last trade)
 * and the few completed before it, which streams need to send a period's final state after it ended. Guarded by
 * its {@link MarketState}'s lock.
 */
final class CandleSeries {

    private static final int COMPLETED_KEPT = 16;

    private final CandleUnit unit;
    private final Deque<CandleBar> completed = new ArrayDeque<>();
    private CandleBar current;

    CandleSeries(CandleUnit unit) {
        this.unit = unit;
    }

    void add(Trade trade) {
        Instant start = unit.periodStart(trade.time());
        if (current != null && current.start().equals(start)) {
            current = current.with(trade);
            return;
        }
        if (current != null) {
            completed.addLast(current);
            if (completed.size() > COMPLETED_KEPT) {
                completed.removeFirst();
            }
        }
        current = CandleBar.first(unit, start, trade);
    }

    /** The candle of the last trade's period. */
    CandleBar current() {
        return current;
    }

    /**
     * The earliest candle (recently completed or current) of a period starting after this instant, or {@code null}
     * when the current one starts at or before it.
     */
    CandleBar firstAfter(Instant start) {
        for (CandleBar bar : completed) {
            if (bar.start().isAfter(start)) {
                return bar;
            }
        }
        return current != null && current.start().isAfter(start) ? current : null;
    }

    /** The candle of the period starting at this instant (current or recently completed), or {@code null}. */
    CandleBar byStart(Instant start) {
        if (current != null && current.start().equals(start)) {
            return current;
        }
        for (CandleBar bar : completed) {
            if (bar.start().equals(start)) {
                return bar;
            }
        }
        return null;
    }
}
