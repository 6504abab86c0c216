package io.camelupbit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Bytes allocated and CPU time used by the live threads whose name matches, per thread id, so that a delta over a
 * measurement window counts threads created inside it from zero.
 */
final class ThreadAccounting {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    final Map<Long, long[]> byThread = new HashMap<>();

    static ThreadAccounting snapshot(Predicate<String> names) {
        ThreadAccounting s = new ThreadAccounting();
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && names.test(infos[i].getThreadName())) {
                s.byThread.put(ids[i], new long[] {THREADS.getThreadAllocatedBytes(ids[i]),
                        THREADS.getThreadCpuTime(ids[i])});
            }
        }
        return s;
    }

    /** {allocated bytes, cpu nanos} since {@code before}. */
    long[] since(ThreadAccounting before) {
        long bytes = 0;
        long cpu = 0;
        for (Map.Entry<Long, long[]> e : byThread.entrySet()) {
            long[] b = before.byThread.getOrDefault(e.getKey(), new long[2]);
            bytes += e.getValue()[0] - b[0];
            cpu += e.getValue()[1] - b[1];
        }
        return new long[] {bytes, cpu};
    }
}
