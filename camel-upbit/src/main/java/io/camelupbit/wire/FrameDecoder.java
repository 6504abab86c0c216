package io.camelupbit.wire;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;

import io.camelupbit.event.Asset;
import io.camelupbit.event.IndicatorParams;
import io.camelupbit.event.IndicatorTimeframe;
import io.camelupbit.event.IndicatorValues;
import io.camelupbit.event.MovingAverageType;
import io.camelupbit.event.OrderbookUnit;
import io.camelupbit.event.SignalParams;
import io.camelupbit.event.UpbitEvent;

/**
 * Decodes Upbit frames straight from their UTF-8 bytes with Jackson's streaming parser: no tree, no {@code Map}, each
 * value read once into its slot and the typed event built at the end of its object.
 * <p>
 * Accepts every format: an object per frame (DEFAULT, SIMPLE) or an array of objects (JSON_LIST, SIMPLE_LIST), full
 * or abbreviated keys. Status, error and {@code LIST_SUBSCRIPTIONS} frames are reported as such. Hostile input bends
 * rather than breaks: an item with a malformed key is reported and skipped, a malformed other field reads as
 * {@code null}, every number is bounded before it is parsed. Not thread-safe: one decoder per connection.
 */
public final class FrameDecoder {

    /** Longest number text accepted: Upbit's longest (a 28-digit balance) with room to spare. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** Largest decimal scale accepted, so an exponent bomb ({@code 1e-999999999}) is refused before anyone prints it. */
    static final int MAX_SCALE = 100;

    /** Longest integer text: {@code Long.MIN_VALUE}'s 20 characters. */
    private static final int MAX_LONG_LENGTH = 20;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    // each number is bounded where it is read, so that a long one nulls its field, not the frame
                    .maxNumberLength(Integer.MAX_VALUE)
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
    private final boolean quoteContent;
    /** Why the item being read cannot be delivered (one of its keys is malformed); {@code null} while it can. */
    private String keyProblem;
    /** The malformed fields of the item being read that read as {@code null}; empty but for hostile input. */
    private final List<FieldProblem> fieldProblems = new ArrayList<>(0);

    private record FieldProblem(String field, String problem) {
    }

    /** A decoder whose errors may quote a frame's first characters. */
    public FrameDecoder() {
        this(true);
    }

    /**
     * @param quoteContent whether an error may quote the frame's text; {@code false} for the private channel, whose
     *                     frames hold balances and orders
     */
    public FrameDecoder(boolean quoteContent) {
        this.quoteContent = quoteContent;
    }

