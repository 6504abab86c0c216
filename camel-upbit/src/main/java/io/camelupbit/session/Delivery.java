package io.camelupbit.session;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.camelupbit.event.CandleEvent;

/**
 * One route's side of a session: its spec, a bounded mailbox the I/O thread drops events into, and a serial drain on
 * a shared worker pool that hands them to the route one at a time, in order (an asynchronous route finishes an event
 * before the next one starts). A slow route holds up only its own mailbox until it is full; then, by its policy, the
 * oldest waiting event is dropped, or the session stops reading the socket until the mailbox is half empty again.
 * <p>
 * Accounting, at all times: {@code routed = filtered + conflated + dropped + delivered + pending}.
 */
public final class Delivery {

    /** The route. */
    public interface Sink {
        /**
         * Processes one event.
         *
         * @param event           the event
         * @param droppedBefore   events dropped (dropOldest) since the previous delivered one
         * @param asyncCompletion to run when the processing completes after this method answered {@code false}; it
         *                        may also run before the method returns (as Camel's pipeline does), on any thread
         * @return true when the processing completed synchronously ({@code asyncCompletion} is then not run)
         */
        boolean process(ReceivedEvent event, long droppedBefore, Runnable asyncCompletion);

        /** A failure that concerns the route, e.g. an Upbit error frame attributed to it. */
        void onError(Throwable cause);
    }

    /** The session's side of back-pressure; called on worker or I/O threads. */
    interface ReadControl {
        void pause(Delivery delivery);

        void resume(Delivery delivery);
    }

    /** Events handled per drain task before it yields its worker to other routes. */
    static final int BATCH = 256;

    // where the event in process stands; see drain() and completedAsync()
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
    /** Events taken from the mailbox to be processed (delivered or in process). */
    private long taken;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicInteger inProcess = new AtomicInteger();
    private final Runnable asyncCompletion = this::completedAsync;
    private boolean draining;
    private boolean paused;
    private long droppedSinceDelivery;
    private ReadControl readControl;
    /** When the last event arrived for this route, epoch millis; 0 before the first. */
    private volatile long lastEventAt;

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

    /** What this route subscribes to. */
    public SubscriptionSpec spec() {
        return spec;
    }

    /** Whether the route wants each item's JSON text ({@link ReceivedEvent#json()}). */
    public boolean wantsJson() {
        return wantsJson;
    }

    /** Called by the session when it registers this delivery. */
    void readControl(ReadControl control) {
        synchronized (this) {
            this.readControl = control;
        }
    }

    /** An event the index routed here that the spec then turned away (counted, not queued). */
    synchronized void filtered() {
        routed++;
        filtered++;
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
        boolean schedule;
        ReadControl pauseNow = null;
        lastEventAt = System.currentTimeMillis();
        synchronized (this) {
            routed++;
            int displaced = pending.add(event);
            if (policy.latest()) {
                conflated += displaced;
            } else {
                dropped += displaced;
                droppedSinceDelivery += displaced;
            }
            if (!policy.latest() && !policy.dropOldest() && !paused && pending.size() >= policy.mailboxSize()) {
                paused = true;
                pauseNow = readControl;
            }
            schedule = !draining;
            draining = true;
        }
        if (pauseNow != null) {
            pauseNow.pause(this);
        }
        return schedule;
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
            ReadControl resumeNow = null;
            synchronized (this) {
                // one critical section from mailbox to in-flight, so the accounting identity holds at every instant
                next = pending.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
                if (paused && pending.size() <= policy.mailboxSize() / 2) {
                    paused = false;
                    resumeNow = readControl;
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
            if (resumeNow != null) {
                resumeNow.resume(this);
            }
            if (next == null) {
                continue;
            }
            // Camel's pipeline reports doneSync=false even when it ran the whole route on this thread and called back
            // before returning; that case goes on here instead of paying a hand-off to another worker per event
            inProcess.set(PROCESSING);
            if (!sink.process(next, droppedBefore, asyncCompletion)
                    && inProcess.compareAndSet(PROCESSING, RETURNED_PENDING)) {
                return;
            }
            completed();
        }
        // yield the worker, keep the drain going
        submitDrain();
    }

    /** Lock-free: {@code pending} counts taken - delivered, so the identity holds whichever value a reader sees. */
    private void completed() {
        delivered.incrementAndGet();
    }

    private void completedAsync() {
        if (inProcess.compareAndSet(PROCESSING, COMPLETED_INLINE)) {
            return;
        }
        completed();
        submitDrain();
    }

    /**
     * The counters, read together so that {@code routed = filtered + conflated + dropped + delivered + pending}.
     */
    public synchronized DeliveryStats stats() {
        long superseded = closedCandles == null ? 0 : closedCandles.superseded();
        long done = delivered.get();
        long waiting = pending.size() + (taken - done) + (closedCandles == null ? 0 : closedCandles.held());
        return new DeliveryStats(routed, filtered, conflated + superseded, dropped, done, waiting);
    }

    /** Events waiting: in the mailbox, being processed, or (closedOnly) candles whose period runs. */
    public synchronized long pending() {
        return pending.size() + (taken - delivered.get()) + (closedCandles == null ? 0 : closedCandles.held());
    }

    /**
     * Events the route will still get without new input: those in the mailbox and the one in process (a held candle
     * waits for a later period, so a stopping route does not wait for it).
     */
    public synchronized int deliverable() {
        return (int) Math.min(Integer.MAX_VALUE, pending.size() + (taken - delivered.get()));
    }

    /** Events waiting in the mailbox. */
    public synchronized int mailboxDepth() {
        return pending.size();
    }

    /** When the last event arrived for this route (before any filtering), epoch millis; 0 before the first. */
    public long lastEventAt() {
        return lastEventAt;
    }

    /** Whether this route's full mailbox has paused the connection. */
    public synchronized boolean isPausing() {
        return paused;
    }

    /**
     * Forgets the waiting events, counting them as dropped: the route stops without draining (forced shutdown).
     */
    public void discard() {
        synchronized (this) {
            long n = 0;
            while (pending.poll() != null) {
                n++;
            }
            dropped += n;
        }
    }
}
