package io.camelupbit.test;

/**
 * What a request message without a format object does to the connection's format. Upbit does not say
 * (upbit-protocol.md §2.4).
 */
public enum FormatReset {
    /** The connection falls back to {@code DEFAULT}. */
    RESET_TO_DEFAULT,
    /** The connection keeps the format it had. */
    KEEP
}
