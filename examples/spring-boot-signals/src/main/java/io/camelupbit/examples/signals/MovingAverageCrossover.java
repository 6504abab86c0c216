package io.camelupbit.examples.signals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Simple moving averages of the last {@code shortWindow} and {@code longWindow} closes of one market, and a signal
 * each time the short one crosses the long one: BUY when it goes above, SELL when it goes below. Nothing is signalled
 * before {@code longWindow} closes have been seen, nor for the first side taken; equal averages keep the side there
 * was. The comparison is exact (sums cross-multiplied, no division), so no rounding can make or hide a cross.
 *
 * <p>Not thread-safe: one instance per market, fed in candle order.
 */
public final class MovingAverageCrossover {

    private final String code;
    private final int shortWindow;
    private final int longWindow;
    private final Deque<BigDecimal> closes = new ArrayDeque<>();
    /** -1 while the short average is below the long one, +1 above, 0 until known. */
    private int side;

    /**
     * @param code        the market
     * @param shortWindow closes in the short average, at least 1
     * @param longWindow  closes in the long average, more than shortWindow
     */
    public MovingAverageCrossover(String code, int shortWindow, int longWindow) {
        if (shortWindow < 1 || longWindow <= shortWindow) {
            throw new IllegalArgumentException("need 1 <= shortWindow < longWindow, got " + shortWindow + " and "
                    + longWindow);
        }
        this.code = code;
        this.shortWindow = shortWindow;
        this.longWindow = longWindow;
    }

    /**
     * Takes the next closed candle.
     *
     * @param candleStart the candle's period start
     * @param close       its close
     * @return the signal when this close made the averages cross
     */
    public Optional<Signal> onClose(Instant candleStart, BigDecimal close) {
        closes.addLast(close);
        if (closes.size() > longWindow) {
            closes.removeFirst();
        }
        if (closes.size() < longWindow) {
            return Optional.empty();
        }
        BigDecimal longSum = BigDecimal.ZERO;
        BigDecimal shortSum = BigDecimal.ZERO;
        int i = 0;
        for (BigDecimal c : closes) {
            longSum = longSum.add(c);
            if (i++ >= longWindow - shortWindow) {
                shortSum = shortSum.add(c);
            }
        }
        // short mean vs long mean: shortSum / shortWindow vs longSum / longWindow, cross-multiplied
        int now = shortSum.multiply(BigDecimal.valueOf(longWindow))
                .compareTo(longSum.multiply(BigDecimal.valueOf(shortWindow)));
        if (now == 0) {
            return Optional.empty();
        }
        int before = side;
        side = now;
        if (before == 0 || before == now) {
            return Optional.empty();
        }
        return Optional.of(new Signal(code, now > 0 ? Signal.Side.BUY : Signal.Side.SELL, candleStart, close,
                mean(shortSum, shortWindow), mean(longSum, longWindow)));
    }

    private static BigDecimal mean(BigDecimal sum, int count) {
        return sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).stripTrailingZeros();
    }
}
