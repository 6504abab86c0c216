package io.camelupbit.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** What the route's last processor does: counts, and records intended-send-to-here latency while asked to. */
final class Receiver {

    private final LongAdder count = new LongAdder();
    private final CountDownLatch first = new CountDownLatch(1);
    private final Recorder latency = new Recorder(3);
    private volatile boolean recording;

    void onEvent(long stamp) {
        count.increment();
        first.countDown();
        if (recording) {
            latency.recordValue(Math.max(0, System.nanoTime() - FirehoseServer.sentAt(stamp)));
        }
    }

    /**
     * Waits for the route's first event: the component delivers a stream's realtime events only once its snapshot
     * came or the wait for one ended (about 0.65 s with this generator, which sends none), so the warm-up starts from
     * there.
     */
    void awaitFirstEvent(long timeoutMillis) throws InterruptedException {
        if (!first.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the route got no event within " + timeoutMillis + " ms");
        }
    }

    long count() {
        return count.sum();
    }

    /** Starts a fresh latency interval. */
    void startRecording() {
        latency.reset();
        recording = true;
    }

    /** The latencies (ns) since {@link #startRecording()}. */
    Histogram stopRecording() {
        recording = false;
        return latency.getIntervalHistogram();
    }
}
