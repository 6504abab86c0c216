package io.camelupbit.rest;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.SmpType;
import io.camelupbit.event.TimeInForce;
import io.camelupbit.trading.Balance;
import io.camelupbit.trading.MarketInfo;
import io.camelupbit.trading.Order;
import io.camelupbit.trading.OrderChance;
import io.camelupbit.trading.OrderRules;
import io.camelupbit.trading.OrderTrade;
import io.camelupbit.wire.UpbitError;

/**
 * Reads Upbit's REST answers into records. Amounts come as JSON strings or numbers and keep their text exactly
 * ({@code "1000000.0"} stays at scale 1). An answer that is not what Upbit documents fails with an
 * {@link IllegalArgumentException} naming the field, never quoting a value (answers hold balances and orders).
 * REST answers are few and small: they are read into a small tree first, unlike the WebSocket's frames.
 */
public final class RestJson {

    /** Longest number text accepted, as for the WebSocket. */
    private static final int MAX_NUMBER_LENGTH = 100;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
            .build();

    private RestJson() {
    }

    /** {@code GET /v1/accounts}. */
    public static List<Balance> balances(String json) {
        return list(json, "accounts", RestJson::balance);
    }

    /** An order: {@code POST /v1/orders}, {@code /v1/orders/test}, {@code DELETE} and {@code GET /v1/order}. */
    public static Order order(String json) {
        return order(object(read(json), "order"));
    }

    /** A list of orders: {@code GET /v1/orders/open} and {@code /v1/orders/closed}. */
    public static List<Order> orders(String json) {
        return list(json, "orders", RestJson::order);
    }

    /** {@code GET /v1/orders/chance}. */
    public static OrderChance chance(String json) {
        Map<String, Object> o = object(read(json), "chance");
        Map<String, Object> market = object(o.get("market"), "market");
        Map<String, Object> bid = object(market.get("bid"), "market.bid");
        Map<String, Object> ask = object(market.get("ask"), "market.ask");
        return new OrderChance(decimal(o, "bid_fee"), decimal(o, "ask_fee"), decimal(o, "maker_bid_fee"),
                decimal(o, "maker_ask_fee"),
                new OrderRules(text(market, "id"), text(market, "name"), texts(market, "order_types"),
                        texts(market, "order_sides"), texts(market, "bid_types"), texts(market, "ask_types"),
                        text(bid, "currency"), decimal(bid, "min_total"), text(ask, "currency"),
                        decimal(ask, "min_total"), decimal(market, "max_total"), text(market, "state")),
                balance(object(o.get("bid_account"), "bid_account")),
                balance(object(o.get("ask_account"), "ask_account")));
    }

    /** {@code GET /v1/market/all}, with or without {@code is_details}. */
    public static List<MarketInfo> markets(String json) {
        return list(json, "markets", o -> {
            Boolean warning = null;
            Map<String, Boolean> cautions = new LinkedHashMap<>();
            if (o.get("market_event") != null) {
                Map<String, Object> event = object(o.get("market_event"), "market_event");
                warning = bool(event, "warning");
                if (event.get("caution") != null) {
                    Map<String, Object> caution = object(event.get("caution"), "market_event.caution");
                    caution.keySet().forEach(name -> cautions.put(name, bool(caution, name)));
                }
            }
            return new MarketInfo(required(o, "market"), text(o, "korean_name"), text(o, "english_name"), warning,
                    cautions);
        });
    }

    /** Upbit's error answer {@code {"error":{"name":...,"message":...}}}, or {@code null} when the text is not one. */
    public static UpbitError error(String json) {
        try {
            Object root = read(json);
            if (root instanceof Map<?, ?> map && map.get("error") instanceof Map<?, ?> error
                    && error.get("name") instanceof String name) {
                return new UpbitError(name, error.get("message") instanceof String m ? m : null);
            }
        } catch (IllegalArgumentException e) {
            // not JSON: no error object
        }
        return null;
    }

    private static Balance balance(Map<String, Object> o) {
        return new Balance(text(o, "currency"), decimal(o, "balance"), decimal(o, "locked"),
                decimal(o, "avg_buy_price"), bool(o, "avg_buy_price_modified"), text(o, "unit_currency"));
    }

