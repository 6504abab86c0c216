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
    FAILED
}
