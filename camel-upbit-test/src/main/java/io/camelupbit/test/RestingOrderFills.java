package io.camelupbit.test;

import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The market filling resting orders ({@link UpbitSimulator.Builder#fillRestingOrders}): every trade the market model
 * generates is matched against the waiting limit orders of every account ({@link SimAccount#fillReached}).
 *
 * <p>Threads and locks. Trades are generated lazily, under their market's lock, by whichever thread reads the market
 * (a connection's event loop at its ticks, a REST request, the test). As the {@link TradeListener} this class only
 * queues them there. The matching and the fills happen on its own thread ({@code upbit-sim-fills-*}), never on an
 * event loop and never while a market's lock is held: it drains the queue in generation order and hands each trade
 * to the accounts, in the order their keys were registered, each under its own lock (as a test's
 * {@link SimAccount#fill} would). The account's events then go to the connections' event loops without waiting.
 * So no lock is ever taken while a market's lock is held, and the thread takes one account's lock at a time.
 *
 * <p>Trades must happen for orders to fill even when no connection reads the market: every period (the tick interval
 * at the simulator's speed, at most 50 ms and at least 1 ms of real time) the thread advances the markets that have
 * waiting limit orders to the simulated now, then matches what was generated meanwhile, by anyone.
 *
 * <p>No trade is lost to the matching: the queue holds every trade generated, whatever the trade history or the
 * trade streams' per-tick limits leave out.
 */
final class RestingOrderFills implements TradeListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestingOrderFills.class);
    private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long STOP_TIMEOUT_SECONDS = 5;

    private final List<SimAccount> accounts;
    private final Queue<Trade> generated = new ConcurrentLinkedQueue<>();
    private ScheduledExecutorService thread;
    private volatile boolean closed;

    /** @param accounts the accounts whose orders the market fills, in the order they are offered each trade */
    RestingOrderFills(List<SimAccount> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    /** Called under the market's lock: queues the trade and returns (after {@link #close()}: drops it). */
    @Override
    public void traded(Trade trade) {
        if (!closed) {
            generated.add(trade);
        }
    }

    /**
     * Starts the thread on this market (the one whose trades come to {@link #traded}).
     *
     * @param tickInterval the simulated time between two trades of a market
     * @param speed        the simulated clock's speed
     */
    synchronized void start(Market market, Duration tickInterval, double speed) {
        Objects.requireNonNull(market, "market");
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        long period = Math.min(MAX_PERIOD_NANOS, Math.max(MIN_PERIOD_NANOS, (long) (tickInterval.toNanos() / speed)));
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                new DefaultThreadFactory(UpbitSimulator.THREAD_PREFIX + "-fills", true));
        executor.setRemoveOnCancelPolicy(true);
        executor.scheduleWithFixedDelay(() -> run(market), period, period, TimeUnit.NANOSECONDS);
        thread = executor;
    }

    /** Stops the thread and waits until it has ended (a round of matching under way finishes first). Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        generated.clear();
        if (thread == null) {
            return;
        }
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The thread filling resting orders did not stop within {} s", STOP_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One round: advance the markets with resting orders, then match every trade generated since the last round. */
    private void run(Market market) {
        try {
            for (String code : restingCodes()) {
                market.lastTrade(code); // generates the trades due: they come to traded()
            }
            matchGenerated();
        } catch (RuntimeException e) {
            // Logged, not thrown: an exception would cancel the schedule.
            LOG.warn("Filling resting orders failed", e);
        }
    }

    private void matchGenerated() {
        List<Trade> batch = new ArrayList<>();
        for (Trade t = generated.poll(); t != null; t = generated.poll()) {
            batch.add(t);
        }
        if (batch.isEmpty()) {
            return;
        }
        // Read after the batch was taken: an order a trade of the batch may fill started waiting before the trade
        // was generated (its simulated time is later than the order's), so it is counted here.
        Set<String> codes = restingCodes();
        for (Trade trade : batch) {
            if (codes.contains(trade.code())) {
                for (SimAccount account : accounts) {
                    int filled = account.fillReached(trade);
                    if (filled > 0) {
                        LOG.debug("Trade {} #{} at {} filled {} resting order(s) of {}", trade.code(),
                                trade.index(), trade.price().toPlainString(), filled, account.accessKey());
                    }
                }
            }
        }
    }

    private Set<String> restingCodes() {
        Set<String> codes = new HashSet<>();
        for (SimAccount account : accounts) {
            codes.addAll(account.restingLimitCodes());
        }
        return codes;
    }
}