    private static Order order(Map<String, Object> o) {
        List<OrderTrade> trades = new ArrayList<>();
        if (o.get("trades") != null) {
            for (Object t : array(o.get("trades"), "trades")) {
                Map<String, Object> trade = object(t, "trades[]");
                trades.add(new OrderTrade(text(trade, "market"), text(trade, "uuid"), decimal(trade, "price"),
                        decimal(trade, "volume"), decimal(trade, "funds"), text(trade, "trend"),
                        time(trade, "created_at"), constant(trade, "side", s -> AskBid.of(s.toUpperCase(Locale.ROOT)))));
            }
        }
        return new Order(required(o, "uuid"), text(o, "market"),
                constant(o, "side", s -> AskBid.of(s.toUpperCase(Locale.ROOT))), constant(o, "ord_type", OrderType::of),
                decimal(o, "price"), constant(o, "state", OrderState::of), time(o, "created_at"), decimal(o, "volume"),
                decimal(o, "remaining_volume"), decimal(o, "reserved_fee"), decimal(o, "remaining_fee"),
                decimal(o, "paid_fee"), decimal(o, "locked"), decimal(o, "executed_volume"),
                decimal(o, "executed_funds"), integer(o, "trades_count"), constant(o, "time_in_force", TimeInForce::of),
                text(o, "identifier"), constant(o, "smp_type", SmpType::of), decimal(o, "prevented_volume"),
                decimal(o, "prevented_locked"), trades);
    }

    private static <T> List<T> list(String json, String what, Function<Map<String, Object>, T> each) {
        List<T> out = new ArrayList<>();
        for (Object item : array(read(json), what)) {
            out.add(each.apply(object(item, what + "[]")));
        }
        return out;
    }

    private static String required(Map<String, Object> o, String key) {
        String value = text(o, key);
        if (value == null) {
            throw new IllegalArgumentException("Upbit's answer has no " + key);
        }
        return value;
    }

    private static String text(Map<String, Object> o, String key) {
        Object value = o.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException("Upbit's " + key + " must be a string");
    }

    private static List<String> texts(Map<String, Object> o, String key) {
        List<String> out = new ArrayList<>();
        if (o.get(key) != null) {
            for (Object item : array(o.get(key), key)) {
                if (!(item instanceof String s)) {
                    throw new IllegalArgumentException("Upbit's " + key + " must hold strings");
                }
                out.add(s);
            }
        }
        return out;
    }

    /** A number written as a number or as a string, kept exactly as written. */
    private static BigDecimal decimal(Map<String, Object> o, String key) {
        Object value = o.get(key);
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof String s && s.length() <= MAX_NUMBER_LENGTH) {
            try {
                BigDecimal d = new BigDecimal(s);
                if (Math.abs(d.scale()) <= MAX_NUMBER_LENGTH) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below without the value
            }
        }
        throw new IllegalArgumentException("Upbit's " + key + " must be a number");
    }

    private static Integer integer(Map<String, Object> o, String key) {
        BigDecimal value = decimal(o, key);
        try {
            return value == null ? null : value.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Upbit's " + key + " must be an integer");
        }
    }

    private static Boolean bool(Map<String, Object> o, String key) {
        Object value = o.get(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new IllegalArgumentException("Upbit's " + key + " must be a boolean");
    }

    private static OffsetDateTime time(Map<String, Object> o, String key) {
        String value = text(o, key);
        try {
            return value == null ? null : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Upbit's " + key + " must be an ISO date-time with offset");
        }
    }

    private static <E> E constant(Map<String, Object> o, String key, Function<String, E> of) {
        String value = text(o, key);
        return value == null ? null : of.apply(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("Upbit's " + what + " must be an object");
    }

    private static List<?> array(Object value, String what) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("Upbit's " + what + " must be an array");
    }

    /** The answer as maps, lists, strings, decimals (exact text), booleans and nulls. */
    private static Object read(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("Upbit's answer is empty");
            }
            Object value = value(p, first);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("Upbit's answer has content after its JSON value");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("Upbit's answer is not well-formed JSON");
        }
    }

    private static Object value(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(value(p, t));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getTextLength() <= MAX_NUMBER_LENGTH
                    ? new BigDecimal(p.getText()) : p.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }
}
