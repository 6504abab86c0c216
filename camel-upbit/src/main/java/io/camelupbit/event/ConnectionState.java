package io.camelupbit.event;

/** What happened to an Upbit connection. */
public enum ConnectionState {
    /** A connection attempt started. */
    CONNECTING,
    /** The WebSocket handshake completed. */
    CONNECTED,
    /** Upbit accepted the subscription (its first data, or no error within the acknowledgement window). */
    SUBSCRIBED,
    /** The connection ended; {@link ConnectionEvent#cause()} says why when it was not asked for. */
    DISCONNECTED,
    /** A reconnect is scheduled; {@link ConnectionEvent#attempt()} and {@link ConnectionEvent#delayMillis()} tell. */
    RECONNECTING,
    /** Reconnecting stopped: attempts exhausted or authentication refused. */
    FAILED,
    /**
     * A private route's account was read over REST after a gap and its states handed to the route; {@link
     * ConnectionEvent#attempt()} is the reads it took. The connection's state stays what it was.
     */
    RECONCILED,
    /**
     * Reading a private route's account after a gap failed; it is read again after {@link
     * ConnectionEvent#delayMillis()}, {@link ConnectionEvent#attempt()} counts the failures in a row, {@link
     * ConnectionEvent#cause()} names the route and says why. The route's stream events wait meanwhile.
     */
    RECONCILE_FAILED
}
