package io.camelupbit.test;

import java.time.Instant;

/**
 * A text message a client sent (binary request frames are recorded as their UTF-8 text).
 *
 * @param connectionId the {@link SimConnection#id()} it came on
 * @param at           wall-clock arrival time
 * @param text         the payload, exactly as received
 */
public record ReceivedMessage(String connectionId, Instant at, String text) {
}
