package io.camelupbit.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.camelupbit.event.CandleUnit;
import io.camelupbit.event.IndicatorTimeframe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented field of every current type, in DEFAULT and SIMPLE, decoded from the examples of Upbit's official
 * pages (src/test/resources/upbit-docs, sources in its README) and compared with the example's value. The expected
 * value is read from the example's token text by the accessor's Java type, not by the decoder, and compared with
 * {@code equals}: a decimal keeps the scale Upbit wrote. Every key of an example must be in {@link FieldRegistry},
 * and every registry field must be in the example. Synthetic cases, marked below, change an official example's values
 * to the other documented values and nulls.
 */
class FieldCoverageTest {

    private static final JsonFactory JSON = new JsonFactory();

    static Stream<Arguments> examples() {
        List<Arguments> cases = new ArrayList<>();
        for (Example e : Example.values()) {
            cases.add(Arguments.of(e, false));
            cases.add(Arguments.of(e, true));
        }
        return cases.stream();
    }

    /**
     * The official examples, their table in the registry, and synthetic values: DEFAULT key to a JSON value that
     * replaces the example's (or adds a field it lacks). Every official example has every documented field; the
     * synthetic cases exist because each page prints one message, so the other documented values of its enums, and
     * the nulls, would never be decoded.
     */
    enum Example {
        // https://docs.upbit.com/kr/reference/websocket-ticker
        TICKER("ticker", "ticker", Map.of()),
        // synthetic: a delisted market as the ticker table documents it (market_state, delisting_date "Date", the
        // deprecated warning fields); the format of a set delisting_date is undocumented: yyyy-MM-dd is assumed
        TICKER_DELISTED("ticker", "ticker", Map.of("market_state", "\"DELISTED\"", "delisting_date", "\"2027-01-15\"",
                "market_warning", "\"CAUTION\"", "is_trading_suspended", "true", "change", "\"FALL\"",
                "ask_bid", "\"BID\"", "trade_timestamp", "null", "stream_type", "\"SNAPSHOT\"")),
        // synthetic: a market before trading opens
        TICKER_PREVIEW("ticker", "ticker", Map.of("market_state", "\"PREVIEW\"", "change", "\"EVEN\"")),
        // https://docs.upbit.com/kr/reference/websocket-trade
        TRADE("trade", "trade", Map.of()),
        // https://docs.upbit.com/kr/reference/websocket-orderbook
        ORDERBOOK("orderbook", "orderbook", Map.of()),
        // https://docs.upbit.com/kr/reference/websocket-candle
        CANDLE("candle", "candle.*", Map.of()),
        // https://docs.upbit.com/kr/reference/websocket-myorder
        MY_ORDER("myorder", "myOrder", Map.of()),
        // synthetic: a market buy by amount (volume null) stopped by self-match prevention, smp_type none as sent
        // since 2026-11-09 (https://docs.upbit.com/kr/changelog/add-smp-type-default); not a fill: the trade fields null
        MY_ORDER_PREVENTED("myorder", "myOrder", Map.ofEntries(Map.entry("order_type", "\"price\""),
                Map.entry("state", "\"prevented\""), Map.entry("volume", "null"), Map.entry("trade_uuid", "null"),
                Map.entry("time_in_force", "\"ioc\""), Map.entry("smp_type", "\"none\""),
                Map.entry("prevented_volume", "0.5"), Map.entry("prevented_locked", "70000000.1234"),
                Map.entry("trade_fee", "null"), Map.entry("is_maker", "null"), Map.entry("identifier", "null"),
                Map.entry("trade_timestamp", "null"))),
        // synthetic: a stop-limit order waiting for its trigger, post only, smp reduce
        MY_ORDER_WATCH("myorder", "myOrder", Map.of("state", "\"watch\"", "time_in_force", "\"post_only\"",
                "smp_type", "\"reduce\"", "ask_bid", "\"ASK\"", "trade_uuid", "null", "trade_fee", "null",
                "is_maker", "null")),
        // synthetic: a market sell (price null), best and fok, smp cancel_taker
        MY_ORDER_MARKET("myorder", "myOrder", Map.of("order_type", "\"market\"", "price", "null",
                "state", "\"done\"", "time_in_force", "\"fok\"", "smp_type", "\"cancel_taker\"")),
        MY_ORDER_BEST("myorder", "myOrder", Map.of("order_type", "\"best\"", "state", "\"cancel\"",
                "is_maker", "false")),
        // https://docs.upbit.com/kr/reference/websocket-myasset
        MY_ASSET("myasset", "myAsset", Map.of()),
        // https://docs.upbit.com/kr/reference/websocket-announcement (the include_body example: every field)
        ANNOUNCEMENT("announcement-body", "announcement", Map.of()),
        // synthetic: an updated notice of another category whose body Upbit left out as too large
        ANNOUNCEMENT_UPDATED("announcement-body", "announcement", Map.of("event_type", "\"UPDATED\"",
                "category", "\"digital_asset\"", "listed_at", "\"2026-07-15T09:00:00+09:00\"", "body", "null")),
        // https://docs.upbit.com/kr/reference/websocket-indicator: one example per indicator kind
        INDICATOR_RSI("indicator-rsi", "indicator", Map.of()),
        INDICATOR_MOVING_AVERAGE("indicator-moving_average", "indicator", Map.of()),
        INDICATOR_MACD("indicator-macd", "indicator", Map.of()),
        // synthetic: the kinds the page prints no message of, with the value fields of its table
        INDICATOR_VOLUME("indicator-rsi", "indicator", Map.of("timeframe", "\"1d\"", "indicator", "\"volume\"",
                "params", "{\"period\": 20}",
                "value", "{\"volume\": 1520.5, \"avg_volume\": 760.25, \"ratio\": 2.0}")),
        INDICATOR_CROSSOVER("indicator-rsi", "indicator", Map.of("timeframe", "\"240m\"",
                "indicator", "\"ma_crossover\"",
                "params", "{\"type\": \"EMA\", \"short_period\": 5, \"long_period\": 20}",
                "value", "{\"ma_short\": 106791950.5, \"ma_long\": 106500000.0}")),
        INDICATOR_BOLLINGER("indicator-rsi", "indicator", Map.of("timeframe", "\"60m\"",
                "indicator", "\"bollinger_bands\"", "params", "{\"period\": 20, \"multiplier\": 2.0}",
                "value", "{\"bb_upper\": 107000000.1, \"bb_middle\": 106500000.0, \"bb_lower\": 105999999.9}")),
        // https://docs.upbit.com/kr/reference/websocket-indicator-signal
        SIGNAL("indicator_signal", "indicator_signal", Map.of()),
        // synthetic: the triggers with condition parameters
        SIGNAL_RSI("indicator_signal", "indicator_signal", Map.of("timeframe", "\"15m\"", "indicator", "\"rsi\"",
                "params", "{\"period\": 14}", "trigger", "\"overbought\"", "event_params", "{\"threshold\": 70}",
                "value", "{\"rsi\": 71.23456789}")),
        SIGNAL_VOLUME("indicator_signal", "indicator_signal", Map.of("indicator", "\"volume\"",
                "params", "{\"period\": 20}", "trigger", "\"volume_spike\"",
                "event_params", "{\"multiplier\": 2.0}",
                "value", "{\"volume\": 1520.5, \"avg_volume\": 760.25, \"ratio\": 2.0}"));

