package io.camelupbit.test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

/**
 * One KRW market's closed candles of one indicator timeframe: closes and volumes, oldest first (the newest
 * {@value #KEPT}), and the period now open.
 *
 * <p>Created with {@value #SEEDED} past candles, so that every indicator has a value at the first close: a random
 * walk of closes with the market's volatility that ends at the market's price of the moment, and log-normal volumes
 * around the market's typical traded volume per period, both drawn from a generator seeded by (seed, code,
 * timeframe). Later closes take their volume from the same generator unless a test gives one. Guarded by the
 * {@link IndicatorEngine}'s lock.
 */
final class CandleHistory {

    static final int SEEDED = 300;
    private static final int KEPT = 1000;
    private static final double VOLUME_SIGMA = 0.5;

    private final SeriesKey series;
    private final Random random;
    private final double meanVolume;
    private double[] closes = new double[0];
    private double[] volumes = new double[0];
    private BigDecimal lastClose;
    private Instant open;
    private long sequence;

    CandleHistory(long seed, SeriesKey series, MarketProfile profile, BigDecimal price, Instant now) {
        this.series = series;
        this.random = new Random(MarketState.mix(seed, series.code() + "|" + series.timeframe().wireName()));
        double periodShare = series.timeframe().length().getSeconds() / 86_400.0;
        double sigma = profile.dailyVolatility() * Math.sqrt(periodShare);
        this.meanVolume = profile.dailyTradedValue().doubleValue() / price.doubleValue() * periodShare;
        // Walked backwards from the price of the moment, so the history ends there.
        double[] walk = new double[SEEDED];
        walk[SEEDED - 1] = price.doubleValue();
        for (int i = SEEDED - 2; i >= 0; i--) {
            walk[i] = walk[i + 1] * Math.exp(sigma * random.nextGaussian());
        }
        for (double close : walk) {
            append(close, drawVolume());
        }
        this.lastClose = price;
        this.open = series.timeframe().periodStart(now);
    }

    SeriesKey series() {
        return series;
    }

    /** The start of the period now open. */
    Instant openStart() {
        return open;
    }

    /** The end of the period now open: when the clock passes it, the period closes. */
    Instant openEnd() {
        return open.plus(series.timeframe().length());
    }

    /** Moves the open period forward without closing those in between (a clock that jumped too far). */
    void skipTo(Instant periodStart) {
        open = periodStart;
    }

    /**
     * Closes the open period with this close and volume (or a drawn volume when {@code null}); the next period opens.
     *
     * @return the window ending with this candle
     */
    CandleWindow close(BigDecimal close, BigDecimal volume) {
        append(close.doubleValue(), volume == null ? drawVolume() : volume.doubleValue());
        lastClose = close;
        Instant start = open;
        open = openEnd();
        sequence++;
        return new CandleWindow(series, closes, volumes, lastClose, start, sequence);
    }

    /** The window ending with the last closed candle. */
    CandleWindow window() {
        return new CandleWindow(series, closes, volumes, lastClose, open.minus(series.timeframe().length()),
                sequence);
    }

    private void append(double close, double volume) {
        int from = closes.length < KEPT ? 0 : 1;
        closes = Arrays.copyOfRange(closes, from, closes.length + 1);
        volumes = Arrays.copyOfRange(volumes, from, volumes.length + 1);
        closes[closes.length - 1] = close;
        volumes[volumes.length - 1] = volume;
    }

    private double drawVolume() {
        return meanVolume * Math.exp(VOLUME_SIGMA * random.nextGaussian() - VOLUME_SIGMA * VOLUME_SIGMA / 2);
    }
}
