package io.camelupbit.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of {@link SimulatorMain}, parsed. Every flag has a default, so an empty command line is valid;
 * {@link #parse} throws an {@link IllegalArgumentException} whose message names the flag and its allowed form.
 *
 * @param port                 the port on 127.0.0.1, 0 for any free one
 * @param seed                 the seed of the market model
 * @param markets              the markets created at start (others are created when first subscribed)
 * @param speed                the simulated clock's speed relative to the wall clock
 * @param tickInterval         simulated time between trades, per market
 * @param apiKeys              access key to secret key, for the private endpoints and REST
 * @param connectLimitPerSecond accepted handshakes per rolling second
 * @param messagesPerSecond    request messages per rolling second, per connection
 * @param messagesPerMinute    request messages per rolling minute, per connection
 * @param overLimit            what a message over those limits gets
 * @param closeAfterError      whether the socket is closed after an error frame
 * @param compression          whether permessage-deflate is accepted
 * @param fillRestingOrders     whether the market fills resting limit orders by itself
 * @param help                 whether {@code --help} was asked for
 */
record SimulatorOptions(
        int port,
        long seed,
        List<String> markets,
        double speed,
        Duration tickInterval,
        Map<String, String> apiKeys,
        int connectLimitPerSecond,
        int messagesPerSecond,
        int messagesPerMinute,
        OverLimitBehavior overLimit,
        boolean closeAfterError,
        boolean compression,
        boolean fillRestingOrders,
        boolean help) {

    /** The options of an empty command line: port 8080, seed 7 and otherwise the builder's (Upbit's) defaults. */
    static final SimulatorOptions DEFAULTS = new SimulatorOptions(8080, 7, List.of(), 1.0, Duration.ofMillis(200),
            Map.of(), 5, 5, 100, OverLimitBehavior.CLOSE_1008, false, true, false, false);

    SimulatorOptions {
        markets = List.copyOf(markets);
        apiKeys = Collections.unmodifiableMap(new LinkedHashMap<>(apiKeys));
    }

    /** The flags, in the order {@link #usage()} lists them. */
    enum Flag {
        PORT("--port", "N", "an integer from 0 to 65535",
                "port on 127.0.0.1; 0 picks a free one (default 8080)"),
        SEED("--seed", "N", "an integer", "seed of the market model: same seed, same trades (default 7)"),
        MARKETS("--markets", "CODE,...", "market codes like KRW-BTC,KRW-ETH",
                "markets created at start (default none: any code is created when subscribed)"),
        SPEED("--speed", "F", "a positive number like 10 or 0.5",
                "simulated seconds per wall-clock second (default 1)"),
        TICK_INTERVAL("--tick-interval-ms", "N", "a positive integer (milliseconds)",
                "simulated time between trades per market (default 200)"),
        KEYS("--keys", "ACCESS:SECRET", "an access key and its secret key joined by ':'",
                "an API key for the private and info paths and REST; repeatable (default none)"),
        CONNECT_LIMIT("--connect-limit-per-second", "N", "a positive integer",
                "accepted handshakes per rolling second, 429 beyond (default 5)"),
        MESSAGE_LIMITS("--message-limits", "PER_S,PER_MIN", "two positive integers like 5,100",
                "request messages per rolling second and minute per connection (default 5,100)"),
        OVER_LIMIT("--over-limit", "MODE", "close, error-frame or ignore",
                "a message over those limits: close (1008), error-frame or ignore (default close)"),
        CLOSE_AFTER_ERROR("--close-after-error", null, null,
                "close the socket after an error frame (default: keep it open)"),
        COMPRESSION("--compression", "on|off", "on or off",
                "accept permessage-deflate when a client offers it (default on)"),
        FILL_RESTING_ORDERS("--fill-resting-orders", null, null,
                "fill resting limit orders when trades reach their price (default off)"),
        HELP("--help", null, null, "print this help and exit (also -h)");

        final String name;
        /** The value's form in the usage text, null for a flag without a value. */
        final String valueForm;
        /** What a valid value is, in words, for error messages. */
        final String expected;
        final String description;

        Flag(String name, String valueForm, String expected, String description) {
            this.name = name;
            this.valueForm = valueForm;
            this.expected = expected;
            this.description = description;
        }

        boolean takesValue() {
            return valueForm != null;
        }

        /** The flag as typed, with its value's form: {@code --port N}. */
        String form() {
            return takesValue() ? name + " " + valueForm : name;
        }

        static Flag named(String name) {
            if ("-h".equals(name)) {
                return HELP;
            }
            return Arrays.stream(values()).filter(flag -> flag.name.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException((name.startsWith("-")
                            ? "unknown flag " + name : "unexpected argument '" + name + "'")
                            + ": the flags are " + names()));
        }

        private static String names() {
            return String.join(", ", Arrays.stream(values()).map(flag -> flag.name).toList());
        }

        IllegalArgumentException invalid(String value) {
            return new IllegalArgumentException(
                    "invalid value '" + value + "' for " + name + ": expected " + form() + ", " + expected);
        }
    }

    /**
     * Parses a command line: flags as {@code --flag value} or {@code --flag=value}, in any order, the last of a
     * repeated flag winning (except {@code --keys}, which adds a key each time).
     *
     * @throws IllegalArgumentException for an unknown flag, a missing or invalid value, naming the flag and its
     *                                  allowed form
     */
    static SimulatorOptions parse(String... args) {
        Draft draft = new Draft();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            boolean inline = arg.startsWith("--") && eq > 0;
            Flag flag = Flag.named(inline ? arg.substring(0, eq) : arg);
            String value = null;
            if (flag.takesValue()) {
                if (inline) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("missing value for " + flag.name + ": expected "
                            + flag.form() + ", " + flag.expected);
                }
            } else if (inline) {
                throw new IllegalArgumentException(flag.name + " takes no value: expected " + flag.form()
                        + ", got " + arg);
            }
            draft.set(flag, value);
        }
        return draft.options();
    }

    /** The help text: every flag with its default. */
    static String usage() {
        StringBuilder text = new StringBuilder()
                .append("Usage: java -jar camel-upbit-test-<version>-standalone.jar [flags]\n")
                .append("Runs the Upbit simulator (WebSocket and REST on one port of 127.0.0.1) until Ctrl+C.\n\n")
                .append("Flags:\n");
        int width = Arrays.stream(Flag.values()).mapToInt(flag -> flag.form().length()).max().orElse(0);
        for (Flag flag : Flag.values()) {
            text.append("  ").append(String.format("%-" + width + "s", flag.form())).append("  ")
                    .append(flag.description).append('\n');
        }
        return text.toString();
    }

    /** A simulator builder with these options; {@link UpbitSimulator.Builder#build()} and start it. */
    UpbitSimulator.Builder toBuilder() {
        UpbitSimulator.Builder builder = UpbitSimulator.builder()
                .port(port)
                .seed(seed)
                .markets(markets.toArray(String[]::new))
                .speed(speed)
                .tickInterval(tickInterval)
                .connectLimitPerSecond(connectLimitPerSecond)
                .messageLimits(messagesPerSecond, messagesPerMinute)
                .overLimit(overLimit)
                .closeAfterError(closeAfterError)
                .compression(compression)
                .fillRestingOrders(fillRestingOrders);
        apiKeys.forEach(builder::apiKey);
        return builder;
    }

    /** The options while they are parsed, starting from {@link #DEFAULTS}. */
    private static final class Draft {
        private int port = DEFAULTS.port;
        private long seed = DEFAULTS.seed;
        private List<String> markets = DEFAULTS.markets;
        private double speed = DEFAULTS.speed;
        private Duration tickInterval = DEFAULTS.tickInterval;
        private final Map<String, String> apiKeys = new LinkedHashMap<>(DEFAULTS.apiKeys);
        private int connectLimitPerSecond = DEFAULTS.connectLimitPerSecond;
        private int messagesPerSecond = DEFAULTS.messagesPerSecond;
        private int messagesPerMinute = DEFAULTS.messagesPerMinute;
        private OverLimitBehavior overLimit = DEFAULTS.overLimit;
        private boolean closeAfterError = DEFAULTS.closeAfterError;
        private boolean compression = DEFAULTS.compression;
        private boolean fillRestingOrders = DEFAULTS.fillRestingOrders;
        private boolean help;

        void set(Flag flag, String value) {
            switch (flag) {
                case PORT -> port = intIn(flag, value, 0, 65535);
                case SEED -> seed = longValue(flag, value);
                case MARKETS -> markets = marketCodes(flag, value);
                case SPEED -> speed = positiveDouble(flag, value);
                case TICK_INTERVAL -> tickInterval = Duration.ofMillis(intIn(flag, value, 1, Integer.MAX_VALUE));
                case KEYS -> addKey(flag, value);
                case CONNECT_LIMIT -> connectLimitPerSecond = intIn(flag, value, 1, Integer.MAX_VALUE);
                case MESSAGE_LIMITS -> messageLimits(flag, value);
                case OVER_LIMIT -> overLimit = overLimit(flag, value);
                case CLOSE_AFTER_ERROR -> closeAfterError = true;
                case COMPRESSION -> compression = onOff(flag, value);
                case FILL_RESTING_ORDERS -> fillRestingOrders = true;
                case HELP -> help = true;
                default -> throw new IllegalStateException("unhandled flag " + flag);
            }
        }

        SimulatorOptions options() {
            return new SimulatorOptions(port, seed, markets, speed, tickInterval, apiKeys, connectLimitPerSecond,
                    messagesPerSecond, messagesPerMinute, overLimit, closeAfterError, compression, fillRestingOrders,
                    help);
        }

        private void addKey(Flag flag, String value) {
            int colon = value.indexOf(':');
            // split at the first colon: an access key has none, a secret may
            if (colon < 1 || colon == value.length() - 1 || value.substring(0, colon).isBlank()) {
                throw flag.invalid(value);
            }
            apiKeys.put(value.substring(0, colon), value.substring(colon + 1));
        }

        private void messageLimits(Flag flag, String value) {
            String[] parts = value.split(",", -1);
            if (parts.length != 2) {
                throw flag.invalid(value);
            }
            int perSecond = intIn(flag, value, parts[0], 1, Integer.MAX_VALUE);
            int perMinute = intIn(flag, value, parts[1], 1, Integer.MAX_VALUE);
            messagesPerSecond = perSecond;
            messagesPerMinute = perMinute;
        }

        private static List<String> marketCodes(Flag flag, String value) {
            List<String> codes = new ArrayList<>();
            for (String code : value.split(",", -1)) {
                if (!MarketCodes.isValid(code.trim())) {
                    throw flag.invalid(value);
                }
                codes.add(code.trim());
            }
            return codes;
        }

        private static int intIn(Flag flag, String value, int min, int max) {
            return intIn(flag, value, value, min, max);
        }

        /** {@code part} of {@code value} as an int in [min, max]; the error shows the whole value. */
        private static int intIn(Flag flag, String value, String part, int min, int max) {
            try {
                int n = Integer.parseInt(part.trim());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below, with the flag's form
            }
            throw flag.invalid(value);
        }

        private static long longValue(Flag flag, String value) {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw flag.invalid(value);
            }
        }

        private static double positiveDouble(Flag flag, String value) {
            try {
                double d = Double.parseDouble(value.trim());
                if (d > 0 && !Double.isInfinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below, with the flag's form
            }
            throw flag.invalid(value);
        }

        private static OverLimitBehavior overLimit(Flag flag, String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "close" -> OverLimitBehavior.CLOSE_1008;
                case "error-frame" -> OverLimitBehavior.ERROR_FRAME;
                case "ignore" -> OverLimitBehavior.IGNORE;
                default -> throw flag.invalid(value);
            };
        }

        private static boolean onOff(Flag flag, String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "on" -> true;
                case "off" -> false;
                default -> throw flag.invalid(value);
            };
        }
    }
}
