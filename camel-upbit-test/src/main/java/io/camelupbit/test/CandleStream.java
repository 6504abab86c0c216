package io.camelupbit.test;

import java.time.Instant;
import java.util.List;

/**
 * {@code candle.<unit>} of one code (upbit-protocol.md §3.2): as snapshot the candle holding the last trade (the
 * current period's, or the previous one when the current period has no trade yet), then at most one message per
 * second of simulated time, and only when a trade changed the candle. The same period repeats while it runs.
 *
 * <p>When a period has ended with trades not yet reported, its final state is sent first (in the next second of
 * its own), so the last message of every period holds all of the period's trades; the periods after it follow, one
 * per second, in order: each ended one once, complete, then the current one. A 1-second candle thus arrives once,
 * complete, a second after its own (every period with a trade, none left out, as long as the stream is read at least
 * once per simulated second: a market keeps its last 16 completed candles of each unit).
 */
final class CandleStream implements MarketStream {

    private final Market market;
    private final String code;
    private final CandleUnit unit;
    /** The period of the last candle reported, and the last trade it held. */
    private Instant period;
    private long reportedIndex = -1;
    /** The simulated epoch second of the last message, so that at most one goes out per second. */
    private long lastSecond = Long.MIN_VALUE;

    CandleStream(Market market, String code, CandleUnit unit) {
        this.market = market;
        this.code = code;
        this.unit = unit;
    }

    @Override
    public DataItem snapshot() {
        CandleBar bar = market.candle(code, unit);
        Instant now = market.now();
        report(bar, now);
        return MarketMessages.candle(code, bar, now, Ticker.StreamType.SNAPSHOT);
    }

    @Override
    public void startAtNow() {
        CandleBar bar = market.candle(code, unit);
        period = bar.start();
        reportedIndex = bar.lastTradeIndex();
    }

    @Override
    public List<DataItem> due() {
        Instant now = market.now();
        if (now.getEpochSecond() == lastSecond) {
            return List.of();
        }
        CandleBar current = market.candle(code, unit);
        CandleBar next = current;
        if (current.start().equals(period)) {
            if (current.lastTradeIndex() <= reportedIndex) {
                return List.of();
            }
        } else if (period != null) {
            // The period last reported has ended: its final state if it changed since, else the next period (an
            // ended one, complete, or the current one).
            CandleBar ended = market.candle(code, unit, period);
            if (ended != null && ended.lastTradeIndex() > reportedIndex) {
                next = ended;
            } else {
                CandleBar after = market.candleAfter(code, unit, period);
                next = after != null ? after : current;
            }
        }
        report(next, now);
        return List.of(MarketMessages.candle(code, next, now, Ticker.StreamType.REALTIME));
    }

    private void report(CandleBar bar, Instant now) {
        period = bar.start();
        reportedIndex = bar.lastTradeIndex();
        lastSecond = now.getEpochSecond();
    }
}
