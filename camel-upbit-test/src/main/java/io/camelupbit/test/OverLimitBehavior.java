package io.camelupbit.test;

/**
 * What the simulator does with a request message that exceeds the per-connection message limits
 * (5 per rolling second, 100 per rolling minute by default). Upbit does not document how it signals this
 * (upbit-protocol.md §6, §8), so each plausible behaviour can be chosen. The message is never applied.
 */
public enum OverLimitBehavior {
    /** Close the WebSocket with status 1008 (policy violation). */
    CLOSE_1008,
    /** Send an error frame named {@code TOO_MANY_REQUESTS} (a name Upbit does not document) and keep the socket. */
    ERROR_FRAME,
    /** Drop the message silently. */
    IGNORE
}
