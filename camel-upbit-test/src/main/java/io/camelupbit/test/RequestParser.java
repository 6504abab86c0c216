package io.camelupbit.test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates client requests the way upbit-protocol.md §2 and §5 describe, with Jackson's streaming parser
 * (no data binding): {@code [{ticket}, {data type}..., {format}?]}, {@code [{ticket}, {"method":"LIST_SUBSCRIPTIONS"},
 * {format}?]} in any order, or the bare text {@code PING}.
 *
 * <p>Objects are classified by their keys: one with {@code type} is a data-type object; otherwise one with
 * {@code ticket} is the ticket, one with {@code method} an operation, one with {@code format} the format, and any
 * other object a data-type object without a type ({@code NO_TYPE}). Unknown fields are ignored.
 *
 * <p>Each endpoint takes its own types. Where Upbit does not say what another path does with them, the simulator
 * answers {@code INVALID_PARAM}: indicator types on the public or private path, and any other type on the info
 * path. Private types on the public path get {@code INVALID_AUTH}, as before.
 */
final class RequestParser {

    static final String LIST_SUBSCRIPTIONS = "LIST_SUBSCRIPTIONS";
    private static final JsonFactory JSON = new JsonFactory();

    private final Endpoint endpoint;
    private final boolean acceptCamelCaseFlags;
    private final EmptySubscription emptySubscription;
    private final PublicTypesOnPrivate publicTypesOnPrivate;
    private final OrderbookLevels levels;
    private final Set<String> announcementCategories;

    RequestParser(Endpoint endpoint, boolean acceptCamelCaseFlags, EmptySubscription emptySubscription,
                  PublicTypesOnPrivate publicTypesOnPrivate, OrderbookLevels levels,
                  Set<String> announcementCategories) {
        this.endpoint = endpoint;
        this.acceptCamelCaseFlags = acceptCamelCaseFlags;
        this.emptySubscription = emptySubscription;
        this.publicTypesOnPrivate = publicTypesOnPrivate;
        this.levels = levels;
        this.announcementCategories = announcementCategories;
    }

    ParsedMessage parse(String text) {
        if ("PING".equals(text.strip())) {
            return ParsedMessage.valid(new Request.Ping(), false);
        }
        List<RawObject> objects;
        try {
            objects = readArray(text);
        } catch (IOException e) {
            return ParsedMessage.invalid(new RequestException(ErrorNames.WRONG_FORMAT, "not valid JSON"), false);
        } catch (RequestException e) {
            return ParsedMessage.invalid(e, false);
        }
        boolean subscribe = objects.stream().anyMatch(o -> o.kind() == Kind.DATA);
        try {
            return ParsedMessage.valid(validate(objects), subscribe);
        } catch (RequestException e) {
            return ParsedMessage.invalid(e, subscribe);
        }
    }

    private Request validate(List<RawObject> objects) throws RequestException {
        RawObject ticket = null;
        List<RawObject> data = new ArrayList<>();
        List<RawObject> methods = new ArrayList<>();
        RawObject format = null;
        for (RawObject o : objects) {
            switch (o.kind()) {
                case DATA -> data.add(o);
                case TICKET -> ticket = ticket == null ? o : ticket;
                case METHOD -> methods.add(o);
                case FORMAT -> format = o; // the last format object wins
                default -> throw new IllegalStateException();
            }
        }
        if (ticket == null || ticket.ticket == null || ticket.ticket.isBlank()) {
            throw new RequestException(ErrorNames.NO_TICKET, "ticket is missing or blank");
        }
        if (!methods.isEmpty()) {
            if (!data.isEmpty() || methods.size() > 1) {
                throw new RequestException(ErrorNames.WRONG_FORMAT, "a method goes alone with ticket and format");
            }
            if (!LIST_SUBSCRIPTIONS.equals(methods.get(0).method)) {
                throw new RequestException(ErrorNames.INVALID_PARAM, "unknown method");
            }
            return new Request.ListSubscriptions(ticket.ticket, format(format));
        }
        if (data.isEmpty() && emptySubscription == EmptySubscription.ERROR_NO_TYPE) {
            throw new RequestException(ErrorNames.NO_TYPE, "no data type requested");
        }
        List<Subscription> subscriptions = new ArrayList<>();
        int combinations = 0;
        for (RawObject o : data) {
            Subscription s = dataType(o);
            combinations += s.codes().size() * s.indicators().size();
            subscriptions.add(s);
        }
        // Upbit refuses the whole request rather than register part of it.
        if (combinations > IndicatorRules.MAX_COMBINATIONS) {
            throw new RequestException(ErrorNames.TOO_MANY_REQUEST,
                    combinations + " indicator combinations, more than " + IndicatorRules.MAX_COMBINATIONS);
        }
        return new Request.Subscribe(ticket.ticket, subscriptions, format(format));
    }

