package io.camelupbit.session;

import java.util.HashMap;
import java.util.Map;

import io.camelupbit.event.CandleEvent;

/**
 * Turns Upbit's repeated running candles into one final candle per period: it holds the newest candle of each market
 * and lets it go when the first candle of a later period shows that its period has ended. Not thread-safe: one per
 * subscriber, used by its serial delivery.
 */
final class ClosedCandles {

    private final Map<String, ReceivedEvent> running = new HashMap<>();
    private long superseded;

    /**
     * Takes the next candle of a market.
     *
     * @param received a received {@link CandleEvent}
     * @return the candle whose period has just ended, or {@code null} when none has
     */
    ReceivedEvent offer(ReceivedEvent received) {
        CandleEvent candle = (CandleEvent) received.event();
        ReceivedEvent held = running.get(candle.code());
        if (held == null) {
            running.put(candle.code(), received);
            return null;
        }
        int order = candle.candleDateTimeUtc().compareTo(((CandleEvent) held.event()).candleDateTimeUtc());
        if (order <= 0) {
            // a repeat of the running period replaces it; a late repeat of a closed period is dropped; either way a
            // resync mark stays with the candle that is kept
            superseded++;
            ReceivedEvent kept = order == 0 ? received : held;
            running.put(candle.code(), received.resync() || held.resync() ? kept.resynced() : kept);
            return null;
        }
        running.put(candle.code(), received);
        return held;
    }

    /** Candles replaced by a later update of their period, or dropped as late repeats. */
    long superseded() {
        return superseded;
    }

    /** Candles held because their period has not ended yet. */
    int held() {
        return running.size();
    }
}
