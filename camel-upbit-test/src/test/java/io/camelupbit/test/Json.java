package io.camelupbit.test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON reader for the tests (jackson-core streaming, no data binding): objects become ordered maps, arrays
 * lists, numbers {@link BigDecimal} built from their exact text (so scale and trailing zeros survive).
 */
final class Json {

    private static final JsonFactory JSON = new JsonFactory();

    private Json() {
    }

    static Object parse(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            Object value = JsonValues.read(p, p.nextToken());
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content: " + text);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        return (Map<String, Object>) parse(text);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(String text) {
        return (List<Map<String, Object>>) parse(text);
    }
}
