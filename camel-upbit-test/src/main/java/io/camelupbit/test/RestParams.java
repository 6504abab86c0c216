package io.camelupbit.test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a REST request in the order they came, and the text Upbit hashes into the JWT's
 * {@code query_hash} (research-rest.md §1.2), computed from what arrived, never from what a client says it sent:
 *
 * <ul>
 *   <li>GET and DELETE: the query string as sent, each key and value URL-decoded ({@code +} is a space, as in any
 *       form-encoded query: so an unencoded {@code +09:00} arrives as {@code " 09:00"}, Upbit's "Invalid parameter"
 *       of the FAQ), segments in their order, repeated keys repeated ({@code states[]=wait&states[]=watch});</li>
 *   <li>POST: the JSON body's members as {@code key=value} joined by {@code &} in the body's order, each value as
 *       its JSON text without quotes ({@code "0.01"} and {@code 0.01} both give {@code 0.01}). A member whose value
 *       is {@code null} is left out, as absent (the AUTH page's Java sample skips them, and Upbit's order page says
 *       a {@code null} volume means none).</li>
 * </ul>
 *
 * @param list   the parameters (a query segment without {@code =} has an empty value)
 * @param hashed the text whose SHA-512 the {@code query_hash} must be; empty when there are no parameters
 */
record RestParams(List<Param> list, String hashed) {

    /** One parameter. */
    record Param(String name, String value) {
    }

    static final RestParams NONE = new RestParams(List.of(), "");

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    RestParams {
        list = List.copyOf(list);
    }

    /** Whether the request has no parameters, so that its token carries no {@code query_hash}. */
    boolean isEmpty() {
        return hashed.isEmpty();
    }

    /** The first value of this parameter, or {@code null}. */
    String first(String name) {
        for (Param p : list) {
            if (p.name.equals(name)) {
                return p.value;
            }
        }
        return null;
    }

    /** Every value of this (repeated) parameter, in order. */
    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Param p : list) {
            if (p.name.equals(name)) {
                values.add(p.value);
            }
        }
        return values;
    }

    /**
     * The parameters of a raw (still encoded) query string.
     *
     * @throws RestFailure {@code invalid_parameter} for a malformed percent-escape
     */
    static RestParams ofQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE;
        }
        List<Param> params = new ArrayList<>();
        List<String> decoded = new ArrayList<>();
        for (String segment : rawQuery.split("&", -1)) {
            int eq = segment.indexOf('=');
            String name = decode(eq < 0 ? segment : segment.substring(0, eq));
            String value = eq < 0 ? null : decode(segment.substring(eq + 1));
            decoded.add(value == null ? name : name + "=" + value);
            if (!name.isEmpty()) {
                params.add(new Param(name, value == null ? "" : value));
            }
        }
        return new RestParams(params, String.join("&", decoded));
    }

    /**
     * The members of a JSON object body; a blank body has none.
     *
     * @throws RestFailure {@code validation_error} for a body that is not one JSON object of scalar members (no
     *                     hash can be computed from it) or repeats a member
     */
    static RestParams ofJsonBody(String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        List<Param> params = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw unreadable("the body must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (!value.isScalarValue()) {
                    throw unreadable(name + " must be a string, number or boolean");
                }
                params.add(new Param(name, p.getText()));
                pairs.add(name + "=" + p.getText());
            }
            if (p.nextToken() != null) {
                throw unreadable("content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw unreadable("the body is no valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String does not fail to read
        }
        return new RestParams(params, String.join("&", pairs));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RestFailure.invalid("malformed URL encoding in " + text);
        }
    }

    private static RestFailure unreadable(String detail) {
        return RestFailure.badRequest(RestErrorNames.VALIDATION_ERROR, detail);
    }
}
