package io.camelupbit.wire;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import io.camelupbit.event.Asset;
import io.camelupbit.event.OrderbookUnit;
import io.camelupbit.event.UpbitEvent;

/**
 * Decodes Upbit frames straight from their UTF-8 bytes with Jackson's streaming parser: no tree, no {@code Map}, each
 * value read once into its slot and the typed event built at the end of its object.
 * <p>
 * Accepts every format: an object per frame (DEFAULT, SIMPLE) or an array of objects (JSON_LIST, SIMPLE_LIST), full
 * or abbreviated keys. Status, error and {@code LIST_SUBSCRIPTIONS} frames are reported as such. Not thread-safe: one
 * decoder per connection.
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

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final FieldSlots slots = new FieldSlots();
    private final TextCache texts = new TextCache();
    private final DateCache dates = new DateCache();
    /** The key and field met at each position of the last item: Upbit writes a type's keys in the same order. */
    private final String[] keyAt = new String[Field.COUNT];
    private final Field[] fieldAt = new Field[Field.COUNT];

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
                readItem(parser, data, offset, listener);
            } else if (root == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    readItem(parser, data, offset, listener);
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
    private void readItem(JsonParser parser, byte[] data, int offset, FrameListener listener) throws IOException {
        // byte offsets of the parser count from the start of the input it was given; locations cost allocations, so
        // they are worked out only for a listener that wants the item's bytes
        boolean bytes = listener.wantsItemBytes();
        int start = bytes ? offset + (int) parser.currentTokenLocation().getByteOffset() : -1;
        slots.clear();
        String method = null;
        String ticket = null;
        List<TypeRequest> result = null;
        int position = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            Field field = field(position++, key);
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
            } else if (("method".equals(key) || "mthd".equals(key)) && value == JsonToken.VALUE_STRING) {
                method = parser.getText();
            } else if (("ticket".equals(key) || "tckt".equals(key)) && value.isScalarValue()) {
                ticket = parser.getText();
            } else if (("result".equals(key) || "rslt".equals(key)) && value == JsonToken.START_ARRAY) {
                result = readSubscriptions(parser);
            } else {
                parser.skipChildren();
            }
        }
        if (method != null) {
            if ("LIST_SUBSCRIPTIONS".equals(method)) {
                listener.onSubscriptionList(new SubscriptionList(ticket, result == null ? List.of() : result));
            } else {
                listener.onIgnored("response to " + method);
            }
            return;
        }
        String type = slots.text(Field.TYPE);
        if (type == null) {
            listener.onIgnored("item without type");
            return;
        }
        UpbitEvent event = EventAssembler.assemble(type, slots);
        if (event == null) {
            listener.onIgnored(type);
        } else {
            int end = bytes ? offset + (int) parser.currentLocation().getByteOffset() : -1;
            listener.onEvent(event, data, start, end - start);
        }
    }

    /**
     * The field of a key, tried first against the key at the same position of the previous item: the parser's
     * canonical names make that one identity check instead of a map lookup.
     */
    private Field field(int position, String key) {
        if (position >= keyAt.length) {
            return Field.byKey(key);
        }
        if (keyAt[position] != key) {
            keyAt[position] = key;
            fieldAt[position] = Field.byKey(key);
        }
        return fieldAt[position];
    }

    private void read(JsonParser parser, JsonToken value, Field field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        switch (field.kind) {
            case TEXT, ID, DATE, TIME, DATE_TIME -> {
                expect(value == JsonToken.VALUE_STRING, field.defaultKey, "a string");
                slots.putObject(field, text(parser, field.kind));
            }
            case DECIMAL -> slots.putObject(field, decimal(parser, value, field.defaultKey));
            case LONG -> {
                expect(value == JsonToken.VALUE_NUMBER_INT, field.defaultKey, "an integer");
                slots.putLong(field, parser.getLongValue());
            }
            case BOOLEAN -> {
                expect(value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE, field.defaultKey, "a boolean");
                slots.putObject(field, value == JsonToken.VALUE_TRUE ? Boolean.TRUE : Boolean.FALSE);
            }
            case LEVEL -> slots.putObject(field, value == JsonToken.VALUE_STRING
                    ? textDecimal(parser, field.defaultKey)
                    : decimal(parser, value, field.defaultKey));
            case UNITS -> slots.putObject(field, readUnits(parser, value));
            case ASSETS -> slots.putObject(field, readAssets(parser, value));
        }
    }

    /** A string value, from the parser's characters: only unique ids become strings of their own. */
    private Object text(JsonParser parser, Field.Kind kind) throws IOException {
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        return switch (kind) {
            case TEXT -> texts.text(chars, offset, length);
            case DATE -> TimeText.date(chars, offset, length, dates);
            case TIME -> TimeText.time(chars, offset, length);
            case DATE_TIME -> TimeText.dateTime(chars, offset, length, dates);
            default -> new String(chars, offset, length);
        };
    }

    private static BigDecimal decimal(JsonParser parser, JsonToken value, String name) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT, name, "a number");
        BigDecimal plain = plainDecimal(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        return plain != null ? plain : checkedScale(parser.getDecimalValue(), name);
    }

    /**
     * A plain decimal of up to 36 digits (every Upbit number) straight from the token's characters, which the parser
     * has already checked to be a JSON number: no second text scan as in {@code new BigDecimal(char[])}, and no
     * {@code BigInteger} below 19 digits. {@code null} for longer numbers and exponents, which Jackson parses.
     */
    static BigDecimal plainDecimal(char[] chars, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = chars[i] == '-';
        if (negative) {
            i++;
        }
        long high = 0;
        long low = 0;
        int lowDigits = 0;
        int digits = 0;
        int scale = 0;
        boolean fraction = false;
        for (; i < end; i++) {
            char c = chars[i];
            if (c == '.') {
                fraction = true;
                continue;
            }
            int digit = c - '0';
            if (digit < 0 || digit > 9 || digits == 36) {
                return null;
            }
            if (lowDigits == 18) {
                // the first 18 digits move up; the rest gather below them
                high = low;
                low = 0;
                lowDigits = 0;
            }
            low = low * 10 + digit;
            lowDigits++;
            digits++;
            if (fraction) {
                scale++;
            }
        }
        if (digits <= 18) {
            return BigDecimal.valueOf(negative ? -low : low, scale);
        }
        // high * 10^lowDigits + low as a 128-bit magnitude
        long multiplier = POWERS_OF_TEN[lowDigits];
        long upper = Math.multiplyHigh(high, multiplier);
        long lower = high * multiplier;
        long sum = lower + low;
        if (Long.compareUnsigned(sum, lower) < 0) {
            upper++;
        }
        byte[] magnitude = new byte[16];
        for (int b = 0; b < 8; b++) {
            magnitude[7 - b] = (byte) (upper >>> (8 * b));
            magnitude[15 - b] = (byte) (sum >>> (8 * b));
        }
        return new BigDecimal(new BigInteger(negative ? -1 : 1, magnitude), scale);
    }

    /**
     * A number Upbit wrote as text (an orderbook level): bounded like number tokens before it is parsed, since the
     * parser's number-length limit does not see strings and parsing a long digit string takes quadratic time.
     */
    private static BigDecimal textDecimal(JsonParser parser, String name) throws IOException {
        int length = parser.getTextLength();
        if (length > MAX_NUMBER_LENGTH) {
            throw new IllegalArgumentException(name + ": a number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        try {
            return checkedScale(new BigDecimal(parser.getTextCharacters(), parser.getTextOffset(), length), name);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number");
        }
    }

    private static BigDecimal checkedScale(BigDecimal decimal, String name) {
        if (Math.abs(decimal.scale()) > MAX_SCALE) {
            throw new IllegalArgumentException(name + ": exponent out of range");
        }
        return decimal;
    }

    private static List<OrderbookUnit> readUnits(JsonParser parser, JsonToken value) throws IOException {
        expect(value == JsonToken.START_ARRAY, "orderbook_units", "an array");
        List<OrderbookUnit> units = new ArrayList<>(30);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            BigDecimal askPrice = null;
            BigDecimal bidPrice = null;
            BigDecimal askSize = null;
            BigDecimal bidSize = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (key) {
                    case "ask_price", "ap" -> askPrice = decimal(parser, token, "ask_price");
                    case "bid_price", "bp" -> bidPrice = decimal(parser, token, "bid_price");
                    case "ask_size", "as" -> askSize = decimal(parser, token, "ask_size");
                    case "bid_size", "bs" -> bidSize = decimal(parser, token, "bid_size");
                    default -> parser.skipChildren();
                }
            }
            units.add(new OrderbookUnit(askPrice, bidPrice, askSize, bidSize));
        }
        expect(parser.currentToken() == JsonToken.END_ARRAY, "orderbook_units", "an array of objects");
        return units;
    }

    /** The {@code result} of a {@code LIST_SUBSCRIPTIONS} response: type, codes and orderbook level per entry. */
    private static List<TypeRequest> readSubscriptions(JsonParser parser) throws IOException {
        List<TypeRequest> entries = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String type = null;
            List<String> codes = new ArrayList<>();
            BigDecimal level = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (key) {
                    case "type", "ty" -> {
                        expect(token == JsonToken.VALUE_STRING, "type", "a string");
                        type = parser.getText();
                    }
                    case "codes", "cds" -> {
                        expect(token == JsonToken.START_ARRAY, "codes", "an array");
                        while (parser.nextToken() == JsonToken.VALUE_STRING) {
                            codes.add(parser.getText());
                        }
                        expect(parser.currentToken() == JsonToken.END_ARRAY, "codes", "an array of strings");
                    }
                    case "level", "lv" -> level = token == JsonToken.VALUE_STRING
                            ? textDecimal(parser, "level")
                            : decimal(parser, token, "level");
                    default -> parser.skipChildren();
                }
            }
            expect(type != null, "result.type", "present");
            entries.add(new TypeRequest(type, codes, false, false, level));
        }
        expect(parser.currentToken() == JsonToken.END_ARRAY, "result", "an array of objects");
        return entries;
    }

    private static List<Asset> readAssets(JsonParser parser, JsonToken value) throws IOException {
        expect(value == JsonToken.START_ARRAY, "assets", "an array");
        List<Asset> assets = new ArrayList<>(4);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String currency = null;
            BigDecimal balance = null;
            BigDecimal locked = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (key) {
                    case "currency", "cu" -> {
                        expect(token == JsonToken.VALUE_STRING, "currency", "a string");
                        currency = parser.getText();
                    }
                    case "balance", "b" -> balance = decimal(parser, token, "balance");
                    case "locked", "l" -> locked = decimal(parser, token, "locked");
                    default -> parser.skipChildren();
                }
            }
            assets.add(new Asset(currency, balance, locked));
        }
        expect(parser.currentToken() == JsonToken.END_ARRAY, "assets", "an array of objects");
        return assets;
    }

    private static void expect(boolean ok, String name, String what) {
        if (!ok) {
            throw new IllegalArgumentException(name + " must be " + what);
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
