package io.camelupbit.test;

/**
 * What an {@code orderbook} subscription with a {@code level} the market does not support gets. Upbit documents that
 * it "can produce no data and no error" (upbit-protocol.md §2.3, §5); the error is the stricter alternative.
 */
public enum UnsupportedLevel {
    /** Accept and list the subscription, but never send data for it (default). */
    SILENCE,
    /** Refuse the subscribe message with {@code INVALID_PARAM}; the previous subscription stays. */
    ERROR_INVALID_PARAM
}