        final String file;
        final String table;
        final Map<String, String> synthetic;

        Example(String file, String table, Map<String, String> synthetic) {
            this.file = file;
            this.table = table;
            this.synthetic = synthetic;
        }
    }

    @ParameterizedTest(name = "{0} simple={1}")
    @MethodSource("examples")
    void everyDocumentedFieldDecodesToTheExamplesValue(Example example, boolean simple) throws Exception {
        FieldRegistry.Table table = FieldRegistry.table(example.table);
        String official = read(example.file + (simple ? "-simple.json" : "-default.json"));
        Map<String, Object> fields = tokens(official);
        withSynthetic(fields, table, example.synthetic, simple);
        String json = example.synthetic.isEmpty() ? official : json(fields);

        CollectingListener collected = new CollectingListener();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        new FrameDecoder().decode(bytes, 0, bytes.length, collected);

        assertThat(collected.malformed).isEmpty();
        assertThat(collected.fieldErrors).isEmpty();
        assertThat(collected.events).hasSize(1);
        assertFields(table, fields, collected.events.get(0), simple, example.table);
    }

    private static void assertFields(FieldRegistry.Table table, Map<String, Object> example, Object decoded,
                                     boolean simple, String where) throws Exception {
        Map<String, FieldRegistry.FieldUse> byKey = new LinkedHashMap<>();
        for (FieldRegistry.FieldUse f : table.fields()) {
            byKey.put(simple ? f.simpleKey() : f.defaultKey(), f);
        }
        assertThat(byKey.keySet()).as("keys of the %s example that the registry lacks", where)
                .containsAll(example.keySet());
        assertThat(example.keySet()).as("registry fields the %s example lacks (add them as synthetic)", where)
                .containsAll(byKey.keySet());

        for (Map.Entry<String, FieldRegistry.FieldUse> entry : byKey.entrySet()) {
            Method accessor = table.record().getMethod(entry.getValue().accessor());
            Object actual = accessor.invoke(decoded);
            Object written = example.get(entry.getKey());
            String field = where + "." + entry.getKey();
            if (written instanceof Map<?, ?> object) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fieldsOfObject = (Map<String, Object>) object;
                assertObject(FieldRegistry.table(where + "." + entry.getValue().defaultKey()), fieldsOfObject, actual,
                        simple);
            } else if (written instanceof List<?> rows) {
                FieldRegistry.Table rowTable = FieldRegistry.table(where.replace(".*", "") + "."
                        + entry.getValue().defaultKey());
                List<?> decodedRows = (List<?>) actual;
                assertThat(decodedRows).as(field).hasSameSizeAs(rows);
                for (int i = 0; i < rows.size(); i++) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> row = (Map<String, Object>) rows.get(i);
                    assertFields(rowTable, row, decodedRows.get(i), simple, rowTable.name());
                }
            } else {
                assertThat(actual).as(field).isEqualTo(expected((Token) written, accessor.getReturnType()));
            }
        }
    }

    /**
     * An object field ({@code params}, {@code value}, {@code event_params}) holds only its indicator's keys: those
     * decode to the example's values, the table's others to {@code null}.
     */
    private static void assertObject(FieldRegistry.Table table, Map<String, Object> example, Object decoded,
                                     boolean simple) throws Exception {
        Map<String, FieldRegistry.FieldUse> byKey = new LinkedHashMap<>();
        for (FieldRegistry.FieldUse f : table.fields()) {
            byKey.put(simple ? f.simpleKey() : f.defaultKey(), f);
        }
        assertThat(byKey.keySet()).as("keys of the %s example that the registry lacks", table.name())
                .containsAll(example.keySet());
        for (Map.Entry<String, FieldRegistry.FieldUse> entry : byKey.entrySet()) {
            Method accessor = table.record().getMethod(entry.getValue().accessor());
            Object written = example.get(entry.getKey());
            assertThat(accessor.invoke(decoded)).as(table.name() + "." + entry.getKey())
                    .isEqualTo(written == null ? null : expected((Token) written, accessor.getReturnType()));
        }
    }

    /** The Java value of a token, by the accessor's type, read without the decoder. */
    private static Object expected(Token token, Class<?> type) {
        if (token.kind == JsonToken.VALUE_NULL) {
            return null;
        }
        String text = token.text;
        if (type == String.class) {
            return text;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(text);
        }
        if (type == long.class || type == Long.class) {
            return Long.valueOf(text);
        }
        if (type == Integer.class) {
            return Integer.valueOf(text);
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(text);
        }
        if (type == LocalDate.class) {
            return text.length() == 8 ? LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE)
                    : LocalDate.parse(text.substring(0, 10));
        }
        if (type == LocalTime.class) {
            return text.contains(":") ? LocalTime.parse(text) : LocalTime.parse(text, DateTimeFormatter.ofPattern("HHmmss"));
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.parse(text);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(text);
        }
        if (type == CandleUnit.class) {
            return CandleUnit.ofType(text);
        }
        if (type == IndicatorTimeframe.class) {
            return IndicatorTimeframe.of(text);
        }
        if (type.isEnum()) {
            return enumConstant(type, text.toUpperCase(Locale.ROOT));
        }
        throw new AssertionError("no expectation for " + type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    /** Puts the synthetic values in, under the key of the format. */
    private static void withSynthetic(Map<String, Object> fields, FieldRegistry.Table table,
                                      Map<String, String> synthetic, boolean simple) throws IOException {
        for (Map.Entry<String, String> s : synthetic.entrySet()) {
            FieldRegistry.FieldUse f = table.fields().stream().filter(u -> u.defaultKey().equals(s.getKey()))
                    .findFirst().orElseThrow();
            try (JsonParser p = JSON.createParser(s.getValue())) {
                JsonToken token = p.nextToken();
                Object value;
                if (token == JsonToken.START_OBJECT) {
                    Map<String, Object> object = object(p);
                    value = simple ? simpleKeys(object, FieldRegistry.table(table.name() + "." + f.defaultKey()))
                            : object;
                } else {
                    value = new Token(token, p.getText());
                }
                fields.put(simple ? f.simpleKey() : f.defaultKey(), value);
            }
        }
    }

    /** A synthetic object written with DEFAULT keys, under the SIMPLE keys of its table. */
    private static Map<String, Object> simpleKeys(Map<String, Object> object, FieldRegistry.Table table) {
        Map<String, Object> simple = new LinkedHashMap<>();
        object.forEach((key, value) -> simple.put(table.fields().stream().filter(f -> f.defaultKey().equals(key))
                .findFirst().orElseThrow(() -> new AssertionError(key + " not in " + table.name())).simpleKey(), value));
        return simple;
    }

    /** The fields as a JSON object; numbers keep their text. */
    private static String json(Map<String, Object> fields) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, fields);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Map<String, Object> fields) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            g.writeFieldName(field.getKey());
            if (field.getValue() instanceof Map<?, ?> object) {
                @SuppressWarnings("unchecked")
                Map<String, Object> o = (Map<String, Object>) object;
                write(g, o);
            } else if (field.getValue() instanceof List<?> rows) {
                g.writeStartArray();
                for (Object row : rows) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> r = (Map<String, Object>) row;
                    write(g, r);
                }
                g.writeEndArray();
            } else {
                Token t = (Token) field.getValue();
                switch (t.kind) {
                    case VALUE_STRING -> g.writeString(t.text);
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(t.text);
                    case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> g.writeRawValue(t.text);
                    default -> throw new AssertionError(t);
                }
            }
        }
        g.writeEndObject();
    }

    /** A scalar exactly as written: its token kind and its text. */
    private record Token(JsonToken kind, String text) {
    }

    /**
     * The example's keys in order: a scalar is a {@link Token}, an object a map like this one, an array of objects a
     * list of such maps.
     */
    private static Map<String, Object> tokens(String json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            return object(p);
        }
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    rows.add(object(p));
                }
                fields.put(key, rows);
            } else if (value == JsonToken.START_OBJECT) {
                fields.put(key, object(p));
            } else {
                fields.put(key, new Token(value, p.getText()));
            }
        }
        return fields;
    }

    private static String read(String name) throws IOException {
        try (InputStream in = FieldCoverageTest.class.getResourceAsStream("/upbit-docs/" + name)) {
            assertThat(in).as("fixture upbit-docs/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
