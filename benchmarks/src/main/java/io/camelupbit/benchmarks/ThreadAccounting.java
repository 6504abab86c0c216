package io.camelupbit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Bytes allocated and CPU time used by every live thread, per thread id and with its name, and the CPU time of the
 * whole process (GC and JIT threads included), so that a delta over a measurement window can be split by thread
 * group and counts threads created inside it from zero.
 */
final class ThreadAccounting {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Map<Long, Usage> byThread = new HashMap<>();
    private long processCpuNanos;

    private record Usage(String name, long bytes, long cpuNanos) {
    }

    static ThreadAccounting snapshot() {
        ThreadAccounting s = new ThreadAccounting();
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null) {
                s.byThread.put(ids[i], new Usage(infos[i].getThreadName(), THREADS.getThreadAllocatedBytes(ids[i]),
                        THREADS.getThreadCpuTime(ids[i])));
            }
        }
        s.processCpuNanos = OS.getProcessCpuTime();
        return s;
    }

    /** {allocated bytes, cpu nanos} since {@code before} of the threads whose name matches. */
    long[] since(ThreadAccounting before, Predicate<String> names) {
        long bytes = 0;
        long cpu = 0;
        for (Map.Entry<Long, Usage> e : byThread.entrySet()) {
            Usage now = e.getValue();
            if (names.test(now.name())) {
                Usage b = before.byThread.getOrDefault(e.getKey(), new Usage(now.name(), 0, 0));
                bytes += now.bytes() - b.bytes();
                cpu += now.cpuNanos() - b.cpuNanos();
            }
        }
        return new long[] {bytes, cpu};
    }

    /** CPU nanos of the whole process since {@code before}. */
    long processCpuSince(ThreadAccounting before) {
        return processCpuNanos - before.processCpuNanos;
    }
}
