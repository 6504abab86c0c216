package io.camelupbit.test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.camelupbit.test.IndicatorKind.BOLLINGER_BANDS;
import static io.camelupbit.test.IndicatorKind.MACD;
import static io.camelupbit.test.IndicatorKind.MA_CROSSOVER;
import static io.camelupbit.test.IndicatorKind.MOVING_AVERAGE;
import static io.camelupbit.test.IndicatorKind.RSI;
import static io.camelupbit.test.IndicatorKind.VOLUME;
import static io.camelupbit.test.SignalTrigger.DEAD_CROSS;
import static io.camelupbit.test.SignalTrigger.GOLDEN_CROSS;
import static io.camelupbit.test.SignalTrigger.OVERBOUGHT;
import static io.camelupbit.test.SignalTrigger.OVERSOLD;
import static io.camelupbit.test.SignalTrigger.PRICE_CROSS_ABOVE;
import static io.camelupbit.test.SignalTrigger.PRICE_CROSS_BELOW;
import static io.camelupbit.test.SignalTrigger.VOLUME_SPIKE;
import static io.camelupbit.test.SignalTrigger.ZERO_CROSS_ABOVE;
import static io.camelupbit.test.SignalTrigger.ZERO_CROSS_BELOW;

/**
 * What Upbit accepts in {@code indicators}: the closed sets of research-new-streams.md §b.2 for {@code indicator}
 * and the narrower ones of §b.3 for {@code indicator_signal}, with its triggers and their {@code event_params}.
 * Every param is required (no defaults are documented); params of another indicator, unknown triggers and event
 * params a trigger does not take are {@code INVALID_PARAM}, a text where a number goes (or the reverse) is
 * {@code WRONG_FORMAT}.
 */
final class IndicatorRules {

    /** Most combinations (codes x indicators, summed over the message's indicator objects) one message may ask. */
    static final int MAX_COMBINATIONS = 100;

    private static final Map<IndicatorKind, Set<Map<IndicatorParamKey, Object>>> INDICATOR = Map.of(
            VOLUME, periods(5, 10, 15, 20, 25, 30, 35, 40, 45, 50),
            RSI, periods(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 21, 25),
            MOVING_AVERAGE, typedPeriods(3, 5, 7, 10, 15, 20, 25, 30, 50, 60, 90, 99, 100, 120, 200),
            MA_CROSSOVER, crossovers(),
            BOLLINGER_BANDS, bands(new int[] {10, 20, 50}, "1.0", "1.5", "2.0", "2.5", "3.0"),
            MACD, macd());

    private static final Map<IndicatorKind, Set<Map<IndicatorParamKey, Object>>> SIGNAL = Map.of(
            VOLUME, periods(10, 20, 50),
            RSI, periods(7, 9, 14, 21, 25),
            MOVING_AVERAGE, typedPeriods(5, 10, 20, 30, 60, 90, 120, 200),
            MA_CROSSOVER, crossovers(),
            BOLLINGER_BANDS, bands(new int[] {20}, "1.5", "2.0", "2.5"),
            MACD, macd());

    /** Per indicator, its triggers and the event params each accepts (the empty map: none). */
    private static final Map<IndicatorKind, Map<SignalTrigger, Set<Map<EventParamKey, BigDecimal>>>> TRIGGERS =
            Map.of(
                    VOLUME, Map.of(VOLUME_SPIKE, eventParams(EventParamKey.MULTIPLIER, "2.0", "3.0", "5.0")),
                    RSI, Map.of(OVERBOUGHT, eventParams(EventParamKey.THRESHOLD, "70", "80"),
                            OVERSOLD, eventParams(EventParamKey.THRESHOLD, "20", "30")),
                    MOVING_AVERAGE, withoutParams(PRICE_CROSS_ABOVE, PRICE_CROSS_BELOW),
                    MA_CROSSOVER, withoutParams(GOLDEN_CROSS, DEAD_CROSS),
                    BOLLINGER_BANDS, withoutParams(PRICE_CROSS_ABOVE, PRICE_CROSS_BELOW),
                    MACD, withoutParams(GOLDEN_CROSS, DEAD_CROSS, ZERO_CROSS_ABOVE, ZERO_CROSS_BELOW));

