package io.camelupbit.session;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool (no thread of its own). A task that throws does not
 * stop the ones after it; at most {@code capacity} tasks wait, further ones are refused (counted, logged like other
 * floods: the first ten, then every power of ten).
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final int capacity;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;
    private long refused;

    /**
     * @param pool     the shared pool
     * @param capacity how many tasks may wait
     */
    public SerialExecutor(Executor pool, int capacity) {
        this.pool = pool;
        this.capacity = capacity;
    }

    @Override
    public void execute(Runnable task) {
        long refusedNow;
        synchronized (this) {
            if (tasks.size() < capacity) {
                tasks.addLast(task);
                if (running) {
                    return;
                }
                running = true;
                refusedNow = 0;
            } else {
                refusedNow = ++refused;
            }
        }
        if (refusedNow > 0) {
            if (LogThrottle.worthLogging(refusedNow)) {
                LOG.warn("{} tasks refused: {} are already waiting for a slow route", refusedNow, capacity);
            }
            return;
        }
        submit();
    }

    /** Tasks refused because {@code capacity} were already waiting. */
    public synchronized long refused() {
        return refused;
    }

    private void submit() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                running = false;
                tasks.clear();
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.pollFirst();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("A serial task failed; the next one follows: {}", e.toString());
            } catch (Error e) {
                // the thread may be done for: hand the rest to a fresh drain before letting the error go
                submit();
                throw e;
            }
        }
    }
}
