package io.camelupbit.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.rest.AccountReads;
import io.camelupbit.rest.ReconciledEvents;
import io.camelupbit.rest.RestResult;
import io.camelupbit.trading.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the gaps of one private route (myOrder or myAsset) by reading the account over REST: on its start, after each
 * reconnect, after a resume, and after a subscribe message restarted Upbit's streams. From the gap on, the route's
 * {@link Delivery} holds its stream events; once Upbit has the subscription again (so that nothing after the read can
 * be missed), it reads and delivers, marked as reconciled and ahead of the held events:
 * <ul>
 * <li>myAsset: one event holding every balance;</li>
 * <li>myOrder: one event per open order, per order the route last saw open that is not open now, and per order created
 * since the gap began that has ended (of the route's codes), oldest first.</li>
 * </ul>
 * A read that fails is tried again with the channel's backoff while the subscription holds, counted, and told to the
 * {@link Listener}; the route stays held meanwhile: a state is never skipped. A gap that begins while a read runs
 * makes it start again once subscribed. Thread-safe: the session calls it on its event loop, reads complete on the
 * delivery threads.
 */
public final class Reconciliation {

    /**
     * How much earlier than the moment a gap was noticed it is taken to begin: differences between Upbit's clock and
     * this host's, and events Upbit sent just before that were still on their way.
     */
    static final Duration GAP_MARGIN = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    /** Hears how reconciliations go (health, {@code upbit:connection}); called on any thread, must not block. */
    public interface Listener {
        /** The account was read and its states handed to the route, after {@code attempts} reads. */
        void reconciled(int attempts);

        /** A read failed; it is tried again in {@code retryInMillis} once the route is subscribed. */
        void failed(int consecutiveFailures, long retryInMillis, Throwable cause);
    }

    private final Delivery delivery;
    private final AccountReads reads;
    private final ReconnectBackoff backoff;
    private final Listener listener;
    private final boolean orders;

    // guarded by this
    /** A gap waits to be closed. */
    private boolean due;
    /** When the earliest gap not yet closed began, epoch millis. */
    private long gapStart;
    /** Upbit has the route's subscription since the last gap. */
    private boolean subscribed;
    private boolean reading;
    private boolean stopped = true;
    /** Counts gaps, so a read that a later gap overtook is not delivered. */
    private long generation;
    private int consecutiveFailures;
    private int attempts;
    private String lastFailure;
    private long reconciles;
    /** When the route left its session (suspend or stop), epoch millis; 0 while registered or before. */
    private long leftAt;
    private ScheduledExecutorService loop;
    private ScheduledFuture<?> retry;

    /**
     * @param delivery the route; this becomes its reconciliation
     * @param reads    the account's reads with the route's key
     * @param backoff  the channel's reconnect backoff, for reads tried again
     */
    public Reconciliation(Delivery delivery, AccountReads reads, ReconnectBackoff backoff, Listener listener) {
        this.delivery = delivery;
        this.reads = reads;
        this.backoff = backoff;
        this.listener = listener;
        this.orders = !MyAssetEvent.TYPE.equals(delivery.spec().type());
        delivery.reconcileWith(this);
    }

    /**
     * The route registered on its session: a start (the gap begins now) or a resume (it began when the route left).
     */
    synchronized void joined(ScheduledExecutorService sessionLoop) {
        stopped = false;
        loop = sessionLoop;
        gap(leftAt > 0 ? leftAt : System.currentTimeMillis());
        leftAt = 0;
    }

    /**
     * Events may have been lost from this moment on: the route holds its stream events until a read after the next
     * subscription.
     *
     * @param at when the gap was noticed, epoch millis (it is taken to begin {@link #GAP_MARGIN} earlier)
     */
    synchronized void gap(long at) {
        if (stopped) {
            return;
        }
        long start = at - GAP_MARGIN.toMillis();
        gapStart = due ? Math.min(gapStart, start) : start;
        due = true;
        subscribed = false;
        generation++;
        cancelRetry();
        delivery.hold();
    }

    /** Upbit has the route's subscription (acknowledged after a send): a due gap is closed now. */
    synchronized void subscribed() {
        if (stopped || !due) {
            return;
        }
        subscribed = true;
        if (!reading && retry == null) {
            read();
        }
    }

    /**
     * The route left its session (suspended or stopping): reading stops and the held events go to the route as they
     * are. A resume reconciles from this moment.
     */
    synchronized void left() {
        if (stopped) {
            return;
        }
        stopped = true;
        leftAt = System.currentTimeMillis();
        due = false;
        subscribed = false;
        generation++;
        cancelRetry();
        delivery.release(List.of(), 0);
    }

    /** Whether a gap waits to be closed (the route's stream events are held meanwhile). */
    public synchronized boolean isPending() {
        return due;
    }

    /** Reads that failed since the last one that worked. */
    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Why the last read failed; {@code null} once one worked. */
    public synchronized String lastFailure() {
        return lastFailure;
    }

    /** Gaps closed since the route started. */
    public synchronized long reconciles() {
        return reconciles;
    }

    private void read() {
        reading = true;
        attempts++;
        long readGeneration = generation;
        long from = gapStart;
        long askedAt = System.currentTimeMillis();
        CompletableFuture<List<ReceivedEvent>> events = orders ? readOrders(from, askedAt) : reads.balances()
                .thenApply(balances -> List.of(ReceivedEvent.reconciled(
                        ReconciledEvents.assets(balances.value(), askedAt), askedAt)));
        events.whenComplete((states, failure) -> done(readGeneration, askedAt, states, failure));
    }

    /** Open orders and those ended since the gap began, then those the route saw open and are neither. */
    private CompletableFuture<List<ReceivedEvent>> readOrders(long from, long askedAt) {
        List<String> knownOpen = delivery.knownOpenOrders();
        SubscriptionSpec spec = delivery.spec();
        return reads.openOrders(spec.codes(), "wait,watch")
                .thenCombine(reads.closedOrders(spec.codes(), null, Instant.ofEpochMilli(from)), (open, closed) -> {
                    Map<String, Order> found = new LinkedHashMap<>();
                    open.value().forEach(o -> found.put(o.uuid(), o));
                    // read at the same time: an order in both ended between the reads, and its end is news
                    closed.value().forEach(o -> found.put(o.uuid(), o));
                    return found;
                })
                .thenCompose(found -> {
                    List<String> missing = knownOpen.stream().filter(uuid -> !found.containsKey(uuid)).toList();
                    if (missing.isEmpty()) {
                        return CompletableFuture.completedFuture(found);
                    }
                    return reads.orders(missing).thenApply(RestResult::value).thenApply(ended -> {
                        ended.forEach(o -> found.putIfAbsent(o.uuid(), o));
                        return found;
                    });
                })
                .thenApply(found -> {
                    // of the route's codes already: the reads filter them, the ids are the route's own orders
                    List<Order> wanted = new ArrayList<>(found.values());
                    wanted.sort(Comparator.comparing(Order::createdAt,
                            Comparator.nullsLast(Comparator.naturalOrder())));
                    List<ReceivedEvent> states = new ArrayList<>(wanted.size());
                    for (Order order : wanted) {
                        states.add(ReceivedEvent.reconciled(ReconciledEvents.order(order, askedAt), askedAt));
                    }
                    return states;
                });
    }

    private synchronized void done(long readGeneration, long askedAt, List<ReceivedEvent> states, Throwable failure) {
        reading = false;
        if (stopped) {
            return;
        }
        if (readGeneration != generation) {
            // a gap began while reading: this read may miss what it lost; read again once subscribed
            if (subscribed) {
                read();
            }
            return;
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            consecutiveFailures++;
            lastFailure = cause.getMessage() != null ? cause.getMessage() : cause.toString();
            long delay = backoff.delayMillis(consecutiveFailures);
            LOG.warn("Reconciling Upbit route {} {} failed ({} in a row); its stream events wait, reading again in "
                    + "{} ms: {}", delivery.spec().type(), delivery.spec().codes(), consecutiveFailures, delay,
                    lastFailure);
            retry = loop.schedule(ScheduledTasks.logged("reconciliation retry", this::retry), delay,
                    TimeUnit.MILLISECONDS);
            listener.failed(consecutiveFailures, delay, cause);
            return;
        }
        int tries = attempts;
        due = false;
        consecutiveFailures = 0;
        attempts = 0;
        lastFailure = null;
        reconciles++;
        delivery.release(states, orders ? 0 : askedAt);
        LOG.debug("Reconciled Upbit route {} {}: {} state(s) after {} read(s)", delivery.spec().type(),
                delivery.spec().codes(), states.size(), tries);
        listener.reconciled(tries);
    }

    private synchronized void retry() {
        retry = null;
        if (!stopped && due && subscribed && !reading) {
            read();
        }
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }
}
