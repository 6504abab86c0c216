package io.camelupbit.test;

/**
 * What a public type ({@code ticker}, {@code trade}, {@code orderbook}, {@code candle.*}) requested on the private
 * path gets. upbit-protocol.md §1 lists only private types for {@code /websocket/v1/private} and does not document
 * public ones there, so the default refuses them: a client that mixes them up fails visibly in tests.
 */
public enum PublicTypesOnPrivate {
    /** Refuse the subscribe message with {@code INVALID_PARAM} (default). */
    ERROR_INVALID_PARAM,
    /** Serve them as on the public path. */
    SERVE
}
