package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client must not be tested only against constants: over a short seeded run, every documented field of every
 * type, DEFAULT and SIMPLE, takes at least two distinct values, and the nullable ones are null at least once.
 */
class FieldVarietyTest {

    private static final String AK = "variety-key";
    private static final String SK = "variety-secret";
    private static final long SEED = 15;
    /**
     * Just before 00:00 UTC, so that the run crosses Upbit's day: within one day the trade dates (and the day's
     * opening price and previous close of a market) cannot change. The wall clock stands still until the
     * subscriptions are in place, so the snapshots are of the old day whatever the setup takes.
     */
    private static final Instant START = Instant.parse("2026-11-09T23:59:55Z");
    private static final GatedClock WALL = new GatedClock(Instant.now());
    /**
     * Two well-known markets and, with seed 15, a PREVIEW market (KRW-ADA, suspended), two DELISTED ones with past
     * delisting dates (KRW-TRX; BTC-ETH, a BTC-quoted market), an active one with CAUTION and a delisting date
     * ahead (KRW-ARB) and one with CAUTION only (KRW-AVAX): see MarketStatusTest for the derivation.
     */
    private static final List<String> CODES = List.of("KRW-BTC", "KRW-ETH", "KRW-ADA", "KRW-TRX", "KRW-ARB",
            "KRW-AVAX", "BTC-ETH");
    private static final String CANDLE = "candle.1s";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b
            .seed(SEED).speed(10).simulatedStart(START).clock(WALL).apiKey(AK, SK)
            .connectLimitPerSecond(1000).messageLimits(1000, 10_000));

    @Test
    void everyDocumentedFieldTakesTwoValuesAndTheNullableOnesAreNullSometimes() {
        try (WsClient publicDefault = WsClient.connect(upbit.url());
             WsClient publicSimple = WsClient.connect(upbit.url());
             WsClient privateDefault = privateClient();
             WsClient privateSimple = privateClient()) {
            Variety defaults = new Variety(false);
            Variety simple = new Variety(true);
            subscribe(publicDefault, publicRequest("DEFAULT"), defaults);
            subscribe(publicSimple, publicRequest("SIMPLE"), simple);
            subscribe(privateDefault, privateRequest("DEFAULT"), defaults);
            subscribe(privateSimple, privateRequest("SIMPLE"), simple);
            WALL.release();

            SimAccount account = upbit.simulator().account(AK);
            // Three batches, each once the wall clock has moved on, so that the order, trade and asset timestamps
            // of the private events cannot all fall in one millisecond.
            for (int batch = 0; batch < 3; batch++) {
                long before = WALL.millis();
                account.randomActivity(SEED + batch, 14, "KRW-BTC", "KRW-XRP", "BTC-ETH");
                await().until(() -> WALL.millis() > before);
            }

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                defaults.take(publicDefault.drain());
                defaults.take(privateDefault.drain());
                simple.take(publicSimple.drain());
                simple.take(privateSimple.drain());
                defaults.assertVaried();
                simple.assertVaried();
            });
        }
    }

    private static String publicRequest(String format) {
        String all = quoted(CODES);
        String level0 = quoted(CODES.stream().map(c -> c + ".5").toList());
        return "[{\"ticket\":\"variety\"},"
                + "{\"type\":\"ticker\",\"codes\":" + all + "},"
                + "{\"type\":\"trade\",\"codes\":" + all + "},"
                + "{\"type\":\"orderbook\",\"codes\":" + level0 + ",\"level\":0},"
                // A second level, so that level varies too (KRW-BTC supports 10000 by default).
                + "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC\"],\"level\":10000},"
                + "{\"type\":\"" + CANDLE + "\",\"codes\":" + all + "},"
                + "{\"format\":\"" + format + "\"}]";
    }

    private static String privateRequest(String format) {
        return "[{\"ticket\":\"variety\"},{\"type\":\"myOrder\"},{\"type\":\"myAsset\"},{\"format\":\"" + format
                + "\"}]";
    }

    private static String quoted(List<String> codes) {
        return codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static WsClient privateClient() {
        return WsClient.connect(upbit.privateUrl(), Jwts.bearer(Jwts.hs512(AK, SK)));
    }

    /**
     * Sends the request and waits until the simulator has applied it: a connection handles its messages in order, so
     * the answer to a following PING proves it. What came before the answer (the snapshots) is counted.
     */
    private static void subscribe(WsClient client, String request, Variety variety) {
        client.send(request).send("PING");
        for (WsClient.Frame frame = client.next(); !frame.text().equals("{\"status\":\"UP\"}");
             frame = client.next()) {
            variety.take(List.of(frame));
        }
    }

    /** The documented keys of one type (DEFAULT and SIMPLE lists in the same order) and which may be null. */
    private record Spec(String type, List<String> full, List<String> simple, Set<String> nullable,
                        Set<String> single) {

        List<String> keys(boolean s) {
            return s ? simple : full;
        }

        /** The key in this format of a key named in DEFAULT form. */
        String key(String fullKey, boolean s) {
            return keys(s).get(full.indexOf(fullKey));
        }
    }

    /**
     * Keys with one value by definition: {@code type} everywhere, and {@code stream_type} of the private types,
     * which are realtime only (upbit-protocol.md §3.2); the public types send SNAPSHOT and REALTIME.
     */
    private static final List<Spec> SPECS = List.of(
            new Spec("ticker", DocFields.TICKER, DocFields.TICKER_SIMPLE, Set.of("delisting_date"), Set.of("type")),
            new Spec("trade", DocFields.TRADE, DocFields.TRADE_SIMPLE, Set.of(), Set.of("type")),
            new Spec("orderbook", DocFields.ORDERBOOK, DocFields.ORDERBOOK_SIMPLE, Set.of(), Set.of("type")),
            new Spec("orderbook_units", DocFields.ORDERBOOK_UNIT, DocFields.ORDERBOOK_UNIT_SIMPLE, Set.of(),
                    Set.of()),
            new Spec(CANDLE, DocFields.CANDLE, DocFields.CANDLE_SIMPLE, Set.of(), Set.of("type")),
            // Upbit's field table: trade_uuid, trade_fee, is_maker, trade_timestamp belong to fills; time_in_force
            // and identifier only when given; price and volume are the order's, and some orders have only one.
            new Spec("myOrder", DocFields.MY_ORDER, DocFields.MY_ORDER_SIMPLE,
                    Set.of("trade_uuid", "time_in_force", "identifier", "trade_fee", "is_maker", "trade_timestamp",
                            "price", "volume", "remaining_volume"),
                    Set.of("type", "stream_type")),
            new Spec("myAsset", DocFields.MY_ASSET, DocFields.MY_ASSET_SIMPLE, Set.of(), Set.of("type", "stream_type")),
            new Spec("assets", DocFields.ASSET, DocFields.ASSET_SIMPLE, Set.of(), Set.of()));

    /** The values seen per type and key in one format. */
    private static final class Variety {
        private final boolean simple;
        /** type → key → distinct non-null values (numbers without trailing zeros). */
        private final Map<String, Map<String, Set<Object>>> values = new TreeMap<>();
        /** type → keys seen null. */
        private final Map<String, Set<String>> nulls = new TreeMap<>();
        private final List<String> wrongKeySets = new ArrayList<>();

        Variety(boolean simple) {
            this.simple = simple;
        }

        void take(List<WsClient.Frame> frames) {
            for (WsClient.Frame frame : frames) {
                Map<String, Object> item = Json.object(frame.text());
                String type = (String) item.get(simple ? "ty" : "type");
                if (type != null) {
                    record(type, item);
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void record(String type, Map<String, Object> item) {
            spec(type).ifPresent(spec -> {
                if (!item.keySet().equals(Set.copyOf(spec.keys(simple)))) {
                    wrongKeySets.add(type + " " + item.keySet());
                }
            });
            for (Map.Entry<String, Object> e : item.entrySet()) {
                Object value = e.getValue();
                if (value instanceof List<?> rows) {
                    String rowType = "orderbook".equals(type) ? "orderbook_units" : "assets";
                    rows.forEach(row -> record(rowType, (Map<String, Object>) row));
                }
                if (value == null) {
                    nulls.computeIfAbsent(type, t -> new HashSet<>()).add(e.getKey());
                } else {
                    Object distinct = value instanceof BigDecimal n ? n.stripTrailingZeros() : value;
                    values.computeIfAbsent(type, t -> new LinkedHashMap<>())
                            .computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(distinct);
                }
            }
        }

        void assertVaried() {
            String format = simple ? "SIMPLE" : "DEFAULT";
            assertThat(wrongKeySets).as("%s messages whose keys are not the documented ones", format).isEmpty();
            List<String> problems = new ArrayList<>();
            for (Spec spec : SPECS) {
                Map<String, Set<Object>> seen = values.getOrDefault(spec.type(), Map.of());
                Set<String> seenNull = nulls.getOrDefault(spec.type(), Set.of());
                for (String fullKey : spec.full()) {
                    String key = spec.key(fullKey, simple);
                    int distinct = seen.getOrDefault(key, Set.of()).size();
                    int wanted = spec.single().contains(fullKey) ? 1 : 2;
                    if (distinct < wanted) {
                        problems.add(spec.type() + "." + key + ": " + distinct + " distinct value(s) "
                                + seen.getOrDefault(key, Set.of()));
                    }
                    if (spec.single().contains(fullKey) && distinct > 1) {
                        problems.add(spec.type() + "." + key + ": more than one value " + seen.get(key));
                    }
                    boolean nullable = spec.nullable().contains(fullKey);
                    if (nullable != seenNull.contains(key)) {
                        problems.add(spec.type() + "." + key + (nullable ? ": never null" : ": null"));
                    }
                }
            }
            assertThat(problems).as("%s fields without variety", format).isEmpty();
        }

        private static java.util.Optional<Spec> spec(String type) {
            return SPECS.stream().filter(s -> s.type().equals(type)).findFirst();
        }
    }
}
