package io.camelupbit.wire;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Decodes Upbit frames straight from their UTF-8 bytes with Jackson's streaming parser: no tree, no {@code Map}, each
 * value read once into its slot and the typed event built at the end of its object.
 * <p>
 * Accepts every format: an object per frame (DEFAULT, SIMPLE) or an array of objects (JSON_LIST, SIMPLE_LIST), full
 * or abbreviated keys. Status and error frames are reported as such. Not thread-safe: one decoder per connection.
 */
public final class FrameDecoder {

    /** Longest number text accepted: Upbit's longest (a 28-digit balance) with room to spare. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** Largest decimal scale accepted, so an exponent bomb ({@code 1e-999999999}) is refused before anyone prints it. */
    static final int MAX_SCALE = 100;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxNestingDepth(16)
                    .build())
            .build();

    private final FieldSlots slots = new FieldSlots();

    /**
     * Decodes one frame and reports each item to the listener.
     *
     * @throws FrameDecodingException when the frame is not well-formed JSON or an item is not what Upbit sends; items
     *                                before the faulty one have been reported already
     */
    public void decode(byte[] data, int offset, int length, FrameListener listener) throws FrameDecodingException {
        try (JsonParser parser = JSON.createParser(data, offset, length)) {
            JsonToken root = parser.nextToken();
            if (root == JsonToken.START_OBJECT) {
                readItem(parser, listener);
            } else if (root == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    readItem(parser, listener);
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    throw new IllegalArgumentException("list items must be objects");
                }
            } else {
                throw new IllegalArgumentException("expected an object or an array");
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content");
            }
        } catch (IOException | RuntimeException e) {
            throw new FrameDecodingException(reason(e), data, offset, length, e);
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }

    /** Reads one object; the parser stands on its START_OBJECT and is left on its END_OBJECT. */
    private void readItem(JsonParser parser, FrameListener listener) throws IOException {
        slots.clear();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            Field field = Field.byKey(key);
            if (field != null) {
                read(parser, value, field);
            } else if ("status".equals(key) && value == JsonToken.VALUE_STRING) {
                listener.onStatus(parser.getText());
                skipRest(parser);
                return;
            } else if ("error".equals(key) && value == JsonToken.START_OBJECT) {
                listener.onError(readError(parser));
                skipRest(parser);
                return;
            } else {
                parser.skipChildren();
            }
        }
        String type = slots.text(Field.TYPE);
        if (type == null) {
            listener.onIgnored("frame without type");
            return;
        }
        var event = EventAssembler.assemble(type, slots);
        if (event == null) {
            listener.onIgnored(type);
        } else {
            listener.onEvent(event);
        }
    }

    private void read(JsonParser parser, JsonToken value, Field field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            slots.putNull(field);
            return;
        }
        switch (field.kind) {
            case TEXT -> {
                expect(value == JsonToken.VALUE_STRING, field, "a string");
                slots.putObject(field, parser.getText());
            }
            case DECIMAL -> {
                expect(value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT, field, "a number");
                BigDecimal decimal = parser.getDecimalValue();
                if (Math.abs(decimal.scale()) > MAX_SCALE) {
                    throw new IllegalArgumentException(field.defaultKey + ": exponent out of range");
                }
                slots.putObject(field, decimal);
            }
            case LONG -> {
                expect(value == JsonToken.VALUE_NUMBER_INT, field, "an integer");
                slots.putLong(field, parser.getLongValue());
            }
            case BOOLEAN -> {
                expect(value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE, field, "a boolean");
                slots.putObject(field, value == JsonToken.VALUE_TRUE ? Boolean.TRUE : Boolean.FALSE);
            }
        }
    }

    private static void expect(boolean ok, Field field, String what) {
        if (!ok) {
            throw new IllegalArgumentException(field.defaultKey + " must be " + what);
        }
    }

    private static UpbitError readError(JsonParser parser) throws IOException {
        String name = null;
        String message = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING && "name".equals(key)) {
                name = parser.getText();
            } else if (value == JsonToken.VALUE_STRING && "message".equals(key)) {
                message = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("error frame without name");
        }
        return new UpbitError(name, message);
    }

    /** Skips the remaining fields of the current object, leaving the parser on its END_OBJECT. */
    private static void skipRest(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            parser.nextToken();
            parser.skipChildren();
        }
    }
}
