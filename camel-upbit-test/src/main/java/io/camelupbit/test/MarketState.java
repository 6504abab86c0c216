package io.camelupbit.test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One market's random walk and the statistics derived from it.
 *
 * <p>The walk is a sequence of trades, one every tick interval of simulated time: trade {@code k} happens at
 * {@code simulatedStart + k x tickInterval}. Trades are generated lazily up to the simulated "now" whenever the
 * market is read, from a {@link Random} seeded only by (seed, code) and consuming the same draws per trade, so the
 * same seed gives the same (price, volume, side) sequence whatever the wall-clock timing of the reads or the
 * activity of other markets. Day, 24 h and 52-week statistics (what the ticker shows) and the candles of every unit
 * are folded in per trade; the book at each trade is a function of the trade ({@link BookModel}). So ticker, trade,
 * orderbook and candle messages all derive from the same trades.
 *
 * <p>Thread-safe: connections on several event loops read the same market.
 */
final class MarketState {

    private static final int VOLUME_SCALE = 8;
    private static final int PRICE_SCALE = 8;
    private static final int RATE_SCALE = 10;
    /** Upbit's minimum order value in KRW markets. */
    private static final BigDecimal KRW_MIN_ORDER = new BigDecimal("5000");
    /** One read at most catches up this many trades; beyond, time skips (the sequence stays). */
    private static final int MAX_CATCH_UP = 200_000;
    private static final double SIZE_SIGMA = 1.0;
    private static final DateTimeFormatter TRADE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TRADE_TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final String code;
    private final String quote;
    private final Instant simulatedStart;
    private final long tickNanos;
    private final Random walk;
    /** Relative standard deviation of one trade's price step: daily volatility / sqrt(trades per day). */
    private final double stepSigma;
    private final double meanTradeValue;
    private final BigDecimal decay24h;
    private final MarketStatus status;
    private final TradeListener listener;

    private final BookModel book;
    /** The newest trades, at most {@link #historySize}; older ones are only counted in {@link #evicted}. */
    private final Deque<TradeEntry> history = new ArrayDeque<>();
    private final int historySize;
    private long evicted;
    private final Map<CandleUnit, CandleSeries> candles = new EnumMap<>(CandleUnit.class);
    private long skippedSlots;
    private Trade last;

    // Statistics of the current UTC day (Upbit's KRW day starts 00:00 UTC = 09:00 KST).
    private LocalDate day;
    private BigDecimal prevClose;
    private BigDecimal open;
    private BigDecimal high;
    private BigDecimal low;
    private BigDecimal accVolume;
    private BigDecimal accValue;
    private BigDecimal accAskVolume;
    private BigDecimal accBidVolume;
    // Rolling 24 h, approximated by an exponential decay of the share that leaves the window per tick.
    private BigDecimal volume24h;
    private BigDecimal value24h;
    private BigDecimal high52;
    private LocalDate high52Date;
    private BigDecimal low52;
    private LocalDate low52Date;

