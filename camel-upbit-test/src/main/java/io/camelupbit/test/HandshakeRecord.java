package io.camelupbit.test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One WebSocket handshake attempt, accepted or refused.
 *
 * @param connectionId the id of the connection it opened, or {@code null} when it was refused
 * @param path         the request path (query string removed)
 * @param headers      the request headers, names lower-cased, values in arrival order
 * @param status       101 when accepted, else the HTTP status of the refusal (401, 404, 429, ...)
 * @param at           wall-clock time of the attempt
 */
public record HandshakeRecord(String connectionId, String path, Map<String, List<String>> headers, int status,
                              Instant at) {

    public HandshakeRecord {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether the request carried this header (name compared case-insensitively). */
    public boolean hasHeader(String name) {
        return headers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The first value of this header (case-insensitive name), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the handshake was accepted (upgraded to WebSocket). */
    public boolean accepted() {
        return status == 101;
    }
}
