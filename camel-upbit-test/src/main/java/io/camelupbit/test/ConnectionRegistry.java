package io.camelupbit.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The open connections in accept order, and their ids ({@code c1}, {@code c2}, ...; never reused). */
final class ConnectionRegistry {

    private final List<SimSession> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    String nextId() {
        return "c" + ids.incrementAndGet();
    }

    void add(SimSession session) {
        open.add(session);
    }

    void remove(SimSession session) {
        open.remove(session);
    }

    List<SimConnection> open() {
        return List.copyOf(open);
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
