package io.camelupbit.rest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * The parameters of one REST request in the order they are sent, written the three ways Upbit needs them
 * (https://docs.upbit.com/kr/reference/auth, "query_hash"): the query string on the wire (URL-encoded, but {@code [}
 * and {@code ]} of array names), the JSON body of a {@code POST}, and the text the token's {@code query_hash} covers
 * (the same pairs, not encoded, in the same order). Arrays repeat their key, {@code states[]=wait&states[]=watch}.
 * Values are texts; a {@link BigDecimal} is written plain, as Upbit wrote it. A {@code null} value is left out.
 */
public final class RestParams {

    private final List<String[]> pairs = new ArrayList<>();

    /** Adds {@code key=value}; nothing when the value is {@code null}. */
    public RestParams add(String key, Object value) {
        if (value != null) {
            pairs.add(new String[] {key, value instanceof BigDecimal d ? d.toPlainString() : value.toString()});
        }
        return this;
    }

    /** Adds {@code key[]=value} for each value, in order. */
    public RestParams addArray(String key, Collection<String> values) {
        for (String value : values) {
            pairs.add(new String[] {key + "[]", value});
        }
        return this;
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** What {@code query_hash} covers: {@code key=value&...}, nothing encoded. */
    public String hashText() {
        StringJoiner text = new StringJoiner("&");
        pairs.forEach(p -> text.add(p[0] + "=" + p[1]));
        return text.toString();
    }

    /** The query string to send, without {@code ?}: every byte but the unreserved ones and array brackets encoded. */
    public String query() {
        StringJoiner text = new StringJoiner("&");
        pairs.forEach(p -> text.add(encode(p[0], true) + "=" + encode(p[1], false)));
        return text.toString();
    }

    /** A path with this query, e.g. {@code /v1/order?uuid=...}; the bare path when there are no parameters. */
    public String pathWithQuery(String path) {
        return pairs.isEmpty() ? path : path + "?" + query();
    }

    /** The JSON body of a {@code POST}: one string member per pair, in order (Upbit reads numbers from strings). */
    public String jsonBody() {
        StringBuilder json = new StringBuilder(64).append('{');
        for (String[] p : pairs) {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, p[0]).append(':');
            quote(json, p[1]);
        }
        return json.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    private static String encode(String text, boolean name) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean keep = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~' || name && (c == '[' || c == ']');
            if (keep) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
