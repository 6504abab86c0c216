package io.camelupbit.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The open connections in accept order, and their ids ({@code c1}, {@code c2}, ...; never reused). */
final class ConnectionRegistry {

    private final List<SimSession> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Notified when a connection opens, for {@link #awaitNewest}. */
    private final Object opened = new Object();

    String nextId() {
        return "c" + ids.incrementAndGet();
    }

    void add(SimSession session) {
        open.add(session);
        synchronized (opened) {
            opened.notifyAll();
        }
    }

    void remove(SimSession session) {
        open.remove(session);
    }

    List<SimConnection> open() {
        return List.copyOf(open);
    }

    /**
     * The most recently accepted connection that is still open, waiting up to {@code timeout} for one to open.
     *
     * @return the connection, or {@code null} when none opened in time
     */
    SimConnection awaitNewest(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (opened) {
            while (true) {
                SimConnection newest = newestOpen();
                if (newest != null) {
                    return newest;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(opened, left);
            }
        }
    }

    private SimConnection newestOpen() {
        List<SimSession> sessions = List.copyOf(open);
        for (int i = sessions.size() - 1; i >= 0; i--) {
            if (sessions.get(i).isOpen()) {
                return sessions.get(i);
            }
        }
        return null;
    }

    /** The open sessions, for delivering account events. */
    List<SimSession> sessions() {
        return List.copyOf(open);
    }

    /** Closes every connection and waits (bounded) until their channels are closed. */
    void closeAll(int statusCode, String reason) {
        List<SimSession> sessions = List.copyOf(open);
        sessions.forEach(s -> s.close(statusCode, reason));
        for (SimSession s : sessions) {
            s.closeFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }
}
