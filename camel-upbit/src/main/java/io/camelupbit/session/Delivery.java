package io.camelupbit.session;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.camelupbit.event.CandleEvent;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One route's side of a session: its spec, a bounded mailbox the I/O thread drops events into, and a serial drain on
 * a shared worker pool that hands them to the route one at a time, in order (an asynchronous route finishes an event
 * before the next one starts). A slow route holds up only its own mailbox until it is full; then, by its policy, the
 * oldest waiting event is dropped, or the session stops reading the socket until the mailbox is half empty again.
 * <p>
 * Accounting, at all times: {@code routed = filtered + conflated + dropped + delivered + failed + pending}. A route
 * that throws, even an {@link Error}, loses that one event (counted as failed and handed to its exception handler) and
 * gets the next one.
 * <p>
 * A reconciling route ({@link #reconcileWith}) is held while its {@link Reconciliation} reads the account over REST:
 * stream events wait behind the mailbox (they count towards its size, so a long hold pauses reading as a full mailbox
 * does), then the reconciled states go in, then the held events, each myOrder event judged by the route's
 * {@link OrderProgress} so that no order moves backwards.
 */
public final class Delivery {

    /** The route. */
    public interface Sink {
        /**
         * Processes one event. It may throw (building the exchange failed, or a processor threw an {@link Error}):
         * the event then counts as failed, goes to {@link #onFailure}, and the next event follows.
         *
         * @param event         the event
         * @param droppedBefore events dropped (dropOldest) since the previous delivered one
         * @param completion    to call exactly once when the route is done with the event, possibly before this method
         *                      returns, on any thread; not called when this method throws
         */
        void process(ReceivedEvent event, long droppedBefore, Completion completion);

        /** A failure that concerns the route, e.g. an Upbit error frame attributed to it. */
        void onError(Throwable cause);

        /** An event the route could not take: building or processing it threw. Must not throw. */
        void onFailure(ReceivedEvent event, Throwable cause);
    }

    /** How the route reports that it is done with an event. */
    public interface Completion {
        /** @param failed whether the exchange ended with an exception the route did not handle */
        void completed(boolean failed);
    }

    /**
     * The session's side of back-pressure; called on worker or I/O threads whenever this delivery's pausing state may
     * have changed. The session acts on {@link #isPausing()} as it is when it looks, never on the order of calls: a
     * worker's "drained" and the I/O thread's "full" can reach it in either order.
     */
    interface ReadControl {
        void pausingChanged(Delivery delivery);
    }

    /** Events handled per drain task before it yields its worker to other routes. */
    static final int BATCH = 256;

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    // where the event in process stands; see drain() and completed()
    private static final int IDLE = 0;
    private static final int PROCESSING = 1;
    private static final int COMPLETED_INLINE = 2;
    private static final int RETURNED_PENDING = 3;

    private final SubscriptionSpec spec;
    private final DeliveryPolicy policy;
    private final boolean wantsJson;
    private final Executor executor;
    private final Sink sink;
    private final PendingEvents pending;
    private final ClosedCandles closedCandles;
    private final AtomicBoolean errorPending = new AtomicBoolean();
    private final AtomicLong errorsSuppressed = new AtomicLong();

    // guarded by this
    private long routed;
    private long filtered;
    private long conflated;
    private long dropped;
    /** Repeats of events the route already had (a trade's snapshot after a reconnect), counted within filtered. */
    private long duplicates;
    /** Events taken from the mailbox to be processed (delivered or in process). */
    private long taken;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger inProcess = new AtomicInteger();
    private final Completion completion = this::completed;
    /** Whether the event in process failed; written before the state change that publishes it. */
    private boolean outcomeFailed;
    private boolean draining;
    private boolean paused;
    private long droppedSinceDelivery;
    /** The sessions the route is on (one per shard holding its codes), told when its pausing changes. */
    private final List<ReadControl> readControls = new CopyOnWriteArrayList<>();
    /** Stream events waiting while a reconciliation reads; {@code null} when not holding. */
    private ArrayDeque<ReceivedEvent> held;
    /** The route's orders as far as its mailbox has them, for a reconciling myOrder route; else {@code null}. */
    private OrderProgress progress;
    /** Events suppressed as older than what the route had (counted within filtered). */
    private long stale;
    private Reconciliation reconciliation;
    /** When the last event arrived for this route, epoch millis; 0 before the first. */
    private volatile long lastEventAt;
    /** Upbit's rejection of this route's subscription, until it subscribes again; else null. */
    private volatile RuntimeException rejection;

    public Delivery(SubscriptionSpec spec, DeliveryPolicy policy, boolean wantsJson, boolean closedOnly,
            Executor executor, Sink sink) {
        this.spec = spec;
        this.policy = policy;
        this.wantsJson = wantsJson;
        this.executor = executor;
        this.sink = sink;
        this.pending = policy.latest() ? new PendingEvents.Latest()
                : new PendingEvents.Queued(policy.mailboxSize(), policy.dropOldest());
        this.closedCandles = closedOnly ? new ClosedCandles() : null;
    }

    /**
     * Makes this a reconciling route: its myOrder events are judged against how far each order got. Call before the
     * route registers.
     */
    public synchronized void reconcileWith(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
        this.progress = MyOrderEvent.TYPE.equals(spec.type()) ? new OrderProgress() : null;
    }

    /** The route's reconciliation; {@code null} when it does not reconcile. */
    public synchronized Reconciliation reconciliation() {
        return reconciliation;
    }

    /** What this route subscribes to. */
    public SubscriptionSpec spec() {
        return spec;
    }

    /** Whether the route wants each item's JSON text ({@link ReceivedEvent#json()}). */
    public boolean wantsJson() {
        return wantsJson;
    }

    /** Called by a session when it registers this delivery: it is told when the pausing state may have changed. */
    void addReadControl(ReadControl control) {
        if (!readControls.contains(control)) {
            readControls.add(control);
        }
    }

    /** Called by a session when the route leaves it. */
    void removeReadControl(ReadControl control) {
        readControls.remove(control);
    }

    /** The sessions' back-pressure controls of this delivery (tests interpose on them). */
    List<ReadControl> readControls() {
        return List.copyOf(readControls);
    }

    /** An event the index routed here that the spec then turned away (counted, not queued). */
    synchronized void filtered() {
        routed++;
        filtered++;
    }

    /** An event the route already had (counted as filtered and as a duplicate, not queued). */
    synchronized void duplicate() {
        routed++;
        filtered++;
        duplicates++;
    }

    /** An event older than what the route has, from a line behind another (counted as filtered and stale). */
    synchronized void stale() {
        routed++;
        filtered++;
        stale++;
    }

    /** Queues the event and makes sure a drain runs (tests and single events; the session batches, see enqueue). */
    void onEvent(ReceivedEvent event) {
        if (enqueue(event)) {
            scheduleDrain();
        }
    }

    /**
     * Queues the event without starting a drain: the session calls this for every event of a network read and
     * {@link #scheduleDrain()} once at the end of the read, so a burst costs one hand-off to the pool, not one per
     * event. Never blocks, never runs the route.
     *
     * @return true when the caller must call {@link #scheduleDrain()} (no drain is running or scheduled)
     */
    boolean enqueue(ReceivedEvent event) {
        boolean schedule = false;
        boolean pausedNow;
        lastEventAt = System.currentTimeMillis();
        synchronized (this) {
            routed++;
            if (held != null) {
                held.addLast(event);
            } else if (admitted(event, false)) {
                add(event);
                schedule = !draining;
                draining = true;
            }
            pausedNow = pauseIfFull();
        }
        if (pausedNow) {
            notifyReadControl();
        }
        return schedule;
    }

    /** Into the mailbox, counting what it displaced. Under the lock. */
    private void add(ReceivedEvent event) {
        int displaced = pending.add(event);
        if (policy.latest()) {
            conflated += displaced;
        } else {
            dropped += displaced;
            droppedSinceDelivery += displaced;
        }
    }

    /** In pause mode, a full mailbox (with what is held behind it) pauses reading; true when it just did. */
    private boolean pauseIfFull() {
        if (policy.latest() || policy.dropOldest() || paused || waiting() < policy.mailboxSize()) {
            return false;
        }
        paused = true;
        return true;
    }

    /** Events in the mailbox and held behind it. Under the lock. */
    private int waiting() {
        return pending.size() + (held == null ? 0 : held.size());
    }

    /**
     * Whether a myOrder event of a reconciling route moves its order on; one that does not is counted (duplicate or
     * stale, within filtered). Every other event passes. Under the lock.
     */
    private boolean admitted(ReceivedEvent received, boolean reconciled) {
        if (progress == null || !(received.event() instanceof MyOrderEvent order)) {
            return true;
        }
        return switch (progress.judge(order, reconciled)) {
            case DELIVER -> true;
            case DUPLICATE -> {
                filtered++;
                duplicates++;
                yield false;
            }
            case STALE -> {
                filtered++;
                stale++;
                yield false;
            }
        };
    }

    /** A reconciliation begins: stream events wait behind the mailbox until {@link #release}. */
    synchronized void hold() {
        if (held == null) {
            held = new ArrayDeque<>();
        }
    }

    /** Whether stream events are held for a reconciliation. */
    public synchronized boolean isHolding() {
        return held != null;
    }

    /**
     * The reconciliation is over: its states go into the mailbox behind what was there, then the events held
     * meanwhile. A held myAsset event that arrived before the balances were asked for is in them already, so it is
     * stale.
     *
     * @param reconciledEvents the states read, in the order the route gets them (none when the route stops)
     * @param assetsAskedAt    when the balances were asked for, epoch millis; 0 when none were read
     */
    void release(List<ReceivedEvent> reconciledEvents, long assetsAskedAt) {
        boolean schedule;
        boolean resumed;
        synchronized (this) {
            for (ReceivedEvent event : reconciledEvents) {
                routed++;
                if (admitted(event, true)) {
                    add(event);
                }
            }
            if (held != null) {
                for (ReceivedEvent event : held) {
                    if (assetsAskedAt > 0 && event.event() instanceof MyAssetEvent
                            && event.receivedAt() < assetsAskedAt) {
                        filtered++;
                        stale++;
                    } else if (admitted(event, false)) {
                        add(event);
                    }
                }
                held = null;
            }
            resumed = paused && pending.size() <= policy.mailboxSize() / 2;
            if (resumed) {
                paused = false;
            }
            schedule = !draining && pending.size() > 0;
            draining |= schedule;
        }
        if (resumed) {
            notifyReadControl();
        }
        if (schedule) {
            submitDrain();
        }
    }

    /** The orders the route last saw open, for a reconciling myOrder route; else empty. */
    synchronized List<String> knownOpenOrders() {
        return progress == null ? List.of() : progress.openOrders();
    }

    /** Events suppressed as older than what the route had (a reconciliation's held events); within filtered. */
    public synchronized long staleSuppressed() {
        return stale;
    }

    /** Starts the drain that {@link #enqueue(ReceivedEvent)} asked for. */
    void scheduleDrain() {
        submitDrain();
    }

    /**
     * A failure that concerns this route; handed to the route off the I/O thread. While one is on its way, further
     * ones are counted, not queued: an endless stream of error frames costs neither memory nor threads.
     */
    void onError(Throwable cause) {
        if (!errorPending.compareAndSet(false, true)) {
            errorsSuppressed.incrementAndGet();
            return;
        }
        try {
            executor.execute(() -> {
                errorPending.set(false);
                sink.onError(cause);
            });
        } catch (RejectedExecutionException e) {
            // stopping with the component: nobody is left to tell
            errorPending.set(false);
        }
    }

    /** Upbit rejected this route's subscription (an error frame in answer to the send that added it alone). */
    void rejected(RuntimeException cause) {
        rejection = cause;
    }

    void clearRejection() {
        rejection = null;
    }

    /** Why Upbit rejected this route's subscription, while it is out of the session; else {@code null}. */
    public RuntimeException rejection() {
        return rejection;
    }

    /** Failures not handed to the route because an earlier one was still on its way. */
    public long errorsSuppressed() {
        return errorsSuppressed.get();
    }

    private void submitDrain() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                draining = false;
            }
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            ReceivedEvent next;
            long droppedBefore;
            boolean resumed = false;
            synchronized (this) {
                // one critical section from mailbox to in-flight, so the accounting identity holds at every instant
                next = pending.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
                if (paused && waiting() <= policy.mailboxSize() / 2) {
                    paused = false;
                    resumed = true;
                }
                if (closedCandles != null && next.event() instanceof CandleEvent) {
                    next = closedCandles.offer(next);
                }
                if (next != null) {
                    droppedBefore = droppedSinceDelivery;
                    droppedSinceDelivery = 0;
                    taken++;
                } else {
                    droppedBefore = 0;
                }
            }
            if (resumed) {
                notifyReadControl();
            }
            if (next == null) {
                continue;
            }
            // Camel's pipeline reports doneSync=false even when it ran the whole route on this thread and called back
            // before returning; that case goes on here instead of paying a hand-off to another worker per event
            inProcess.set(PROCESSING);
            try {
                sink.process(next, droppedBefore, completion);
            } catch (Throwable t) {
                // outside Camel's error handling (the exchange could not be built, or an Error): this event is lost
                // to the route, the next one must still come
                inProcess.set(IDLE);
                failed.incrementAndGet();
                report(next, t);
                if (t instanceof VirtualMachineError) {
                    restartAfter();
                    throw t;
                }
                continue;
            }
            if (inProcess.compareAndSet(PROCESSING, RETURNED_PENDING)) {
                return;
            }
            finish();
        }
        // yield the worker, keep the drain going
        submitDrain();
    }

    private void report(ReceivedEvent event, Throwable cause) {
        try {
            sink.onFailure(event, cause);
        } catch (Throwable t) {
            LOG.warn("The exception handler of an Upbit route failed on {} {}: {}", event.event().type(),
                    event.event().code(), t.toString());
        }
    }

    /** After a fatal error the drain ends; a new one picks up what waits, so the route is not left stuck. */
    private void restartAfter() {
        boolean again;
        synchronized (this) {
            again = pending.size() > 0;
            draining = again;
        }
        if (again) {
            submitDrain();
        }
    }

    /** The route is done with the event in process. Lock-free: {@code pending} counts taken - delivered - failed. */
    private void finish() {
        if (outcomeFailed) {
            outcomeFailed = false;
            failed.incrementAndGet();
        } else {
            delivered.incrementAndGet();
        }
    }

    private void completed(boolean failedOutcome) {
        outcomeFailed = failedOutcome;
        if (inProcess.compareAndSet(PROCESSING, COMPLETED_INLINE)) {
            return;
        }
        finish();
        submitDrain();
    }

    private void notifyReadControl() {
        for (ReadControl control : readControls) {
            control.pausingChanged(this);
        }
    }

    /**
     * The counters, read together so that {@code routed = filtered + conflated + dropped + delivered + failed +
     * pending}.
     */
    public synchronized DeliveryStats stats() {
        long superseded = closedCandles == null ? 0 : closedCandles.superseded();
        long done = delivered.get();
        long failures = failed.get();
        long waiting = waiting() + (taken - done - failures)
                + (closedCandles == null ? 0 : closedCandles.held());
        return new DeliveryStats(routed, filtered, conflated + superseded, dropped, done, failures, waiting,
                duplicates);
    }

    /**
     * Events waiting: in the mailbox or held behind it for a reconciliation, being processed, or (closedOnly) candles
     * whose period runs.
     */
    public synchronized long pending() {
        return waiting() + inFlight() + (closedCandles == null ? 0 : closedCandles.held());
    }

    /**
     * Events the route will still get without new input: those in the mailbox or held for a reconciliation (released
     * when the route leaves its session), and the one in process (a held candle waits for a later period, so a
     * stopping route does not wait for it).
     */
    public synchronized int deliverable() {
        return (int) Math.min(Integer.MAX_VALUE, waiting() + inFlight());
    }

    private long inFlight() {
        return taken - delivered.get() - failed.get();
    }

    /** Events waiting in the mailbox. */
    public synchronized int mailboxDepth() {
        return pending.size();
    }

    /** When the last event arrived for this route (before any filtering), epoch millis; 0 before the first. */
    public long lastEventAt() {
        return lastEventAt;
    }

    /** Whether this route's full mailbox asks the connection to stop reading. */
    public synchronized boolean isPausing() {
        return paused;
    }

    /**
     * Forgets the waiting events, counting them as dropped, and lets go of any pause: the route stops without
     * draining (forced shutdown). Logged, since for myOrder and myAsset these are fills and balance changes.
     */
    public void discard() {
        long n = 0;
        boolean wasPausing;
        synchronized (this) {
            while (pending.poll() != null) {
                n++;
            }
            if (held != null) {
                n += held.size();
                held.clear();
            }
            dropped += n;
            wasPausing = paused;
            paused = false;
        }
        if (wasPausing) {
            notifyReadControl();
        }
        if (n > 0) {
            LOG.warn("An Upbit route on {} {} stopped by force with {} event(s) not delivered; they are counted as "
                    + "dropped", spec.type(), spec.codes().isEmpty() ? "(every market)" : spec.codes(), n);
        }
    }
}
