package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.camelupbit.test.SimTestSupport.awaitLatestConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The sent log: one entry per data item written, with the keys a client sees, in write order. */
class SentLogTest {

    private static final String AK = "log-access";
    private static final String SK = "log-secret";
    private static final List<String> CODES = List.of("KRW-BTC", "KRW-ETH");
    /** A snapshot-only ticker: replacing the set with it stops the trades, and its frame marks their end. */
    private static final String STOP = "[{\"ticket\":\"stop\"},{\"type\":\"ticker\",\"codes\":[\"KRW-XRP\"],"
            + "\"is_only_snapshot\":true}]";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DEFAULT", "SIMPLE", "JSON_LIST", "SIMPLE_LIST"})
    void everyTradeTheClientDecodedIsInTheLogAndTheLogHoldsNothingElse(String format) {
        try (UpbitSimulator sim = UpbitSimulator.builder().seed(3).speed(10).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\",\"KRW-ETH\"]},"
                    + "{\"format\":\"" + format + "\"}]");
            Received received = new Received(format.startsWith("SIMPLE"));
            while (received.count("KRW-BTC") < 15 || received.count("KRW-ETH") < 15) {
                received.add(client.next().text());
            }
            client.send(STOP);
            received.addUntilTicker(client);
            SimConnection connection = awaitLatestConnection(sim);

            for (String code : CODES) {
                List<SentItem> logged = sim.sentLog().items("trade", code);
                assertThat(logged).extracting(SentItem::key).as(code).isEqualTo(received.ids(code));
                assertThat(logged).allSatisfy(item -> {
                    assertThat(item.connectionId()).isEqualTo(connection.id());
                    assertThat(item.code()).isEqualTo(code);
                    assertThat(item.sentAt()).isNotNull();
                });
                assertThat(logged).extracting(SentItem::streamType)
                        .containsExactlyElementsOf(received.streamTypes(code));
                assertThat(logged.get(0).streamType()).isEqualTo("SNAPSHOT");
            }
            // One entry per item, in write order, whatever the frames: the list formats pack several in one.
            List<SentItem> all = sim.sentLog().items();
            assertThat(all).hasSize(received.items());
            assertThat(all).extracting(SentItem::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(all.get(all.size() - 1).type()).isEqualTo("ticker");
            assertThat(connection.sentItems()).isEqualTo(all);
            assertThat(sim.sentLog().recorded()).isEqualTo(all.size());
            assertThat(sim.sentLog().evicted()).isZero();
            if (format.endsWith("LIST")) {
                assertThat(received.largestFrame()).isGreaterThan(1);
                assertThat(connection.framesSent()).isLessThan(all.size());
            } else {
                assertThat(connection.framesSent()).isEqualTo(all.size());
            }
        }
    }

