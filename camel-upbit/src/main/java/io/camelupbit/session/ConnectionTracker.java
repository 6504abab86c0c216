package io.camelupbit.session;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.Consumer;

import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;

/**
 * What a connection went through, for health checks, JMX and {@code upbit:connection}: the current state
 * and since when, reconnect attempts, consecutive failures, recent reconnects, and whether authentication was refused.
 * Written on the session's event loop, read from any thread.
 */
public final class ConnectionTracker {

    /** How many reconnect times are kept for the flapping check. */
    static final int RECENT_RECONNECTS = 64;

    private final String session;
    private final String channel;
    private final String connection;
    private final int line;
    private final Consumer<ConnectionEvent> listener;

    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile Instant since = Instant.now();
    private volatile Instant connectedSince;
    private volatile Instant disconnectedSince = Instant.now();
    private volatile int attempt;
    private volatile int consecutiveFailures;
    private volatile long reconnects;
    private volatile String lastFailure;
    private volatile boolean authenticationRefused;
    /** The I/O thread the connection reads and decodes on. */
    private volatile String readThread;
    private final ArrayDeque<Instant> recentReconnects = new ArrayDeque<>();

    ConnectionTracker(String session, String channel, String connection, int line,
            Consumer<ConnectionEvent> listener) {
        this.session = session;
        this.channel = channel;
        this.connection = connection;
        this.line = line;
        this.listener = listener;
    }

    /** The connection reads and decodes on this I/O thread. */
    void readsOn(String thread) {
        readThread = thread;
    }

    /** The I/O thread the current (or last) connection reads and decodes on; {@code null} before the first. */
    public String readThread() {
        return readThread;
    }

    void connecting() {
        publish(ConnectionState.CONNECTING, attempt, 0, null);
    }

    void connected() {
        connectedSince = Instant.now();
        disconnectedSince = null;
        if (attempt > 0) {
            reconnects++;
            synchronized (recentReconnects) {
                recentReconnects.addLast(connectedSince);
                if (recentReconnects.size() > RECENT_RECONNECTS) {
                    recentReconnects.removeFirst();
                }
            }
        }
        publish(ConnectionState.CONNECTED, attempt, 0, null);
    }

    /** Upbit took the subscription: the connection works, the failure streak ends. */
    void subscribed() {
        attempt = 0;
        consecutiveFailures = 0;
        authenticationRefused = false;
        lastFailure = null;
        publish(ConnectionState.SUBSCRIBED, 0, 0, null);
    }

    void disconnected(String cause) {
        connectedSince = null;
        disconnectedSince = Instant.now();
        publish(ConnectionState.DISCONNECTED, 0, 0, cause);
    }

    /** A connect attempt or a connection failed; returns the number of the next reconnect attempt. */
    int failed(String cause, boolean authentication) {
        consecutiveFailures++;
        lastFailure = cause;
        authenticationRefused |= authentication;
        return ++attempt;
    }

    void reconnecting(int nextAttempt, long delayMillis, String cause) {
        publish(ConnectionState.RECONNECTING, nextAttempt, delayMillis, cause);
    }

    void gaveUp(String cause) {
        publish(ConnectionState.FAILED, attempt, 0, cause);
    }

    /** A route of the session reconciled its account after a gap; the connection's state is left as it is. */
    public void reconciled(int attempts) {
        tell(ConnectionState.RECONCILED, attempts, 0, null);
    }

    /** A route's reconciliation failed {@code failures} times in a row; it reads again after the delay. */
    public void reconcileFailed(int failures, long retryInMillis, String cause) {
        tell(ConnectionState.RECONCILE_FAILED, failures, retryInMillis, cause);
    }

    /** A route started after the session gave up: try again from the first attempt. */
    void restart() {
        attempt = 0;
    }

    /** The latest state reached. */
    public ConnectionState state() {
        return state;
    }

    /** When the latest state was reached. */
    public Instant since() {
        return since;
    }

    /** When the current connection's handshake completed; {@code null} while disconnected. */
    public Instant connectedSince() {
        return connectedSince;
    }

    /** Since when there has been no connection (before the first one: since the session started); {@code null} while connected. */
    public Instant disconnectedSince() {
        return disconnectedSince;
    }

    /** The connection's line in its channel, from 1. */
    public int line() {
        return line;
    }

    /** Failed attempts since the connection last worked. */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** Successful reconnects since the session started. */
    public long reconnects() {
        return reconnects;
    }

    /** Successful reconnects since the given instant (of the latest {@value #RECENT_RECONNECTS}). */
    public int reconnectsSince(Instant from) {
        synchronized (recentReconnects) {
            return (int) recentReconnects.stream().filter(at -> !at.isBefore(from)).count();
        }
    }

    /** Why the last attempt or connection failed; {@code null} once the connection works again. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Whether Upbit refused the credentials since the connection last worked. */
    public boolean authenticationRefused() {
        return authenticationRefused;
    }

    /** The current state as a lifecycle event, for a route that starts listening now. */
    public ConnectionEvent current() {
        return new ConnectionEvent(session, channel, connection, line, state, attempt, 0, lastFailure, since);
    }

    private void publish(ConnectionState next, int eventAttempt, long delayMillis, String cause) {
        state = next;
        since = Instant.now();
        listener.accept(new ConnectionEvent(session, channel, connection, line, next, eventAttempt, delayMillis, cause,
                since));
    }

    /** An event about the session's routes rather than its connection: the state stays. */
    private void tell(ConnectionState what, int eventAttempt, long delayMillis, String cause) {
        listener.accept(new ConnectionEvent(session, channel, connection, line, what, eventAttempt, delayMillis, cause,
                Instant.now()));
    }
}
