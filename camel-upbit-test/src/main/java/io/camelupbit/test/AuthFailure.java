package io.camelupbit.test;

/**
 * How the private and info endpoints refuse a handshake whose {@code Authorization} header is missing or whose JWT
 * fails verification. Upbit does not say which it does (upbit-protocol.md §5, §7.1: "as {@code INVALID_AUTH} or a
 * rejected handshake"), so both can be chosen.
 */
public enum AuthFailure {
    /** Refuse the upgrade with HTTP 401 (default). */
    HTTP_401,
    /**
     * Accept the upgrade, answer the first message with {@code {"error":{"name":"INVALID_AUTH",...}}} and close the
     * WebSocket (status 1000).
     */
    ERROR_FRAME_INVALID_AUTH
}
