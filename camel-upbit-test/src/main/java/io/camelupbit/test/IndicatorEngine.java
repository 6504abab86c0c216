package io.camelupbit.test;

import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The candles the indicators are computed from: one {@link CandleHistory} per (KRW market, timeframe), created when a
 * connection subscribes to it or a test closes it. A period closes when the simulated clock passes its end
 * ({@link #closeDue}, on a timer; the close is the last trade of the period, as the market's candle of that unit
 * shows it) or when a test says so ({@link #closeOpen}, {@link #close}). Every close goes to every connection, whose
 * {@link IndicatorFeed} decides what it sends.
 *
 * <p>Thread-safe: one lock, held while a close is computed and handed to the connections' event loops, so every
 * connection gets the closes of one series in order.
 */
final class IndicatorEngine {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorEngine.class);
    /** At most this many periods of one series close at one check; a clock that jumped further skips the oldest. */
    private static final int MAX_CATCH_UP = 1000;

    private final Market market;
    private final long seed;
    private final ConnectionRegistry connections;
    private final Map<SeriesKey, CandleHistory> histories = new HashMap<>();

    IndicatorEngine(Market market, long seed, ConnectionRegistry connections) {
        this.market = market;
        this.seed = seed;
        this.connections = connections;
    }

    /** Whether indicators are computed for this code: a valid KRW market code. */
    static boolean supports(String code) {
        return MarketCodes.isValid(code) && "KRW".equals(MarketCodes.quote(code));
    }

    /** The window ending with the series' last closed candle (its history is created, and the market, if new). */
    synchronized CandleWindow window(SeriesKey series) {
        return history(series).window();
    }

    /** Closes every period whose end the simulated clock has passed, oldest first; run on a timer. */
    synchronized void closeDue() {
        Instant now = market.now();
        for (CandleHistory history : histories.values()) {
            if (history.openEnd().isAfter(now)) {
                continue;
            }
            Timeframe timeframe = history.series().timeframe();
            Instant current = timeframe.periodStart(now);
            Instant oldest = current.minus(timeframe.length().multipliedBy(MAX_CATCH_UP));
            if (history.openStart().isBefore(oldest)) {
                LOG.debug("Indicator candles of {} skip from {} to {}", history.series(),
                        history.openStart(), oldest);
                history.skipTo(oldest);
            }
            while (!history.openEnd().isAfter(now)) {
                publish(history.close(periodClose(history), null));
            }
        }
    }

    /**
     * Closes the open period of every KRW market the simulator has, each at its last price.
     *
     * @return what each connection wrote: its number of items
     */
    synchronized List<Future<Integer>> closeOpen(Timeframe timeframe) {
        Set<String> codes = new TreeSet<>();
        for (String code : market.codes()) {
            if (supports(code)) {
                codes.add(code);
            }
        }
        List<Future<Integer>> written = new ArrayList<>();
        for (String code : codes) {
            written.addAll(publish(history(new SeriesKey(code, timeframe)).close(market.lastPrice(code), null)));
        }
        return written;
    }

    /**
     * Closes the open period of this series with this close and volume.
     *
     * @return what each connection wrote: its number of items
     */
    synchronized List<Future<Integer>> close(SeriesKey series, BigDecimal close, BigDecimal volume) {
        return publish(history(series).close(close, volume));
    }

    private BigDecimal periodClose(CandleHistory history) {
        SeriesKey series = history.series();
        CandleUnit unit = series.timeframe().candleUnit();
        CandleBar bar = unit == null ? null : market.candle(series.code(), unit, history.openStart());
        return bar != null ? bar.close() : market.lastPrice(series.code());
    }

    private List<Future<Integer>> publish(CandleWindow window) {
        long timestamp = market.now().toEpochMilli();
        List<Future<Integer>> written = new ArrayList<>();
        for (SimSession session : connections.sessions()) {
            written.add(session.indicatorClose(window, timestamp));
        }
        return written;
    }

    private CandleHistory history(SeriesKey series) {
        return histories.computeIfAbsent(series, s -> new CandleHistory(seed, s,
                market.profile(s.code()), market.lastPrice(s.code()), market.now()));
    }
}
