package io.camelupbit.rest;

import java.util.Map;

/**
 * Upbit's answer to one request.
 *
 * @param status  the HTTP status
 * @param headers the response headers, names in lower case, the first value of each
 * @param body    the body as UTF-8 text (empty when there is none)
 */
public record RestResponse(int status, Map<String, String> headers, String body) {

    public RestResponse {
        headers = Map.copyOf(headers);
    }

    /** A header's first value, or {@code null}; {@code name} in lower case. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The body is left out: it may hold balances and orders. */
    @Override
    public String toString() {
        return "RestResponse[" + status + ", " + body.length() + " chars]";
    }
}
