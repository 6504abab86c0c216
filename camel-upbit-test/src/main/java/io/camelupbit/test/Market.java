package io.camelupbit.test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's seeded market model: one {@link MarketState} (a random walk of trades on the tick grid) per
 * market code, created on first use, advanced lazily to the simulated clock.
 *
 * <p>Deterministic: the same seed gives every market the same sequence of trades (price, volume, side), whatever
 * the wall-clock timing of the reads; the books (from (seed, code, trade index)) and candles (from the trades)
 * follow. Simulated time runs at the configured speed from the simulated start.
 * Thread-safe.
 */
public final class Market {

    /** Trades kept per market by default ({@link UpbitSimulator.Builder#tradeHistory}). */
    static final int DEFAULT_TRADE_HISTORY = 10_000;

    private final long seed;
    private final SimClock clock;
    private final Duration tickInterval;
    private final Map<String, BigDecimal> startingPrices;
    private final int tradeHistory;
    private final Map<String, MarketStatus> statuses;
    private final TradeListener listener;
    private final Map<String, MarketState> states = new ConcurrentHashMap<>();

    Market(long seed, SimClock clock, Duration tickInterval, Map<String, BigDecimal> markets) {
        this(seed, clock, tickInterval, markets, DEFAULT_TRADE_HISTORY, Map.of());
    }

    /**
     * A market model keeping the newest {@code tradeHistory} trades of each market (at least 1), with these explicit
     * listing statuses; the other markets get {@link MarketStatus#derived their default}.
     */
    Market(long seed, SimClock clock, Duration tickInterval, Map<String, BigDecimal> markets, int tradeHistory,
           Map<String, MarketStatus> statuses) {
        this(seed, clock, tickInterval, markets, tradeHistory, statuses, TradeListener.NONE);
    }

    /**
     * As {@link #Market(long, SimClock, Duration, Map, int, Map)}, telling this listener of every trade generated
     * after the simulated start (trade 1 on; trade 0, the last one before the start, is not generated but set up),
     * as it is generated: see {@link TradeListener} for the thread and the lock.
     */
    Market(long seed, SimClock clock, Duration tickInterval, Map<String, BigDecimal> markets, int tradeHistory,
           Map<String, MarketStatus> statuses, TradeListener listener) {
        if (tradeHistory < 1) {
            throw new IllegalArgumentException("tradeHistory must be at least 1: " + tradeHistory);
        }
        this.seed = seed;
        this.clock = clock;
        this.tickInterval = tickInterval;
        this.tradeHistory = tradeHistory;
        this.startingPrices = Map.copyOf(markets);
        this.statuses = Map.copyOf(statuses);
        this.listener = Objects.requireNonNull(listener, "listener");
        markets.keySet().forEach(this::state);
    }

    /** The simulated time now. */
    public Instant now() {
        return clock.now();
    }

    /** The simulated time at which the market model started. */
    public Instant simulatedStart() {
        return clock.simulatedStart();
    }

    /** The seed of this model. */
    public long seed() {
        return seed;
    }

    /** Simulated time between two trades of one market. */
    public Duration tickInterval() {
        return tickInterval;
    }

    /** The price of the last trade of this market as of now (the market is created if new). */
    public BigDecimal lastPrice(String code) {
        return lastTrade(code).price();
    }

    /** The last trade of this market as of now (the market is created if new). */
    public Trade lastTrade(String code) {
        MarketState state = advanced(code);
        return state.lastTrade();
    }

    /**
     * The trades of this market with an index above {@code afterIndex}, up to now, oldest first, from a bounded
     * history: the newest {@link #tradeHistory()} (set by {@link UpbitSimulator.Builder#tradeHistory}, default
     * 10,000). {@code tradesAfter(code, -1)} starts with trade 0, the last one before the simulated start, until
     * trades fall out of the history (see {@link #tradesEvicted}).
     */
    public List<Trade> tradesAfter(String code, long afterIndex) {
        return advanced(code).tradesAfter(afterIndex);
    }

    /**
     * How many of this market's trades, as of now, fell out of its history: the oldest, trade 0 first. Trade
     * indexes are consecutive, so {@link #tradesAfter tradesAfter(code, i)} returns every trade after {@code i}
     * (none missing) exactly when {@code i >= tradesEvicted(code) - 1}. A test that compares what a client received
     * with the trades of a window checks this first.
     */
    public long tradesEvicted(String code) {
        return advanced(code).evicted();
    }

    /** How many trades each market's history keeps ({@link UpbitSimulator.Builder#tradeHistory}). */
    public int tradeHistory() {
        return tradeHistory;
    }

    /**
     * The listing status this market's tickers carry ({@code market_state}, {@code market_warning},
     * {@code is_trading_suspended}, {@code delisting_date}): as set by {@link UpbitSimulator.Builder#marketStatus},
     * else derived from the seed and the code (see {@link MarketStatus}). Fixed for the run.
     */
    public MarketStatus status(String code) {
        MarketCodes.requireValid(code);
        MarketStatus explicit = statuses.get(code);
        return explicit != null ? explicit
                : MarketStatus.derived(seed, code, clock.simulatedStart().atOffset(ZoneOffset.UTC).toLocalDate());
    }

    /** The codes of the markets created so far. */
    public Set<String> codes() {
        return Set.copyOf(states.keySet());
    }

    /** The ticker of this market as of now. */
    Ticker ticker(String code, Ticker.StreamType streamType) {
        Instant now = clock.now();
        MarketState state = state(code);
        state.advanceTo(now);
        return state.ticker(now, streamType);
    }

    /** The last trade of this market as of now, with its previous close. */
    TradeEntry lastEntry(String code) {
        return advanced(code).lastEntry();
    }

    /** At most {@code max} of the newest trades after this index, as of now, oldest first. */
    List<TradeEntry> entriesAfter(String code, long afterIndex, int max) {
        return advanced(code).entriesAfter(afterIndex, max);
    }

    /** The native 30-row book of this market right after this trade (a pure function of seed, code and trade). */
    List<OrderbookUnit> book(Trade trade) {
        return state(trade.code()).book(trade);
    }

    /** The shape of this market: starting price, daily volatility and traded value. */
    MarketProfile profile(String code) {
        return MarketProfile.of(MarketCodes.requireValid(code), startingPrices.get(code));
    }

    /** The candle of this unit holding the market's last trade as of now. */
    CandleBar candle(String code, CandleUnit unit) {
        return advanced(code).candle(unit);
    }

    /** The candle of this unit and period start, if the market still knows it (it keeps the last 16), else null. */
    CandleBar candle(String code, CandleUnit unit, Instant periodStart) {
        return advanced(code).candle(unit, periodStart);
    }

    /**
     * The earliest candle of this unit of a period starting after this instant, as of now, if the market still knows
     * it (the current one or the last 16 completed), else null.
     */
    CandleBar candleAfter(String code, CandleUnit unit, Instant periodStart) {
        return advanced(code).candleAfter(unit, periodStart);
    }

    private MarketState advanced(String code) {
        MarketState state = state(code);
        state.advanceTo(clock.now());
        return state;
    }

    private MarketState state(String code) {
        MarketCodes.requireValid(code);
        return states.computeIfAbsent(code, c -> new MarketState(c,
                MarketProfile.of(c, startingPrices.get(c)), status(c), seed, clock.simulatedStart(), tickInterval,
                tradeHistory, listener));
    }
}
