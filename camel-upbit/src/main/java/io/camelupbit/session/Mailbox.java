package io.camelupbit.session;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A serial mailbox: the session's I/O thread drops events in, a shared worker pool drains them into the route one at
 * a time, in order. At most one drain task per mailbox runs at once, so order is kept without a thread per route, and
 * a slow route holds up only its own mailbox.
 */
public final class Mailbox<T> {

    /** Items handled per drain task before it yields its worker to other mailboxes. */
    static final int BATCH = 256;

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor executor;
    private final Consumer<T> sink;

    public Mailbox(Executor executor, Consumer<T> sink) {
        this.executor = executor;
        this.sink = sink;
    }

    /** Adds an item; never blocks and never runs the sink on the caller's thread. */
    public void offer(T item) {
        queue.add(item);
        schedule();
    }

    /** Items waiting. */
    public int depth() {
        return queue.size();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // the pool is shutting down with the component: nothing will consume these any more
                scheduled.set(false);
                queue.clear();
            }
        }
    }

    private void drain() {
        try {
            for (int i = 0; i < BATCH; i++) {
                T item = queue.poll();
                if (item == null) {
                    break;
                }
                sink.accept(item);
            }
        } finally {
            scheduled.set(false);
            if (!queue.isEmpty()) {
                schedule();
            }
        }
    }
}
