package io.camelupbit.examples.signals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelupbit.event.CandleEvent;

/**
 * Turns closed candles into crossover signals, one {@link MovingAverageCrossover} per market, and remembers what it
 * saw (the most recent signals only). Called by the candle route, one candle at a time.
 */
public class SignalDetector {

    private static final Logger LOG = LoggerFactory.getLogger(SignalDetector.class);
    /** Signals remembered for {@link #history()}; older ones are forgotten so a long run does not grow. */
    static final int SIGNALS_KEPT = 1000;

    private final int shortWindow;
    private final int longWindow;
    private final Map<String, MovingAverageCrossover> markets = new HashMap<>();
    private final Deque<Signal> signals = new ArrayDeque<>();
    private Instant firstCandle;
    private Instant lastCandle;
    private long candles;

    /**
     * @param shortWindow closes in the short average
     * @param longWindow  closes in the long average
     */
    public SignalDetector(int shortWindow, int longWindow) {
        // fail at start, not on the first candle
        new MovingAverageCrossover("check", shortWindow, longWindow);
        this.shortWindow = shortWindow;
        this.longWindow = longWindow;
    }

    /**
     * Takes a closed candle.
     *
     * @param candle a final candle ({@code closedOnly=true})
     * @return the signal this candle made, or {@code null}
     */
    public synchronized Signal onCandle(CandleEvent candle) {
        Instant start = candle.candleDateTimeUtc().toInstant(ZoneOffset.UTC);
        if (firstCandle == null) {
            firstCandle = start;
        }
        lastCandle = start;
        candles++;
        Signal signal = markets.computeIfAbsent(candle.code(),
                        code -> new MovingAverageCrossover(code, shortWindow, longWindow))
                .onClose(start, candle.tradePrice()).orElse(null);
        if (signal != null) {
            LOG.info("{} {} at {} (candle {}): SMA{} {} vs SMA{} {}", signal.side(), signal.code(),
                    plain(signal.close()), start, shortWindow, plain(signal.shortAverage()), longWindow,
                    plain(signal.longAverage()));
            signals.addLast(signal);
            if (signals.size() > SIGNALS_KEPT) {
                signals.removeFirst();
            }
        }
        return signal;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** What the detector has seen so far, read at one instant. */
    public synchronized History history() {
        return new History(firstCandle, lastCandle, candles, List.copyOf(signals));
    }

    /**
     * The candles seen and the signals made.
     *
     * @param firstCandle start of the first candle, {@code null} before any
     * @param lastCandle  start of the latest candle
     * @param candles     how many candles came
     * @param signals     the signals made, oldest first (the most recent {@value SignalDetector#SIGNALS_KEPT})
     */
    public record History(Instant firstCandle, Instant lastCandle, long candles, List<Signal> signals) {
    }
}
