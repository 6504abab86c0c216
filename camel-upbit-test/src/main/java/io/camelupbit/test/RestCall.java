package io.camelupbit.test;

import java.time.Instant;

/**
 * One REST request the simulator received, with its answer ({@link UpbitSimulator#restCalls()}).
 *
 * @param method    {@code GET}, {@code POST}, {@code DELETE}, ...
 * @param path      the path, e.g. {@code /v1/orders}
 * @param query     the query string as sent (still URL-encoded), without the {@code ?}; empty when none
 * @param body      the request body as UTF-8 text; empty when none
 * @param accessKey the {@code access_key} claim of the request's bearer token, whether or not the token verified;
 *                  {@code null} without a readable token
 * @param status    the HTTP status answered, or 0 when the connection was closed without an answer
 *                  ({@link UpbitSimulator#takeOrdersWithoutAnswer})
 * @param errorName the {@code error.name} answered (an integer's text for the Quotation API's validation errors),
 *                  or {@code null} for a success
 * @param at        when it arrived (the simulator's wall clock)
 */
public record RestCall(String method, String path, String query, String body, String accessKey, int status,
                       String errorName, Instant at) {
}
