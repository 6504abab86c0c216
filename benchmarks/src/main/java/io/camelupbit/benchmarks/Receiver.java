package io.camelupbit.benchmarks;

import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** What the route's last processor does: counts, and records intended-send-to-here latency while asked to. */
final class Receiver {

    private final LongAdder count = new LongAdder();
    private final Recorder latency = new Recorder(3);
    private volatile boolean recording;

    void onEvent(long stamp) {
        count.increment();
        if (recording) {
            latency.recordValue(Math.max(0, System.nanoTime() - FirehoseServer.sentAt(stamp)));
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
