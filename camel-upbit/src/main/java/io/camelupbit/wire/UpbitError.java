package io.camelupbit.wire;

/**
 * An error frame from Upbit: {@code {"error":{"name":"...","message":"..."}}}.
 *
 * @param name    the stable error name to branch on, e.g. {@code INVALID_PARAM}
 * @param message Upbit's localized text; for humans only, never parse it
 */
public record UpbitError(String name, String message) {
}