    private IndicatorRules() {
    }

    /**
     * Reads and validates the {@code indicators} of one object, as parsed into JSON values (maps, lists,
     * {@link BigDecimal}s, strings, booleans; {@code null} when absent).
     *
     * @param signal whether the object is an {@code indicator_signal}
     */
    static List<IndicatorRequest> read(boolean signal, Object indicators) throws RequestException {
        if (indicators == null) {
            throw invalid("indicators is missing");
        }
        if (!(indicators instanceof List<?> list)) {
            throw new RequestException(ErrorNames.WRONG_FORMAT, "indicators must be an array");
        }
        if (list.isEmpty()) {
            throw invalid("indicators is empty");
        }
        List<IndicatorRequest> requests = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> object)) {
                throw new RequestException(ErrorNames.WRONG_FORMAT, "every indicator must be an object");
            }
            // A trigger on an indicator (not a signal) is an unknown field there: ignored.
            IndicatorRequest request = new IndicatorRequest(text(object, "type"), object(object, "params", true),
                    signal ? text(object, "trigger") : null, signal ? object(object, "event_params", false) : null);
            choice(signal, request);
            requests.add(request);
        }
        return requests;
    }

    /** The normalised combination of a request; {@link #read} has validated it when it was accepted. */
    static IndicatorChoice choice(boolean signal, IndicatorRequest request) throws RequestException {
        IndicatorKind kind = IndicatorKind.byName(request.type());
        if (kind == null) {
            throw invalid("unknown indicator " + request.type());
        }
        Map<IndicatorParamKey, Object> params = new EnumMap<>(IndicatorParamKey.class);
        for (Map.Entry<String, Object> e : request.params().entrySet()) {
            IndicatorParamKey key = IndicatorParamKey.byName(e.getKey());
            if (key == null || !kind.params().contains(key)) {
                throw invalid(kind.wireName() + " takes no param " + e.getKey());
            }
            params.put(key, key.value().normalise(e.getKey(), e.getValue()));
        }
        if (params.size() < kind.params().size()) {
            throw invalid(kind.wireName() + " needs the params " + kind.params().stream().map(Key::full).toList());
        }
        if (!(signal ? SIGNAL : INDICATOR).get(kind).contains(params)) {
            throw invalid("unsupported " + kind.wireName() + " params " + request.params());
        }
        IndicatorSpec spec = new IndicatorSpec(kind, params);
        if (!signal) {
            return new IndicatorChoice(spec, null, Map.of());
        }
        SignalTrigger trigger = SignalTrigger.byName(request.trigger());
        Set<Map<EventParamKey, BigDecimal>> allowed = trigger == null ? null : TRIGGERS.get(kind).get(trigger);
        if (allowed == null) {
            throw invalid("trigger " + request.trigger() + " is not supported by " + kind.wireName());
        }
        Map<EventParamKey, BigDecimal> eventParams = new EnumMap<>(EventParamKey.class);
        if (request.eventParams() != null) {
            for (Map.Entry<String, Object> e : request.eventParams().entrySet()) {
                EventParamKey key = EventParamKey.byName(e.getKey());
                if (key == null) {
                    throw invalid("unknown event param " + e.getKey());
                }
                eventParams.put(key, (BigDecimal) key.value().normalise(e.getKey(), e.getValue()));
            }
        }
        if (!allowed.contains(eventParams)) {
            throw invalid("unsupported event_params " + request.eventParams() + " for " + trigger.wireName());
        }
        return new IndicatorChoice(spec, trigger, eventParams);
    }

    /** The choice of a request this class accepted earlier, which cannot fail. */
    static IndicatorChoice accepted(boolean signal, IndicatorRequest request) {
        try {
            return choice(signal, request);
        } catch (RequestException e) {
            throw new IllegalStateException("an accepted request no longer validates: " + request, e);
        }
    }

    private static String text(Map<?, ?> object, String name) throws RequestException {
        Object value = object.get(name);
        if (value == null) {
            throw invalid(name + " is missing");
        }
        if (!(value instanceof String s)) {
            throw new RequestException(ErrorNames.WRONG_FORMAT, name + " must be a string");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<?, ?> object, String name, boolean required)
            throws RequestException {
        Object value = object.get(name);
        if (value == null) {
            if (required) {
                throw invalid(name + " is missing");
            }
            return null;
        }
        if (!(value instanceof Map)) {
            throw new RequestException(ErrorNames.WRONG_FORMAT, name + " must be an object");
        }
        return (Map<String, Object>) value;
    }

    private static RequestException invalid(String message) {
        return new RequestException(ErrorNames.INVALID_PARAM, message);
    }

    private static Set<Map<IndicatorParamKey, Object>> periods(int... periods) {
        Set<Map<IndicatorParamKey, Object>> set = new HashSet<>();
        for (int p : periods) {
            set.add(Map.of(IndicatorParamKey.PERIOD, BigDecimal.valueOf(p)));
        }
        return Set.copyOf(set);
    }

    private static Set<Map<IndicatorParamKey, Object>> typedPeriods(int... periods) {
        Set<Map<IndicatorParamKey, Object>> set = new HashSet<>();
        for (String type : List.of("SMA", "EMA")) {
            for (int p : periods) {
                set.add(Map.of(IndicatorParamKey.TYPE, type, IndicatorParamKey.PERIOD, BigDecimal.valueOf(p)));
            }
        }
        return Set.copyOf(set);
    }

    private static Set<Map<IndicatorParamKey, Object>> crossovers() {
        Set<Map<IndicatorParamKey, Object>> set = new HashSet<>();
        int[][] pairs = {{5, 20}, {20, 60}, {30, 90}, {50, 200}};
        for (String type : List.of("SMA", "EMA")) {
            for (int[] pair : pairs) {
                set.add(Map.of(IndicatorParamKey.TYPE, type, IndicatorParamKey.SHORT_PERIOD,
                        BigDecimal.valueOf(pair[0]), IndicatorParamKey.LONG_PERIOD, BigDecimal.valueOf(pair[1])));
            }
        }
        return Set.copyOf(set);
    }

    private static Set<Map<IndicatorParamKey, Object>> bands(int[] periods, String... multipliers) {
        Set<Map<IndicatorParamKey, Object>> set = new HashSet<>();
        for (int p : periods) {
            for (String m : multipliers) {
                set.add(Map.of(IndicatorParamKey.PERIOD, BigDecimal.valueOf(p), IndicatorParamKey.MULTIPLIER,
                        new BigDecimal(m)));
            }
        }
        return Set.copyOf(set);
    }

    private static Set<Map<IndicatorParamKey, Object>> macd() {
        Set<Map<IndicatorParamKey, Object>> set = new HashSet<>();
        int[][] combinations = {{12, 26, 9}, {8, 17, 9}, {5, 35, 5}};
        for (int[] c : combinations) {
            set.add(Map.of(IndicatorParamKey.FAST, BigDecimal.valueOf(c[0]), IndicatorParamKey.SLOW,
                    BigDecimal.valueOf(c[1]), IndicatorParamKey.SIGNAL_PERIOD, BigDecimal.valueOf(c[2])));
        }
        return Set.copyOf(set);
    }

    private static Set<Map<EventParamKey, BigDecimal>> eventParams(EventParamKey key, String... values) {
        Set<Map<EventParamKey, BigDecimal>> set = new HashSet<>();
        for (String v : values) {
            set.add(Map.of(key, new BigDecimal(v)));
        }
        return Set.copyOf(set);
    }

    private static Map<SignalTrigger, Set<Map<EventParamKey, BigDecimal>>> withoutParams(SignalTrigger... triggers) {
        Map<SignalTrigger, Set<Map<EventParamKey, BigDecimal>>> map = new LinkedHashMap<>();
        for (SignalTrigger t : triggers) {
            map.put(t, Set.of(Map.of()));
        }
        return Map.copyOf(map);
    }
}