    private Subscription dataType(RawObject o) throws RequestException {
        if (!o.hasType) {
            throw new RequestException(ErrorNames.NO_TYPE, "type is missing");
        }
        if (o.type == null || !DataTypes.isKnown(o.type)) {
            throw new RequestException(ErrorNames.INVALID_PARAM, "unknown type");
        }
        if (DataTypes.INFO.contains(o.type)) {
            return indicatorType(o);
        }
        if (endpoint == Endpoint.INFO) {
            throw new RequestException(ErrorNames.INVALID_PARAM, "only indicator and indicator_signal are served on "
                    + SimulatorSettings.INFO_PATH);
        }
        if (DataTypes.ANNOUNCEMENT.equals(o.type)) {
            return announcement(o);
        }
        if (o.invalidFlag) {
            throw new RequestException(ErrorNames.INVALID_PARAM, "is_only_snapshot/is_only_realtime must be booleans");
        }
        if (o.invalidLevel || (o.level != null && o.level.signum() < 0)) {
            throw new RequestException(ErrorNames.INVALID_PARAM, "level must be a non-negative number");
        }
        boolean onlySnapshot = isTrue(o.onlySnapshot) || (acceptCamelCaseFlags && isTrue(o.camelOnlySnapshot));
        boolean onlyRealtime = isTrue(o.onlyRealtime) || (acceptCamelCaseFlags && isTrue(o.camelOnlyRealtime));
        if (DataTypes.PRIVATE.contains(o.type)) {
            return privateType(o, onlySnapshot, onlyRealtime);
        }
        if (endpoint == Endpoint.PRIVATE && publicTypesOnPrivate == PublicTypesOnPrivate.ERROR_INVALID_PARAM) {
            throw new RequestException(ErrorNames.INVALID_PARAM, "public types are served on /websocket/v1");
        }
        if (!o.hasCodes) {
            throw new RequestException(ErrorNames.NO_CODES, "codes is missing");
        }
        if (o.invalidCodes) {
            throw new RequestException(ErrorNames.INVALID_PARAM, "codes must be an array of strings");
        }
        if (o.codes.isEmpty()) {
            throw new RequestException(ErrorNames.INVALID_PARAM, "codes is empty");
        }
        boolean orderbook = DataTypes.ORDERBOOK.equals(o.type);
        for (String code : o.codes) {
            boolean valid = orderbook ? MarketCodes.isValidOrderbookCode(code) : MarketCodes.isValid(code);
            if (!valid) {
                throw new RequestException(ErrorNames.INVALID_PARAM, "invalid code " + code);
            }
            if (orderbook && levels.unsupported() == UnsupportedLevel.ERROR_INVALID_PARAM
                    && !levels.supported(MarketCodes.bare(code), o.level)) {
                throw new RequestException(ErrorNames.INVALID_PARAM, "level " + o.level.toPlainString()
                        + " is not supported by " + MarketCodes.bare(code));
            }
        }
        return new Subscription(o.type, o.codes, onlySnapshot, onlyRealtime, o.level);
    }

    private Subscription privateType(RawObject o, boolean onlySnapshot, boolean onlyRealtime)
            throws RequestException {
        if (DataTypes.MY_ASSET.equals(o.type) && o.hasCodes) {
            throw new RequestException(ErrorNames.WRONG_FORMAT, "myAsset takes no codes");
        }
        if (o.hasCodes) {
            if (o.invalidCodes) {
                throw new RequestException(ErrorNames.INVALID_PARAM, "codes must be an array of strings");
            }
            for (String code : o.codes) {
                if (!MarketCodes.isValid(code)) {
                    throw new RequestException(ErrorNames.INVALID_PARAM, "invalid code " + code);
                }
            }
        }
        requirePrivatePath();
        return new Subscription(o.type, o.hasCodes ? o.codes : List.of(), onlySnapshot, onlyRealtime, null);
    }

