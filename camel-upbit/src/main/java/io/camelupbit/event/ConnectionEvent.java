package io.camelupbit.event;

import java.time.Instant;

/**
 * A change in the life of an Upbit connection, the body of {@code upbit:connection} exchanges: for example, reconcile
 * orders over REST after a {@code DISCONNECTED} ... {@code SUBSCRIBED} gap.
 *
 * @param session     the session's name, e.g. {@code public@api.upbit.com} (never shows a key)
 * @param channel     {@code public} or {@code private}
 * @param connection  which of the session's connections: {@code 1}, or {@code 2} and on for the connections of a
 *                    market's further orderbook levels; the lines of one connection share its id
 * @param line        the connection's line, from 1: with {@code redundancy=2} or {@code 3} every connection is that
 *                    many lines (independent WebSockets with the same subscription); {@code 1} otherwise
 * @param state       what happened
 * @param attempt     the reconnect attempt (1 for the first) for {@code RECONNECTING} and {@code CONNECTING}; 0 otherwise
 * @param delayMillis the scheduled delay before the attempt ({@code RECONNECTING}); 0 otherwise
 * @param cause       why the connection ended or failed, {@code null} when it was not a failure
 * @param at          when it happened
 */
public record ConnectionEvent(String session, String channel, String connection, int line, ConnectionState state,
        int attempt, long delayMillis, String cause, Instant at) {
}
