package io.camelupbit.rest;

/**
 * One HTTP request to Upbit's REST API.
 *
 * @param method        {@code GET}, {@code POST} or {@code DELETE}
 * @param pathAndQuery  the path with its query string exactly as sent (the JWT's query hash covers this text), e.g.
 *                      {@code /v1/order?uuid=...}
 * @param body          a JSON body, or {@code null}
 * @param authorization the {@code Authorization} header's value, or {@code null} for Upbit's public endpoints
 */
public record RestRequest(String method, String pathAndQuery, String body, String authorization) {

    /** Never shows the token: requests are logged and appear in exceptions. */
    @Override
    public String toString() {
        return method + " " + pathAndQuery + (authorization == null ? "" : " (signed)");
    }
}