    /**
     * Decodes one frame and reports each item to the listener. An item whose keys are malformed is reported as such
     * and the frame's other items are read on; a malformed field of a deliverable item reads as {@code null} and is
     * reported before its event.
     *
     * @throws FrameDecodingException when the frame is not well-formed JSON or not an object or a list; items before
     *                                the fault have been reported already
     */
    public void decode(byte[] data, int offset, int length, FrameListener listener) throws FrameDecodingException {
        try (JsonParser parser = JSON.createParser(data, offset, length)) {
            JsonToken root = parser.nextToken();
            if (root == JsonToken.START_OBJECT) {
                readItem(parser, data, offset, 0, listener);
            } else if (root == JsonToken.START_ARRAY) {
                int index = 0;
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (token == JsonToken.START_OBJECT) {
                        readItem(parser, data, offset, index, listener);
                    } else {
                        parser.skipChildren();
                        listener.onMalformedItem(null, index, "a list item must be an object");
                    }
                    index++;
                }
            } else {
                throw new IllegalArgumentException("expected an object or an array");
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content");
            }
        } catch (IOException | RuntimeException e) {
            // the parser's own exception may quote the frame
            throw new FrameDecodingException(reason(e), data, offset, length, quoteContent, quoteContent ? e : null);
        }
    }

    /**
     * The first line of the cause, with where it happened; the parser's own words only where the frame may be quoted,
     * since they can quote it.
     */
    private String reason(Exception e) {
        if (e instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            String where = at == null ? "" : " at byte " + at.getByteOffset();
            return (quoteContent ? firstLine(json.getOriginalMessage()) : "not well-formed JSON") + where;
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }

    /** Reads one object; the parser stands on its START_OBJECT and is left on its END_OBJECT. */
    private void readItem(JsonParser parser, byte[] data, int offset, int index, FrameListener listener)
            throws IOException {
        // byte offsets of the parser count from the start of the input it was given; locations cost allocations, so
        // they are worked out only for a listener that wants the item's bytes
        boolean bytes = listener.wantsItemBytes();
        int start = bytes ? offset + (int) parser.currentTokenLocation().getByteOffset() : -1;
        slots.clear();
        keyProblem = null;
        fieldProblems.clear();
        String method = null;
        String ticket = null;
        List<TypeRequest> result = null;
        int position = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            Field field = field(position++, key);
            if (field != null) {
                readField(parser, value, shaped(field, key, parser, value));
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
            if (keyProblem != null) {
                listener.onMalformedItem(null, index, keyProblem);
            } else {
                listener.onIgnored("item without type");
            }
            return;
        }
        UpbitEvent event = null;
        if (keyProblem == null) {
            try {
                event = EventAssembler.assemble(type, slots);
            } catch (IllegalArgumentException e) {
                keyProblem = e.getMessage();
            }
        }
        if (event == null) {
            // only on this rare path is the type looked up twice: a key problem of an unknown type is no problem
            if (keyProblem != null && EventAssembler.knows(type)) {
                listener.onMalformedItem(type, index, keyProblem);
            } else {
                listener.onIgnored(type);
            }
            return;
        }
        for (FieldProblem problem : fieldProblems) {
            listener.onFieldError(type, problem.field(), problem.problem());
        }
        int end = bytes ? offset + (int) parser.currentLocation().getByteOffset() : -1;
        listener.onEvent(event, data, start, end - start);
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

    /**
     * The field a shared SIMPLE key stands for (myOrder and the indicator types abbreviate three keys alike): an object
     * is the indicator's params or values, a string that is no number its timeframe; anything else, and any DEFAULT key,
     * is the field itself.
     */
    private static Field shaped(Field field, String key, JsonParser parser, JsonToken value) throws IOException {
        Field twin = field.twin();
        if (twin == null || key.equals(field.defaultKey)) {
            return field;
        }
        boolean theirs = twin.kind.isStructured() ? value == JsonToken.START_OBJECT
                : value == JsonToken.VALUE_STRING && !looksLikeNumber(parser);
        return theirs ? twin : field;
    }

    /** Whether a string value is written like a number ({@code 5m} and {@code 1d} are not). */
    private static boolean looksLikeNumber(JsonParser parser) throws IOException {
        char[] chars = parser.getTextCharacters();
        int end = parser.getTextOffset() + parser.getTextLength();
        for (int i = parser.getTextOffset(); i < end; i++) {
            char c = chars[i];
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return parser.getTextLength() > 0;
    }

    /**
     * Reads a field's value into its slot. A malformed value leaves the slot empty and the parser after the value:
     * the item becomes undeliverable when the field is a key, and the field is noted as a problem otherwise.
     */
    private void readField(JsonParser parser, JsonToken value, Field field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        try {
            read(parser, value, field);
        } catch (IllegalArgumentException | DateTimeException | InputCoercionException e) {
            String problem = e instanceof InputCoercionException ? "out of range" : e.getMessage();
            if (field.isKey()) {
                if (keyProblem == null) {
                    keyProblem = field.defaultKey + " " + problem;
                }
            } else {
                fieldProblems.add(new FieldProblem(field.defaultKey, problem));
            }
        }
    }

    private void read(JsonParser parser, JsonToken value, Field field) throws IOException {
        if (value.isStructStart() && !field.kind.isStructured()) {
            parser.skipChildren();
            throw new IllegalArgumentException("must be a single value");
        }
        switch (field.kind) {
            case TEXT, ID, DATE, TIME, DATE_TIME, OFFSET_DATE_TIME -> {
                expect(value == JsonToken.VALUE_STRING, "a string");
                slots.putObject(field, text(parser, field.kind));
            }
            case DECIMAL -> slots.putObject(field, decimal(parser, value));
            case LONG -> slots.putLong(field, longValue(parser, value));
            case INT -> {
                long number = longValue(parser, value);
                expect(number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE, "an int");
                slots.putLong(field, number);
            }
            case BOOLEAN -> slots.putObject(field, bool(parser, value));
            case UNITS -> slots.putObject(field, readUnits(parser, value));
            case ASSETS -> slots.putObject(field, readAssets(parser, value));
            case PARAMS -> slots.putObject(field, readParams(parser, value));
            case VALUES -> slots.putObject(field, readValues(parser, value));
            case SIGNAL_PARAMS -> slots.putObject(field, readSignalParams(parser, value));
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
            case OFFSET_DATE_TIME -> TimeText.offsetDateTime(chars, offset, length);
            default -> new String(chars, offset, length);
        };
    }

    /**
     * A decimal from a number or, as Upbit's text calls some of them, a numeric string; either is bounded to
     * {@link #MAX_NUMBER_LENGTH} characters before it is parsed, since parsing a long digit string takes quadratic
     * time.
     */
    private static BigDecimal decimal(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return textDecimal(parser);
        }
        expect(value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT, "a number");
        int length = parser.getTextLength();
        expect(length <= MAX_NUMBER_LENGTH, "a number of at most " + MAX_NUMBER_LENGTH + " characters");
        BigDecimal plain = plainDecimal(parser.getTextCharacters(), parser.getTextOffset(), length);
        return plain != null ? plain : checkedScale(parser.getDecimalValue());
    }

    /**
     * A plain decimal of up to 36 digits (every Upbit number) straight from the token's characters, which the parser
     * has already checked to be a JSON number: no second text scan as in {@code new BigDecimal(char[])}, and no
     * {@code BigInteger} while the digits fit in a {@code long} (Upbit pads to 8 decimals, so a total above 10^10
     * already has 19 digits). {@code null} for longer numbers and exponents, which Jackson parses.
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
        if (upper == 0 && sum >= 0) {
            return BigDecimal.valueOf(negative ? -sum : sum, scale);
        }
        byte[] magnitude = new byte[16];
        for (int b = 0; b < 8; b++) {
            magnitude[7 - b] = (byte) (upper >>> (8 * b));
            magnitude[15 - b] = (byte) (sum >>> (8 * b));
        }
        return new BigDecimal(new BigInteger(negative ? -1 : 1, magnitude), scale);
    }

    private static BigDecimal textDecimal(JsonParser parser) throws IOException {
        int length = parser.getTextLength();
        expect(length <= MAX_NUMBER_LENGTH, "a number of at most " + MAX_NUMBER_LENGTH + " characters");
        try {
            return checkedScale(new BigDecimal(parser.getTextCharacters(), parser.getTextOffset(), length));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number");
        }
    }

    private static BigDecimal checkedScale(BigDecimal decimal) {
        expect(Math.abs(decimal.scale()) <= MAX_SCALE, "a number with an exponent within " + MAX_SCALE);
        return decimal;
    }

    /** An integer from a number or a string of digits, bounded before it is parsed. */
    private static long longValue(JsonParser parser, JsonToken value) throws IOException {
        expect(value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_STRING, "an integer");
        int length = parser.getTextLength();
        expect(length <= MAX_LONG_LENGTH, "an integer of at most " + MAX_LONG_LENGTH + " characters");
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        try {
            return Long.parseLong(parser.getText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be an integer");
        }
    }

    private static Boolean bool(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_STRING && "true".equals(parser.getText())) {
            return Boolean.TRUE;
        }
        if (value == JsonToken.VALUE_FALSE || value == JsonToken.VALUE_STRING && "false".equals(parser.getText())) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("must be a boolean");
    }

    /** Orderbook rows; a malformed row or row field is noted and skipped, so the rest of the book still reads. */
    private List<OrderbookUnit> readUnits(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            throw new IllegalArgumentException("must be an array");
        }
        List<OrderbookUnit> units = new ArrayList<>(30);
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                fieldProblems.add(new FieldProblem("orderbook_units", "rows must be objects"));
                continue;
            }
            BigDecimal askPrice = null;
            BigDecimal bidPrice = null;
            BigDecimal askSize = null;
            BigDecimal bidSize = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken token2 = parser.nextToken();
                switch (key) {
                    case "ask_price", "ap" -> askPrice = nestedDecimal(parser, token2, "orderbook_units.ask_price");
                    case "bid_price", "bp" -> bidPrice = nestedDecimal(parser, token2, "orderbook_units.bid_price");
                    case "ask_size", "as" -> askSize = nestedDecimal(parser, token2, "orderbook_units.ask_size");
                    case "bid_size", "bs" -> bidSize = nestedDecimal(parser, token2, "orderbook_units.bid_size");
                    default -> parser.skipChildren();
                }
            }
            units.add(new OrderbookUnit(askPrice, bidPrice, askSize, bidSize));
        }
        return units;
    }

    /** A decimal inside a list field: malformed, it is noted and reads as {@code null}. */
    private BigDecimal nestedDecimal(JsonParser parser, JsonToken value, String name) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isStructStart()) {
            parser.skipChildren();
            fieldProblems.add(new FieldProblem(name, "must be a number"));
            return null;
        }
        try {
            return decimal(parser, value);
        } catch (IllegalArgumentException e) {
            fieldProblems.add(new FieldProblem(name, e.getMessage()));
            return null;
        }
    }

    /**
     * The {@code result} of a {@code LIST_SUBSCRIPTIONS} response: type, codes, orderbook level and indicator timeframe
     * per entry.
     */
    private static List<TypeRequest> readSubscriptions(JsonParser parser) throws IOException {
        List<TypeRequest> entries = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String type = null;
            List<String> codes = new ArrayList<>();
            BigDecimal level = null;
            String timeframe = null;
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
                    case "level", "lv" -> level = token == JsonToken.VALUE_NULL ? null : decimal(parser, token);
                    case "timeframe", "tf" -> {
                        expect(token == JsonToken.VALUE_STRING, "timeframe", "a string");
                        timeframe = parser.getText();
                    }
                    default -> parser.skipChildren();
                }
            }
            expect(type != null, "result.type", "present");
            // the indicators themselves are not compared: Upbit lists them, but a stream is told apart by its timeframe
            entries.add(new TypeRequest(type, codes, false, false, level, timeframe == null ? null
                    : new TypeOptions.Indicators(IndicatorTimeframe.of(timeframe), List.of())));
        }
        expect(parser.currentToken() == JsonToken.END_ARRAY, "result", "an array of objects");
        return entries;
    }

    /** Balances; a malformed one or one of its fields is noted and skipped, so the others still read. */
    private List<Asset> readAssets(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            throw new IllegalArgumentException("must be an array");
        }
        List<Asset> assets = new ArrayList<>(4);
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                fieldProblems.add(new FieldProblem("assets", "balances must be objects"));
                continue;
            }
            String currency = null;
            BigDecimal balance = null;
            BigDecimal locked = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken token2 = parser.nextToken();
                switch (key) {
                    case "currency", "cu" -> {
                        if (token2 == JsonToken.VALUE_STRING) {
                            currency = parser.getText();
                        } else if (token2 != JsonToken.VALUE_NULL) {
                            parser.skipChildren();
                            fieldProblems.add(new FieldProblem("assets.currency", "must be a string"));
                        }
                    }
                    case "balance", "b" -> balance = nestedDecimal(parser, token2, "assets.balance");
                    case "locked", "l" -> locked = nestedDecimal(parser, token2, "assets.locked");
                    default -> parser.skipChildren();
                }
            }
            assets.add(new Asset(currency, balance, locked));
        }
        return assets;
    }

    /**
     * An indicator's {@code params}, DEFAULT or SIMPLE keys (inside it {@code p} is the period, {@code t} the average's
     * type); a malformed value is noted and reads as {@code null}.
     */
    private IndicatorParams readParams(JsonParser parser, JsonToken value) throws IOException {
        expectObject(parser, value);
        Integer period = null;
        MovingAverageType maType = null;
        Integer shortPeriod = null;
        Integer longPeriod = null;
        BigDecimal multiplier = null;
        Integer fast = null;
        Integer slow = null;
        Integer signalPeriod = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (key) {
                case "period", "p" -> period = nestedInt(parser, token, "params.period");
                case "type", "t" -> {
                    String text = nestedText(parser, token, "params.type");
                    maType = text == null ? null : MovingAverageType.of(text);
                }
                case "short_period", "shp" -> shortPeriod = nestedInt(parser, token, "params.short_period");
                case "long_period", "lop" -> longPeriod = nestedInt(parser, token, "params.long_period");
                case "multiplier", "m" -> multiplier = nestedDecimal(parser, token, "params.multiplier");
                case "fast", "f" -> fast = nestedInt(parser, token, "params.fast");
                case "slow", "s" -> slow = nestedInt(parser, token, "params.slow");
                case "signal_period", "sgp" -> signalPeriod = nestedInt(parser, token, "params.signal_period");
                default -> parser.skipChildren();
            }
        }
        return new IndicatorParams(period, maType, shortPeriod, longPeriod, multiplier, fast, slow, signalPeriod);
    }

    /** An indicator's {@code value}: every entry a decimal (the moving average's own is {@code value} in both formats). */
    private IndicatorValues readValues(JsonParser parser, JsonToken value) throws IOException {
        expectObject(parser, value);
        BigDecimal[] v = new BigDecimal[13];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken token = parser.nextToken();
            int slot = switch (key) {
                case "volume", "vol" -> 0;
                case "avg_volume", "av" -> 1;
                case "ratio", "rto" -> 2;
                case "rsi" -> 3;
                case "value" -> 4;
                case "ma_short", "mas" -> 5;
                case "ma_long", "mal" -> 6;
                case "bb_upper", "bbu" -> 7;
                case "bb_middle", "bbm" -> 8;
                case "bb_lower", "bbl" -> 9;
                case "macd" -> 10;
                case "macd_signal", "macds" -> 11;
                case "histogram", "hist" -> 12;
                default -> -1;
            };
            if (slot < 0) {
                parser.skipChildren();
            } else {
                v[slot] = nestedDecimal(parser, token, "value." + key);
            }
        }
        return new IndicatorValues(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
    }

    /** A signal's {@code event_params}: {@code {}} for triggers that take none. */
    private SignalParams readSignalParams(JsonParser parser, JsonToken value) throws IOException {
        expectObject(parser, value);
        Integer threshold = null;
        BigDecimal multiplier = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (key) {
                case "threshold", "th" -> threshold = nestedInt(parser, token, "event_params.threshold");
                case "multiplier", "mul" -> multiplier = nestedDecimal(parser, token, "event_params.multiplier");
                default -> parser.skipChildren();
            }
        }
        return threshold == null && multiplier == null ? SignalParams.NONE : new SignalParams(threshold, multiplier);
    }

    private static void expectObject(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            throw new IllegalArgumentException("must be an object");
        }
    }

    /** An integer inside an object field: malformed, it is noted and reads as {@code null}. */
    private Integer nestedInt(JsonParser parser, JsonToken value, String name) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        try {
            if (value.isStructStart()) {
                parser.skipChildren();
                throw new IllegalArgumentException("must be an integer");
            }
            long number = longValue(parser, value);
            expect(number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE, "an int");
            return (int) number;
        } catch (IllegalArgumentException | InputCoercionException e) {
            fieldProblems.add(new FieldProblem(name, e instanceof InputCoercionException ? "out of range"
                    : e.getMessage()));
            return null;
        }
    }

    /** A string inside an object field: anything else is noted and reads as {@code null}. */
    private String nestedText(JsonParser parser, JsonToken value, String name) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return texts.text(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        }
        if (value != JsonToken.VALUE_NULL) {
            parser.skipChildren();
            fieldProblems.add(new FieldProblem(name, "must be a string"));
        }
        return null;
    }

    private static void expect(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("must be " + what);
        }
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
