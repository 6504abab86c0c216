package io.camelupbit.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The machine's own floor for a latency run: a thread of this JVM that does nothing but sleep 100 µs at a time records
 * how late it wakes. When it is late, every thread of the chain (generator, reader, route) can be late too, whatever
 * the component does: JIT and GC threads taking the cores, or the kernel's own periodic work (docs/performance.md).
 */
final class WakeLateness implements AutoCloseable {

    private static final long SLEEP_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private final Recorder lateness = new Recorder(3);
    private final Thread thread;
    private volatile boolean running = true;

    WakeLateness() {
        thread = new Thread(() -> {
            while (running) {
                long before = System.nanoTime();
                LockSupport.parkNanos(SLEEP_NANOS);
                // a stall of n sleeps counts n times, as the events of a paced stream stalled with it do
                lateness.recordValueWithExpectedInterval(Math.max(0, System.nanoTime() - before - SLEEP_NANOS),
                        SLEEP_NANOS);
            }
        }, "bench-wake-lateness");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a fresh interval. */
    void reset() {
        lateness.reset();
    }

    /** The wake-up lateness (ns) since {@link #reset()}. */
    Histogram interval() {
        return lateness.getIntervalHistogram();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(1000);
    }
}