    /** A market telling this listener of each trade it generates, under its lock (see {@link TradeListener}). */
    MarketState(String code, MarketProfile profile, MarketStatus status, long seed, Instant simulatedStart,
                Duration tickInterval, int historySize, TradeListener listener) {
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be at least 1: " + historySize);
        }
        this.historySize = historySize;
        this.code = code;
        this.status = status;
        this.listener = listener;
        this.quote = MarketCodes.quote(code);
        this.simulatedStart = simulatedStart;
        this.tickNanos = tickInterval.toNanos();
        long mixed = mix(seed, code);
        this.walk = new Random(mixed);
        this.book = new BookModel(mixed, quote, profile);
        for (CandleUnit unit : CandleUnit.values()) {
            candles.put(unit, new CandleSeries(unit));
        }
        double tradesPerDay = (double) Duration.ofDays(1).toNanos() / tickNanos;
        this.stepSigma = profile.dailyVolatility() / Math.sqrt(tradesPerDay);
        this.meanTradeValue = profile.dailyTradedValue().doubleValue() / tradesPerDay;
        this.decay24h = BigDecimal.ONE.subtract(BigDecimal.ONE.divide(BigDecimal.valueOf(tradesPerDay),
                MathContext.DECIMAL64));
        // The opening statistics use a separate generator so that they never shift the walk's draws.
        initialise(profile, new Random(~mixed));
    }

    /** A 64-bit mix of seed and code (SplitMix64 finaliser), so nearby seeds and similar codes diverge. */
    static long mix(long seed, String code) {
        // The hashCode of a String is specified, so the mix is stable across JVMs and runs.
        long z = seed * 0x9E3779B97F4A7C15L + code.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void initialise(MarketProfile profile, Random init) {
        Instant start = simulatedStart;
        day = utcDate(start);
        double dayFraction = Math.max(0.01,
                Duration.between(day.atStartOfDay(ZoneOffset.UTC).toInstant(), start).toMillis() / 86_400_000.0);
        double vol = profile.dailyVolatility();
        BigDecimal price = snap(times(profile.startPrice(), 1 + 0.002 * init.nextGaussian()), RoundingMode.HALF_UP);
        prevClose = snap(times(price, 1 - vol * Math.sqrt(dayFraction) * init.nextGaussian()), RoundingMode.HALF_UP);
        open = snap(times(prevClose, 1 + 0.001 * init.nextGaussian()), RoundingMode.HALF_UP);
        double spread = vol * 0.5 * Math.sqrt(dayFraction);
        high = snap(times(price.max(open), 1 + Math.abs(init.nextGaussian()) * spread), RoundingMode.CEILING);
        low = snap(times(price.min(open), 1 - Math.min(0.5, Math.abs(init.nextGaussian()) * spread)),
                RoundingMode.FLOOR);

        double dailyUnits = profile.dailyTradedValue().doubleValue() / price.doubleValue();
        accVolume = volume(dailyUnits * dayFraction * (0.8 + 0.4 * init.nextDouble()));
        BigDecimal midPrice = high.add(low).divide(BigDecimal.valueOf(2), PRICE_SCALE, RoundingMode.HALF_UP);
        accValue = accVolume.multiply(midPrice).setScale(PRICE_SCALE, RoundingMode.HALF_UP);
        accAskVolume = volume(accVolume.doubleValue() * (0.45 + 0.1 * init.nextDouble())).min(accVolume);
        accBidVolume = accVolume.subtract(accAskVolume);
        volume24h = volume(dailyUnits * (0.8 + 0.4 * init.nextDouble()));
        value24h = volume24h.multiply(price).multiply(BigDecimal.valueOf(0.98 + 0.04 * init.nextDouble()))
                .setScale(PRICE_SCALE, RoundingMode.HALF_UP);

        high52 = snap(times(price, 1.2 + 0.6 * init.nextDouble()), RoundingMode.CEILING).max(high);
        high52Date = day.minusDays(20 + init.nextInt(330));
        low52 = snap(times(price, 0.45 + 0.35 * init.nextDouble()), RoundingMode.FLOOR).min(low);
        low52Date = day.minusDays(15 + init.nextInt(340));
        if (low52Date.equals(high52Date)) {
            low52Date = low52Date.minusDays(1);
        }

        // Trade 0: the last trade before simulated start, so a snapshot always has a last trade to show.
        Instant lastTime = start.minusMillis(1 + init.nextInt((int) Math.max(1, tickNanos / 1_000_000)));
        Trade.Side side = init.nextBoolean() ? Trade.Side.BID : Trade.Side.ASK;
        last = new Trade(code, 0, price, tradeVolume(price, init.nextGaussian()), side, lastTime,
                sequentialId(lastTime, 0));
        record(last);
    }

    /** Generates every trade due up to this simulated time. */
    synchronized void advanceTo(Instant simulatedNow) {
        long elapsed = Duration.between(simulatedStart, simulatedNow).toNanos();
        if (elapsed < 0) {
            return;
        }
        long due = elapsed / tickNanos - skippedSlots;
        if (due - last.index() > MAX_CATCH_UP) {
            // Too far behind (a long pause at high speed): skip time rather than stall the event loop.
            skippedSlots += due - last.index() - MAX_CATCH_UP;
            due = elapsed / tickNanos - skippedSlots;
        }
        while (last.index() < due) {
            appendNextTrade();
        }
    }

    private void appendNextTrade() {
        long index = last.index() + 1;
        Instant time = simulatedStart.plusNanos((index + skippedSlots) * tickNanos);
        BigDecimal price = last.price();
        // Always the same four draws per trade, so the sequence depends on nothing but (seed, code, index).
        double step = walk.nextGaussian();
        double rounding = walk.nextDouble();
        double size = walk.nextGaussian();
        boolean coin = walk.nextBoolean();

        BigDecimal tick = TickSize.of(quote, price);
        double stepTicks = step * stepSigma * price.doubleValue() / tick.doubleValue();
        // Stochastic rounding keeps the walk unbiased when a step is smaller than one tick (e.g. KRW-XRP).
        long ticks = (long) Math.floor(stepTicks + rounding);
        BigDecimal next = snap(price.add(tick.multiply(BigDecimal.valueOf(ticks))), RoundingMode.HALF_UP);
        Trade.Side side = ticks > 0 ? Trade.Side.BID : ticks < 0 ? Trade.Side.ASK
                : coin ? Trade.Side.BID : Trade.Side.ASK;
        Trade trade = new Trade(code, index, next, tradeVolume(next, size), side, time,
                sequentialId(time, index));
        apply(trade);
    }

    private void apply(Trade trade) {
        LocalDate tradeDay = utcDate(trade.time());
        if (!tradeDay.equals(day)) {
            // A new UTC day: yesterday's last price becomes the previous close, the day statistics restart.
            day = tradeDay;
            prevClose = last.price();
            open = trade.price();
            high = trade.price();
            low = trade.price();
            accVolume = zero();
            accValue = zero();
            accAskVolume = zero();
            accBidVolume = zero();
        }
        BigDecimal value = trade.price().multiply(trade.volume()).setScale(PRICE_SCALE, RoundingMode.HALF_UP);
        high = high.max(trade.price());
        low = low.min(trade.price());
        accVolume = accVolume.add(trade.volume());
        accValue = accValue.add(value);
        if (trade.side() == Trade.Side.ASK) {
            accAskVolume = accAskVolume.add(trade.volume());
        } else {
            accBidVolume = accBidVolume.add(trade.volume());
        }
        volume24h = volume24h.multiply(decay24h).add(trade.volume()).setScale(VOLUME_SCALE, RoundingMode.HALF_UP);
        value24h = value24h.multiply(decay24h).add(value).setScale(PRICE_SCALE, RoundingMode.HALF_UP);
        if (trade.price().compareTo(high52) > 0) {
            high52 = trade.price();
            high52Date = tradeDay;
        }
        if (trade.price().compareTo(low52) < 0) {
            low52 = trade.price();
            low52Date = tradeDay;
        }
        last = trade;
        record(trade);
        listener.traded(trade);
    }

    private void record(Trade trade) {
        history.addLast(new TradeEntry(trade, prevClose));
        if (history.size() > historySize) {
            history.removeFirst();
            evicted++;
        }
        for (CandleSeries series : candles.values()) {
            series.add(trade);
        }
    }

    synchronized Trade lastTrade() {
        return last;
    }

    /** Trades with an index above {@code afterIndex} still in the bounded history, oldest first. */
    synchronized List<Trade> tradesAfter(long afterIndex) {
        List<Trade> out = new ArrayList<>();
        for (TradeEntry e : history) {
            if (e.trade().index() > afterIndex) {
                out.add(e.trade());
            }
        }
        return out;
    }

    /** How many trades fell out of the bounded history (the oldest first). */
    synchronized long evicted() {
        return evicted;
    }

    /** The last trade with its previous close. */
    synchronized TradeEntry lastEntry() {
        return history.getLast();
    }

    /** At most the {@code max} newest entries with an index above {@code afterIndex}, oldest first. */
    synchronized List<TradeEntry> entriesAfter(long afterIndex, int max) {
        List<TradeEntry> out = new ArrayList<>();
        var it = history.descendingIterator();
        while (it.hasNext() && out.size() < max) {
            TradeEntry e = it.next();
            if (e.trade().index() <= afterIndex) {
                break;
            }
            out.add(e);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** The candle of this unit holding the last trade. */
    synchronized CandleBar candle(CandleUnit unit) {
        return candles.get(unit).current();
    }

    /** The candle of this unit for the period starting then, if still known, else {@code null}. */
    synchronized CandleBar candle(CandleUnit unit, Instant periodStart) {
        return candles.get(unit).byStart(periodStart);
    }

    /** The earliest candle of this unit of a period starting after this instant, if still known, else {@code null}. */
    synchronized CandleBar candleAfter(CandleUnit unit, Instant periodStart) {
        return candles.get(unit).firstAfter(periodStart);
    }

    /** The native 30-row book right after this trade. */
    List<OrderbookUnit> book(Trade trade) {
        return book.rows(trade);
    }

    /** The ticker as of the last trade, stamped with this message time. */
    synchronized Ticker ticker(Instant messageTime, Ticker.StreamType streamType) {
        BigDecimal tradePrice = last.price();
        int cmp = tradePrice.compareTo(prevClose);
        String change = cmp > 0 ? "RISE" : cmp < 0 ? "FALL" : "EVEN";
        BigDecimal signedChange = tradePrice.subtract(prevClose);
        BigDecimal signedRate = signedChange.divide(prevClose, RATE_SCALE, RoundingMode.HALF_UP);
        // Price fields as Upbit writes them: trade/open/high/low plain, the rest with 8 decimals
        // (e.g. "prev_closing_price":31883000.00000000 beside "trade_price":32287000).
        return new Ticker(last.index(), code,
                TickSize.normalize(open), TickSize.normalize(high), TickSize.normalize(low),
                TickSize.normalize(tradePrice),
                eight(prevClose), change, eight(signedChange.abs()), eight(signedChange),
                signedRate.abs(), signedRate,
                last.volume(), accVolume, volume24h, accValue, value24h,
                TRADE_DATE.format(last.time().atOffset(ZoneOffset.UTC)),
                TRADE_TIME.format(last.time().atOffset(ZoneOffset.UTC)),
                last.time().toEpochMilli(), last.side().name(), accAskVolume, accBidVolume,
                eight(high52), high52Date.toString(), eight(low52), low52Date.toString(),
                status.marketState(), status.tradingSuspended(), status.delistingDate(), status.marketWarning(),
                Math.max(messageTime.toEpochMilli(), last.time().toEpochMilli()), streamType);
    }

    private BigDecimal tradeVolume(BigDecimal price, double sizeDraw) {
        // Log-normal trade value around the mean, so most trades are small and a few are large.
        double value = meanTradeValue * StrictMath.exp(SIZE_SIGMA * sizeDraw - SIZE_SIGMA * SIZE_SIGMA / 2);
        BigDecimal v = BigDecimal.valueOf(value);
        if ("KRW".equals(quote) && v.compareTo(KRW_MIN_ORDER) < 0) {
            v = KRW_MIN_ORDER;
        }
        BigDecimal volume = v.divide(price, VOLUME_SCALE, RoundingMode.HALF_UP);
        return volume.signum() > 0 ? volume : new BigDecimal("0.00000001");
    }

    private BigDecimal snap(BigDecimal price, RoundingMode mode) {
        return TickSize.snap(quote, price, mode);
    }

    private static BigDecimal times(BigDecimal value, double factor) {
        return value.multiply(BigDecimal.valueOf(factor), MathContext.DECIMAL64);
    }

    private static BigDecimal volume(double units) {
        return BigDecimal.valueOf(Math.max(units, 0)).setScale(VOLUME_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(VOLUME_SCALE);
    }

    /** The value with at least 8 decimals, as Upbit writes most prices ({@code 31883000.00000000}). */
    static BigDecimal eight(BigDecimal value) {
        return value.setScale(Math.max(PRICE_SCALE, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
    }

    private static long sequentialId(Instant time, long index) {
        // Upbit's ids look like trade millis x 10,000 + a counter (17303368620470000); the index keeps them unique.
        return time.toEpochMilli() * 10_000 + index % 10_000;
    }

    private static LocalDate utcDate(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    String code() {
        return code;
    }
}