    @Test
    void theRingKeepsTheNewestItemsAndCountsTheEvicted() {
        try (UpbitSimulator sim = UpbitSimulator.builder().apiKey(AK, SK).sentLog(10).build().start()) {
            List<String> assetUuids = new ArrayList<>();
            SimConnection connection;
            try (WsClient client = privateClient(sim)) {
                subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"myAsset\"}]");
                connection = awaitLatestConnection(sim);
                for (int i = 1; i <= 15; i++) {
                    sim.account(AK).deposit("KRW", BigDecimal.valueOf(i));
                    assetUuids.add((String) Json.object(client.next().text()).get("asset_uuid"));
                }
                // Pushes are no data items of the simulator: not recorded.
                connection.push("{\"status\":\"UP\"}");
                assertThat(client.next().text()).isEqualTo("{\"status\":\"UP\"}");
            }
            await().until(() -> !connection.isOpen());

            SentLog log = sim.sentLog();
            assertThat(log.capacity()).isEqualTo(10);
            assertThat(log.recorded()).isEqualTo(15);
            assertThat(log.evicted()).isEqualTo(5);
            assertThat(log.items()).extracting(SentItem::key).isEqualTo(assetUuids.subList(5, 15));
            assertThat(log.items()).extracting(SentItem::sequence).containsExactly(6L, 7L, 8L, 9L, 10L, 11L, 12L,
                    13L, 14L, 15L);
            // The log outlives the connection.
            assertThat(connection.sentItems()).isEqualTo(log.items());
            assertThat(log.items("myAsset", null)).isEqualTo(log.items());
            assertThat(log.items("myOrder", null)).isEmpty();

            sim.reset();
            assertThat(log.items()).isEmpty();
            assertThat(log.recorded()).isZero();
            assertThat(log.evicted()).isZero();
            assertThat(connection.sentItems()).isEmpty();
        }
    }

    @Test
    void capacityZeroRecordsNothing() {
        try (UpbitSimulator sim = UpbitSimulator.builder().sentLog(0).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]}]");
            assertThat(Json.object(client.next().text())).containsEntry("type", "trade");
            assertThat(sim.sentLog().items()).isEmpty();
            assertThat(sim.sentLog().recorded()).isZero();
            assertThat(sim.sentLog().capacity()).isZero();
        }
        assertThatThrownBy(() -> UpbitSimulator.builder().sentLog(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void privateEventsAreLoggedWithTheirNaturalKeys() {
        try (UpbitSimulator sim = UpbitSimulator.builder().apiKey(AK, SK).build().start();
             WsClient client = privateClient(sim)) {
            subscribe(client, "[{\"ticket\":\"t\"},{\"type\":\"myOrder\"},{\"type\":\"myAsset\"}]");
            SimAccount account = sim.account(AK);
            account.deposit("KRW", new BigDecimal("10000000"));
            String uuid = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("100000000"),
                    new BigDecimal("0.01"), null);
            account.fill(uuid, new BigDecimal("0.004"));
            account.fill(uuid, new BigDecimal("0.006"));
            List<String> frames = new ArrayList<>();
            for (WsClient.Frame frame : client.next(8)) {
                frames.add(frame.text());
            }

            List<String> orderFrames = frames.stream().filter(f -> f.contains("\"type\":\"myOrder\"")).toList();
            List<String> tradeUuids = orderFrames.stream().map(f -> (String) Json.object(f).get("trade_uuid"))
                    .toList();
            assertThat(sim.sentLog().items("myOrder", "KRW-BTC")).extracting(SentItem::key).containsExactly(
                    uuid + "|wait|null|0",
                    uuid + "|trade|" + tradeUuids.get(1) + "|0.004",
                    uuid + "|trade|" + tradeUuids.get(2) + "|0.01",
                    uuid + "|done|null|0.01");
            // The executed volume is the exact text of the JSON, state and trade_uuid as written.
            for (int i = 0; i < orderFrames.size(); i++) {
                String f = orderFrames.get(i);
                Map<String, Object> o = Json.object(f);
                assertThat(sim.sentLog().items("myOrder", "KRW-BTC").get(i).key()).isEqualTo(o.get("uuid") + "|"
                        + o.get("state") + "|" + o.get("trade_uuid") + "|" + field(f, "executed_volume"));
            }
            List<String> assetUuids = frames.stream().filter(f -> f.contains("\"type\":\"myAsset\""))
                    .map(f -> (String) Json.object(f).get("asset_uuid")).toList();
            assertThat(assetUuids).hasSize(4).doesNotHaveDuplicates();
            assertThat(sim.sentLog().items("myAsset", null)).extracting(SentItem::key).isEqualTo(assetUuids);
            assertThat(sim.sentLog().items()).allSatisfy(item -> {
                assertThat(item.streamType()).isEqualTo("REALTIME");
                assertThat(item.code()).isEqualTo("myOrder".equals(item.type()) ? "KRW-BTC" : null);
            });
            // In the order written: the types as the client got them.
            assertThat(sim.sentLog().items()).extracting(SentItem::type).isEqualTo(frames.stream()
                    .map(f -> (String) Json.object(f).get("type")).toList());
        }
    }

    @Test
    void tickerOrderbookAndCandleKeysAreTheirTimestamps() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start();
             WsClient client = WsClient.connect(sim.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-SOL\"],\"is_only_snapshot\":true},"
                    + "{\"type\":\"orderbook\",\"codes\":[\"KRW-SOL.5\"],\"is_only_snapshot\":true},"
                    + "{\"type\":\"candle.1m\",\"codes\":[\"KRW-SOL\"],\"is_only_snapshot\":true}]");
            Map<String, Object> ticker = Json.object(client.next().text());
            Map<String, Object> book = Json.object(client.next().text());
            Map<String, Object> candle = Json.object(client.next().text());

            assertThat(sim.sentLog().items()).extracting(SentItem::type, SentItem::code, SentItem::streamType,
                    SentItem::key).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("ticker", "KRW-SOL", "SNAPSHOT",
                            plain(ticker.get("timestamp"))),
                    org.assertj.core.groups.Tuple.tuple("orderbook", "KRW-SOL", "SNAPSHOT",
                            plain(book.get("timestamp"))),
                    org.assertj.core.groups.Tuple.tuple("candle.1m", "KRW-SOL", "SNAPSHOT",
                            plain(candle.get("timestamp")) + "|" + candle.get("candle_date_time_utc")));
            assertThat(book).containsEntry("code", "KRW-SOL");
        }
    }

    private static WsClient privateClient(UpbitSimulator sim) {
        return WsClient.connect(sim.privateUrl(), Jwts.bearer(Jwts.hs512(AK, SK)));
    }

    /** Sends the request, then a PING whose answer proves the request was applied. */
    private static void subscribe(WsClient client, String request) {
        client.send(request).send("PING");
        assertThat(client.next().text()).isEqualTo("{\"status\":\"UP\"}");
    }

    private static String plain(Object number) {
        return ((BigDecimal) number).toPlainString();
    }

    /** The raw text of a number field in a JSON payload. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":([^,}]+)").matcher(json);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    /** The trades a client decoded from its frames, per code, with the shape of the frames. */
    static final class Received {
        private final boolean simple;
        private final Map<String, List<String>> ids = new LinkedHashMap<>();
        private final Map<String, List<String>> streamTypes = new LinkedHashMap<>();
        private int items;
        private int largestFrame;

        Received(boolean simple) {
            this.simple = simple;
        }

        /** Decodes one frame (an object or a list); returns whether it held a ticker. */
        @SuppressWarnings("unchecked")
        boolean add(String text) {
            Object parsed = Json.parse(text);
            List<Map<String, Object>> list = parsed instanceof List ? (List<Map<String, Object>>) parsed
                    : List.of((Map<String, Object>) parsed);
            largestFrame = Math.max(largestFrame, list.size());
            boolean ticker = false;
            for (Map<String, Object> item : list) {
                items++;
                String type = (String) item.get(simple ? "ty" : "type");
                if ("trade".equals(type)) {
                    String code = (String) item.get(simple ? "cd" : "code");
                    ids.computeIfAbsent(code, c -> new ArrayList<>())
                            .add(plain(item.get(simple ? "sid" : "sequential_id")));
                    streamTypes.computeIfAbsent(code, c -> new ArrayList<>())
                            .add((String) item.get(simple ? "st" : "stream_type"));
                }
                ticker |= "ticker".equals(type);
            }
            return ticker;
        }

        /** Reads frames up to the one holding a ticker: the end marker. */
        void addUntilTicker(WsClient client) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!add(client.next().text())) {
                assertThat(System.nanoTime()).as("end marker in time").isLessThan(deadline);
            }
        }

        int count(String code) {
            return ids(code).size();
        }

        List<String> ids(String code) {
            return ids.getOrDefault(code, List.of());
        }

        List<String> streamTypes(String code) {
            return streamTypes.getOrDefault(code, List.of());
        }

        int items() {
            return items;
        }

        int largestFrame() {
            return largestFrame;
        }
    }
}
