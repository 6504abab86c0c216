package io.camelupbit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import io.camelupbit.event.IndicatorParams;
import io.camelupbit.event.IndicatorType;
import io.camelupbit.event.MovingAverageType;
import io.camelupbit.event.SignalParams;
import io.camelupbit.event.SignalTrigger;
import io.camelupbit.wire.IndicatorChoice;
import io.camelupbit.wire.IndicatorRules;

/**
 * Reads the {@code indicators} option: comma-separated indicators, each its Upbit name with optional parameters in
 * parentheses, e.g. {@code rsi(period=14),macd,moving_average(type=EMA,period=50)}. Omitted parameters take the
 * textbook defaults (Upbit has none); signals name their {@code trigger} and its {@code threshold} or
 * {@code multiplier}. Every value is checked against {@link IndicatorRules}: Upbit closes the connection on a value it
 * does not support.
 */
final class IndicatorsOption {

    static final String OPTION = "indicators";
    static final String NAMES = "volume,rsi,moving_average,ma_crossover,bollinger_bands,macd";

    private IndicatorsOption() {
    }

    /**
     * @param signal whether for {@code indicator_signal} (narrower values, a trigger each)
     * @throws IllegalArgumentException naming the option, the value and the allowed values
     */
    static List<IndicatorChoice> parse(String text, boolean signal) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Option indicators is required for upbit:"
                    + (signal ? "indicator_signal" : "indicator") + ": give one or more of " + NAMES
                    + (signal ? ", each with its trigger, e.g. indicators=rsi(period=14,trigger=overbought)"
                            : ", e.g. indicators=rsi(period=14),macd"));
        }
        List<IndicatorChoice> choices = new ArrayList<>();
        for (String item : split(text.trim())) {
            IndicatorChoice choice = choice(item, signal);
            if (choices.contains(choice)) {
                throw new IllegalArgumentException("Option indicators names " + choice + " twice");
            }
            choices.add(choice);
        }
        return choices;
    }

    /** Splits at the commas outside parentheses. */
    private static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(text.substring(start, i).trim());
                start = i + 1;
            }
            if (depth < 0 || depth > 1) {
                throw malformed(text);
            }
        }
        if (depth != 0) {
            throw malformed(text);
        }
        items.add(text.substring(start).trim());
        return items;
    }

    private static IllegalArgumentException malformed(String text) {
        return new IllegalArgumentException("Option indicators is malformed: '" + text + "': write name or "
                + "name(key=value,...), comma-separated, e.g. rsi(period=14),macd");
    }

    private static IndicatorChoice choice(String item, boolean signal) {
        int open = item.indexOf('(');
        if (open >= 0 && !item.endsWith(")")) {
            throw malformed(item);
        }
        String name = (open < 0 ? item : item.substring(0, open)).trim();
        IndicatorType indicator = IndicatorType.of(name);
        if (indicator == IndicatorType.UNKNOWN) {
            throw new IllegalArgumentException("Option indicators has an unknown indicator '" + name
                    + "': use one of " + NAMES);
        }
        Args args = new Args(indicator, open < 0 ? "" : item.substring(open + 1, item.length() - 1));
        IndicatorParams params = switch (indicator) {
            case VOLUME, RSI -> {
                Integer period = args.period(signal, indicator == IndicatorType.VOLUME ? 20 : 14);
                yield new IndicatorParams(period, null, null, null, null, null, null, null);
            }
            case MOVING_AVERAGE -> {
                MovingAverageType type = args.maType();
                yield new IndicatorParams(args.period(signal, 20), type, null, null, null, null, null, null);
            }
            case MA_CROSSOVER -> {
                MovingAverageType type = args.maType();
                List<Integer> pair = args.combination(IndicatorRules.CROSSOVER_PAIRS, "shortPeriod", "longPeriod");
                yield new IndicatorParams(null, type, pair.get(0), pair.get(1), null, null, null, null);
            }
            case BOLLINGER_BANDS -> {
                Integer period = args.period(signal, 20);
                BigDecimal multiplier = args.decimal("multiplier", new BigDecimal("2.0"),
                        IndicatorRules.bandMultipliers(signal));
                yield new IndicatorParams(period, null, null, null, multiplier, null, null, null);
            }
            case MACD -> {
                List<Integer> t = args.combination(IndicatorRules.MACD_TRIPLES, "fast", "slow", "signalPeriod");
                yield new IndicatorParams(null, null, null, null, null, t.get(0), t.get(1), t.get(2));
            }
            case UNKNOWN -> throw new IllegalStateException();
        };
        SignalTrigger trigger = null;
        SignalParams eventParams = null;
        if (signal) {
            trigger = args.trigger();
            eventParams = switch (trigger) {
                case OVERBOUGHT, OVERSOLD -> new SignalParams(args.integer("threshold",
                        trigger == SignalTrigger.OVERBOUGHT ? 70 : 30, IndicatorRules.thresholds(trigger)), null);
                case VOLUME_SPIKE -> new SignalParams(null, args.decimal("multiplier", new BigDecimal("2.0"),
                        IndicatorRules.spikeMultipliers()));
                default -> SignalParams.NONE;
            };
        }
        args.checkAllUsed(signal);
        return new IndicatorChoice(indicator, params, trigger, eventParams);
    }

    /** The {@code key=value} pairs of one indicator; each is taken once, and what is left over is an error. */
    private static final class Args {
        private final IndicatorType indicator;
        private final Map<String, String> values = new LinkedHashMap<>();

        Args(IndicatorType indicator, String text) {
            this.indicator = indicator;
            if (text.isBlank()) {
                return;
            }
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("Option indicators has '" + pair.trim() + "' in "
                            + indicator.upbitName() + "(...): write key=value, e.g. period=14");
                }
                String key = camel(pair.substring(0, eq).trim());
                if (values.put(key, pair.substring(eq + 1).trim()) != null) {
                    throw new IllegalArgumentException("Option indicators sets " + key + " twice for "
                            + indicator.upbitName());
                }
            }
        }

        /** Upbit's snake_case keys are taken too, as its docs write them. */
        private static String camel(String key) {
            return switch (key) {
                case "short_period" -> "shortPeriod";
                case "long_period" -> "longPeriod";
                case "signal_period" -> "signalPeriod";
                default -> key;
            };
        }

        Integer period(boolean signal, int fallback) {
            return integer("period", fallback, IndicatorRules.periods(indicator, signal));
        }

        Integer integer(String key, int fallback, List<Integer> allowed) {
            String text = values.remove(key);
            if (text == null) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(text);
                if (allowed.contains(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below with the allowed values
            }
            throw notAllowed(key, text, allowed);
        }

        BigDecimal decimal(String key, BigDecimal fallback, List<BigDecimal> allowed) {
            String text = values.remove(key);
            if (text == null) {
                return fallback;
            }
            try {
                BigDecimal value = new BigDecimal(text);
                for (BigDecimal candidate : allowed) {
                    if (candidate.compareTo(value) == 0) {
                        // Upbit normalises 2 and 2.00 to 2.0 and echoes that
                        return value.setScale(1, RoundingMode.UNNECESSARY);
                    }
                }
            } catch (NumberFormatException e) {
                // reported below with the allowed values
            }
            StringJoiner names = new StringJoiner(",");
            allowed.forEach(d -> names.add(d.toPlainString()));
            throw notAllowed(key, text, names.toString());
        }

        MovingAverageType maType() {
            String text = values.remove("type");
            if (text == null) {
                return MovingAverageType.SMA;
            }
            MovingAverageType type = MovingAverageType.of(text.toUpperCase(Locale.ROOT));
            if (type == MovingAverageType.UNKNOWN) {
                throw notAllowed("type", text, "SMA,EMA");
            }
            return type;
        }

        /**
         * One of Upbit's fixed combinations (crossover pairs, macd triples): the first one agreeing with every key
         * given; none given, the first (the textbook one).
         */
        List<Integer> combination(List<List<Integer>> allowed, String... keys) {
            String[] given = new String[keys.length];
            for (int i = 0; i < keys.length; i++) {
                given[i] = values.remove(keys[i]);
            }
            for (List<Integer> candidate : allowed) {
                boolean fits = true;
                for (int i = 0; i < keys.length; i++) {
                    fits &= given[i] == null || given[i].equals(String.valueOf(candidate.get(i)));
                }
                if (fits) {
                    return candidate;
                }
            }
            StringJoiner got = new StringJoiner(",");
            StringJoiner options = new StringJoiner(" or ");
            for (int i = 0; i < keys.length; i++) {
                if (given[i] != null) {
                    got.add(keys[i] + "=" + given[i]);
                }
            }
            for (List<Integer> candidate : allowed) {
                StringJoiner one = new StringJoiner("/");
                candidate.forEach(n -> one.add(String.valueOf(n)));
                options.add(one.toString());
            }
            throw new IllegalArgumentException("Option indicators has an unsupported " + indicator.upbitName() + " "
                    + got + ": Upbit supports " + String.join("/", keys) + " " + options + " only");
        }

        SignalTrigger trigger() {
            String text = values.remove("trigger");
            List<SignalTrigger> allowed = IndicatorRules.triggers(indicator);
            StringJoiner names = new StringJoiner(",");
            allowed.forEach(t -> names.add(t.upbitName()));
            if (text == null) {
                throw new IllegalArgumentException("Option indicators needs a trigger for " + indicator.upbitName()
                        + " on upbit:indicator_signal: use one of " + names + ", e.g. " + indicator.upbitName()
                        + "(trigger=" + allowed.get(0).upbitName() + ")");
            }
            SignalTrigger trigger = SignalTrigger.of(text);
            if (!allowed.contains(trigger)) {
                throw notAllowed("trigger", text, names.toString());
            }
            return trigger;
        }

        void checkAllUsed(boolean signal) {
            if (!values.isEmpty()) {
                String key = values.keySet().iterator().next();
                throw new IllegalArgumentException("Option indicators has an unknown key '" + key + "' for "
                        + indicator.upbitName() + (signal ? " on upbit:indicator_signal" : " on upbit:indicator")
                        + ": use " + keys(signal));
            }
        }

        private String keys(boolean signal) {
            String own = switch (indicator) {
                case VOLUME, RSI -> "period";
                case MOVING_AVERAGE -> "type,period";
                case MA_CROSSOVER -> "type,shortPeriod,longPeriod";
                case BOLLINGER_BANDS -> "period,multiplier";
                case MACD -> "fast,slow,signalPeriod";
                case UNKNOWN -> "";
            };
            if (!signal) {
                return own;
            }
            return own + ",trigger" + switch (indicator) {
                case RSI -> ",threshold";
                case VOLUME -> ",multiplier";
                default -> "";
            };
        }

        private IllegalArgumentException notAllowed(String key, String value, List<Integer> allowed) {
            StringJoiner names = new StringJoiner(",");
            allowed.forEach(n -> names.add(String.valueOf(n)));
            return notAllowed(key, value, names.toString());
        }

        private IllegalArgumentException notAllowed(String key, String value, String allowed) {
            return new IllegalArgumentException("Option indicators has an invalid " + key + " '" + value + "' for "
                    + indicator.upbitName() + ": use one of " + allowed);
        }
    }
}