    /**
     * {@code announcement}: optional {@code categories} (Upbit's values only; an empty list means all, as omitting
     * it) and {@code include_body}; {@code codes} and the snapshot flags are ignored.
     */
    private Subscription announcement(RawObject o) throws RequestException {
        List<String> categories = null;
        if (o.categories != null) {
            if (!(o.categories instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                throw new RequestException(ErrorNames.WRONG_FORMAT, "categories must be an array of strings");
            }
            categories = list.stream().map(String.class::cast).toList();
            for (String category : categories) {
                if (!announcementCategories.contains(category)) {
                    throw new RequestException(ErrorNames.INVALID_PARAM, "unsupported category " + category);
                }
            }
        }
        if (o.includeBody != null && !(o.includeBody instanceof Boolean)) {
            throw new RequestException(ErrorNames.WRONG_FORMAT, "include_body must be a boolean");
        }
        requirePrivatePath();
        return new Subscription(o.type, List.of(), false, false, null, categories, (Boolean) o.includeBody, null,
                List.of());
    }

    /**
     * {@code indicator} and {@code indicator_signal}, on the info path only: {@code codes} (any strings: a code
     * that is no KRW market silently gets nothing, as Upbit documents), {@code timeframe} and {@code indicators}
     * ({@link IndicatorRules}); the snapshot flags and {@code level} are ignored.
     */
    private Subscription indicatorType(RawObject o) throws RequestException {
        if (endpoint != Endpoint.INFO) {
            throw new RequestException(ErrorNames.INVALID_PARAM,
                    o.type + " is served on " + SimulatorSettings.INFO_PATH);
        }
        if (!o.hasCodes) {
            throw new RequestException(ErrorNames.NO_CODES, "codes is missing");
        }
        if (o.invalidCodes) {
            throw new RequestException(ErrorNames.WRONG_FORMAT, "codes must be an array of strings");
        }
        if (o.codes.isEmpty()) {
            throw new RequestException(ErrorNames.INVALID_PARAM, "codes is empty");
        }
        if (o.timeframe == null) {
            throw new RequestException(ErrorNames.INVALID_PARAM, "timeframe is missing");
        }
        if (!(o.timeframe instanceof String timeframe)) {
            throw new RequestException(ErrorNames.WRONG_FORMAT, "timeframe must be a string");
        }
        if (Timeframe.byName(timeframe) == null) {
            throw new RequestException(ErrorNames.INVALID_PARAM, "unsupported timeframe " + timeframe);
        }
        List<IndicatorRequest> indicators =
                IndicatorRules.read(DataTypes.INDICATOR_SIGNAL.equals(o.type), o.indicators);
        return new Subscription(o.type, o.codes, false, false, null, null, null, timeframe, indicators);
    }

    private void requirePrivatePath() throws RequestException {
        if (endpoint != Endpoint.PRIVATE) {
            throw new RequestException(ErrorNames.INVALID_AUTH,
                    "private types need the authenticated private endpoint");
        }
    }

    private static Format format(RawObject o) throws RequestException {
        if (o == null) {
            return null;
        }
        Format format = Format.byName(o.format);
        if (format == null) {
            throw new RequestException(ErrorNames.INVALID_PARAM, "unknown format");
        }
        return format;
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static List<RawObject> readArray(String text) throws IOException, RequestException {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new RequestException(ErrorNames.WRONG_FORMAT, "a request is a JSON array");
            }
            List<RawObject> objects = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw new RequestException(ErrorNames.WRONG_FORMAT, "every element must be an object");
                }
                objects.add(readObject(p));
            }
            if (p.nextToken() != null) {
                throw new RequestException(ErrorNames.WRONG_FORMAT, "content after the array");
            }
            if (objects.isEmpty()) {
                throw new RequestException(ErrorNames.WRONG_FORMAT, "empty request");
            }
            return objects;
        }
    }

    private static RawObject readObject(JsonParser p) throws IOException {
        RawObject o = new RawObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "ticket" -> {
                    o.hasTicket = true;
                    // Older docs typed the ticket as a number; accept both.
                    o.ticket = value == JsonToken.VALUE_STRING || value.isNumeric() ? p.getText() : null;
                }
                case "type" -> {
                    if (value != JsonToken.VALUE_NULL) {
                        o.hasType = true;
                        o.type = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    }
                }
                case "codes" -> readCodes(p, value, o);
                case "is_only_snapshot" -> o.onlySnapshot = readFlag(p, value, o);
                case "is_only_realtime" -> o.onlyRealtime = readFlag(p, value, o);
                case "isOnlySnapshot" -> o.camelOnlySnapshot = readCamelFlag(p, value);
                case "isOnlyRealtime" -> o.camelOnlyRealtime = readCamelFlag(p, value);
                case "level" -> readLevel(p, value, o);
                case "categories" -> o.categories = JsonValues.read(p, value);
                case "include_body" -> o.includeBody = JsonValues.read(p, value);
                case "timeframe" -> o.timeframe = JsonValues.read(p, value);
                case "indicators" -> o.indicators = JsonValues.read(p, value);
                case "format" -> {
                    o.hasFormat = true;
                    o.format = value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                case "method" -> {
                    o.hasMethod = true;
                    o.method = value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                default -> {
                    // unknown fields are ignored, as Upbit's clients are told to do the other way round
                }
            }
            p.skipChildren();
        }
        return o;
    }

    private static void readCodes(JsonParser p, JsonToken value, RawObject o) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return; // same as absent
        }
        o.hasCodes = true;
        if (value != JsonToken.START_ARRAY) {
            o.invalidCodes = true;
            return;
        }
        List<String> codes = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.VALUE_STRING) {
                codes.add(p.getText());
            } else {
                o.invalidCodes = true;
                p.skipChildren();
            }
        }
        o.codes = codes;
    }

    private static Boolean readFlag(JsonParser p, JsonToken value, RawObject o) {
        if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
            return value == JsonToken.VALUE_TRUE;
        }
        if (value != JsonToken.VALUE_NULL) {
            o.invalidFlag = true;
        }
        return null;
    }

    private static Boolean readCamelFlag(JsonParser p, JsonToken value) {
        // Legacy flags are never validated: when not honoured they are unknown fields.
        return value == JsonToken.VALUE_TRUE ? Boolean.TRUE : null;
    }

    private static void readLevel(JsonParser p, JsonToken value, RawObject o) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value.isNumeric()) {
            o.level = p.getDecimalValue();
        } else if (value == JsonToken.VALUE_STRING) {
            // The doc's text calls level a numeric string: accept one.
            try {
                o.level = new BigDecimal(p.getText().strip());
            } catch (NumberFormatException e) {
                o.invalidLevel = true;
            }
        } else {
            o.invalidLevel = true;
        }
    }

    private enum Kind { DATA, TICKET, METHOD, FORMAT }

    /** The fields of one request object, as read. */
    private static final class RawObject {
        boolean hasTicket;
        String ticket;
        boolean hasType;
        String type;
        boolean hasCodes;
        boolean invalidCodes;
        List<String> codes = List.of();
        Boolean onlySnapshot;
        Boolean onlyRealtime;
        Boolean camelOnlySnapshot;
        Boolean camelOnlyRealtime;
        boolean invalidFlag;
        BigDecimal level;
        boolean invalidLevel;
        /** The newer fields as JSON values, checked by type after reading; {@code null} when absent or null. */
        Object categories;
        Object includeBody;
        Object timeframe;
        Object indicators;
        boolean hasFormat;
        String format;
        boolean hasMethod;
        String method;

        Kind kind() {
            if (hasType) {
                return Kind.DATA;
            }
            if (hasTicket) {
                return Kind.TICKET;
            }
            if (hasMethod) {
                return Kind.METHOD;
            }
            if (hasFormat) {
                return Kind.FORMAT;
            }
            return Kind.DATA;
        }
    }
}
