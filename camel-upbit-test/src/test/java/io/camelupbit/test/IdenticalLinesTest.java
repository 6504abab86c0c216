package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redundant lines: several connections with the same subscription get the same items (same ids, timestamps and
 * values, in the same order) for as long as all of them are subscribed, and a fault on one line leaves the others'
 * streams whole. Each line's items are read from the frames its client decoded and from the simulator's record of
 * what it wrote to that connection ({@link SimConnection#sentItems()}) or kept from it
 * ({@link SimConnection#withheldItems()}). No sleeps: the tests read until the data they need has come, and wait on
 * the simulator's counters.
 */
class IdenticalLinesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String AK = "lines-access";
    private static final String SK = "lines-secret";
    private static final List<String> CODES = List.of("KRW-BTC", "KRW-ETH", "KRW-XRP");
    private static final List<String> TYPES = List.of("trade", "ticker", "orderbook", "candle.1s");
    private static final String SUBSCRIBE = subscribe(TYPES, CODES);
    /** A snapshot-only ticker: replacing a line's set with it ends its realtime items, and its frame marks the end. */
    private static final String STOP = "[{\"ticket\":\"stop\"},{\"type\":\"ticker\",\"codes\":[\"KRW-DOGE\"],"
            + "\"is_only_snapshot\":true}]";
    private static final String PRIVATE = "[{\"ticket\":\"line\"},{\"type\":\"myOrder\"},{\"type\":\"myAsset\"}]";
    /** Realtime trades per market that every line must have got while all of them were subscribed. */
    private static final int SHARED_TRADES = 30;

    /** A fault that ends or silences one line for good. */
    enum LineFault { DROP_ABRUPTLY, CLOSE_4000, GO_SILENT }

    @ParameterizedTest(name = "{0} lines")
    @ValueSource(ints = {2, 3})
    void linesWithTheSameSubscriptionGetIdenticalMarketData(int count) {
        try (UpbitSimulator sim = simulator()) {
            List<Line> lines = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    lines.add(Line.open(sim, sim.url(), Map.of()).send(SUBSCRIBE));
                }
                // The last line subscribed last: while it gets its trades, every line is subscribed.
                Line last = lines.get(count - 1);
                last.readUntil(l -> l.everyCodeHas("trade", SHARED_TRADES));
                // Every line reads up to the last line's newest trades (a line's own stop discards what it has not
                // written yet), then stops.
                Map<String, String> reached = new HashMap<>();
                CODES.forEach(c -> reached.put(c, last.realtimeKeys("trade", c).get(SHARED_TRADES - 1)));
                for (Line line : lines) {
                    line.readUntil(l -> CODES.stream().allMatch(c -> l.realtimeKeys("trade", c)
                            .contains(reached.get(c))));
                }
                for (Line line : lines) {
                    line.stop();
                }

                for (Line line : lines) {
                    // Each line's snapshots first, one per stream, in request order; then realtime items only.
                    assertThat(line.items().subList(0, TYPES.size() * CODES.size()))
                            .extracting(i -> i.type() + " " + i.code() + " " + i.streamType())
                            .isEqualTo(TYPES.stream().flatMap(t -> CODES.stream().map(c -> t + " " + c + " SNAPSHOT"))
                                    .toList());
                    line.assertReceivedWhatWasSent();
                    assertThat(line.connection().tradesSkipped()).isZero();
                }
                for (String type : TYPES) {
                    for (String code : CODES) {
                        // The items every line got are one run, the same texts (ids, timestamps, values) in the
                        // same order in each line, with nothing missing in between.
                        int shared = assertOneSequence(type + " " + code,
                                lines.stream().map(l -> l.realtimeTexts(type, code)).toList());
                        assertThat(shared).as(type + " " + code).isGreaterThanOrEqualTo(
                                "trade".equals(type) ? SHARED_TRADES : type.startsWith("candle") ? 3 : 10);
                        assertOneSequence(type + " " + code + " (sent log keys)",
                                lines.stream().map(l -> sentKeys(l.connection(), type, code)).toList());
                    }
                }
                for (Line line : lines) {
                    for (String code : CODES) {
                        assertCompleteTrades(sim, line.realtimeKeys("trade", code), code);
                    }
                }
                assertThat(sim.sentLog().evicted()).isZero();
            } finally {
                lines.forEach(Line::close);
            }
        }
    }

    /**
     * Books of one market at other depths are separate streams (a line whose set changed asks another depth), read at
     * each connection's own moments: still one book per trade, at the same times on every line, so a book one line
     * has is never left out by another that is subscribed too.
     */
    @Test
    void booksOfOtherDepthsComeAtTheSameTimes() {
        try (UpbitSimulator sim = simulator()) {
            try (Line shallow = Line.open(sim, sim.url(), Map.of()).send(subscribe(List.of("orderbook"),
                    CODES.stream().map(c -> c + ".1").toList()));
                 Line deep = Line.open(sim, sim.url(), Map.of()).send(subscribe(List.of("orderbook"),
                         CODES.stream().map(c -> c + ".5").toList()))) {
                deep.readUntil(l -> l.everyCodeHas("orderbook", 40));
                // the shallow line reads up to the newest time the deep one has, then both stop
                Map<String, Long> reached = new HashMap<>();
                CODES.forEach(c -> reached.put(c, Long.parseLong(
                        deep.realtimeKeys("orderbook", c).get(deep.realtimeKeys("orderbook", c).size() - 1))));
                shallow.readUntil(l -> CODES.stream().allMatch(c -> l.realtimeKeys("orderbook", c).stream()
                        .anyMatch(k -> Long.parseLong(k) >= reached.get(c))));
                shallow.stop();
                deep.stop();

                for (String code : CODES) {
                    // from the first time both have to the last one either has that the other had time to get
                    List<String> a = shallow.realtimeKeys("orderbook", code);
                    List<String> b = deep.realtimeKeys("orderbook", code);
                    long from = Math.max(Long.parseLong(a.get(0)), Long.parseLong(b.get(0)));
                    long to = Math.min(Long.parseLong(a.get(a.size() - 1)), Long.parseLong(b.get(b.size() - 1)));
                    assertThat(within(a, from, to)).as("orderbook " + code + " times").isEqualTo(within(b, from, to))
                            .hasSizeGreaterThanOrEqualTo(30);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} lines")
    @ValueSource(ints = {2, 3})
    void privateLinesGetIdenticalOrderAndAssetEvents(int count) {
        try (UpbitSimulator sim = simulator()) {
            List<Line> lines = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    lines.add(Line.open(sim, sim.privateUrl(), Jwts.bearer(Jwts.hs512(AK, SK))).subscribed(PRIVATE));
                }
                SimAccount account = sim.account(AK);
                account.deposit("KRW", new BigDecimal("100000000"));
                account.deposit("BTC", new BigDecimal("1"));
                String bid = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("100000000"),
                        new BigDecimal("0.01"), "bid-1");
                account.fill(bid, new BigDecimal("0.004"));
                account.fill(bid, new BigDecimal("0.006"));
                String ask = account.placeLimitOrder("KRW-BTC", Side.ASK, new BigDecimal("150000000"),
                        new BigDecimal("0.5"), null);
                account.fill(ask, new BigDecimal("0.1"));
                account.cancel(ask);
                account.randomActivity(7, 14, "KRW-BTC", "KRW-ETH");
                String marker = marker(account, "MARK");

                for (Line line : lines) {
                    line.readUntil(l -> l.hasMarker(marker));
                    line.assertReceivedWhatWasSent();
                }
                Line first = lines.get(0);
                assertThat(first.items()).hasSizeGreaterThan(50);
                assertThat(first.items()).extracting(Item::type).contains("myOrder", "myAsset");
                for (Line line : lines.subList(1, count)) {
                    // Every line subscribed before the first event: all of them got everything, byte for byte.
                    assertThat(line.texts()).isEqualTo(first.texts());
                    assertThat(line.connection().sentItems()).extracting(SentItem::type, SentItem::key)
                            .isEqualTo(first.connection().sentItems().stream()
                                    .map(i -> org.assertj.core.groups.Tuple.tuple(i.type(), i.key())).toList());
                }
            } finally {
                lines.forEach(Line::close);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LineFault.class)
    void aFaultOnOneLineLeavesTheOtherComplete(LineFault fault) {
        try (UpbitSimulator sim = simulator()) {
            try (Line survivor = Line.open(sim, sim.url(), Map.of()).send(SUBSCRIBE);
                 Line faulty = Line.open(sim, sim.url(), Map.of()).send(SUBSCRIBE)) {
                faulty.readUntil(l -> l.everyCodeHas("trade", 5));
                SimConnection broken = faulty.connection();
                switch (fault) {
                    case DROP_ABRUPTLY -> broken.dropAbruptly();
                    case CLOSE_4000 -> broken.close(4000, "line fault");
                    case GO_SILENT -> broken.goSilent();
                    default -> throw new IllegalStateException();
                }
                if (fault == LineFault.GO_SILENT) {
                    // Data keeps falling due on the silent line: it is withheld there.
                    await().atMost(WAIT).until(() -> broken.itemsWithheld() >= 20);
                } else {
                    await().atMost(WAIT).until(() -> !broken.isOpen());
                }
                // The survivor's client may still be behind what the server sent the broken line before it
                // ended, so "ten after the fault" counts from the larger of the two.
                Map<String, Integer> atFault = survivor.realtimeCounts("trade");
                CODES.forEach(c -> atFault.merge(c, sentKeys(broken, "trade", c).size(), Math::max));
                survivor.readUntil(l -> CODES.stream()
                        .allMatch(c -> l.realtimeKeys("trade", c).size() >= atFault.get(c) + 10));
                if (fault == LineFault.GO_SILENT) {
                    // Ended while the survivor is still subscribed, so everything it withheld was due on both.
                    broken.close(1000, "end of test");
                    await().atMost(WAIT).until(() -> !broken.isOpen());
                }
                catchUp(survivor, broken);
                survivor.stop();

                switch (fault) {
                    case DROP_ABRUPTLY -> assertDroppedAbruptly(faulty.client());
                    case CLOSE_4000 -> assertThat(faulty.client().awaitClose()).isEqualTo(4000);
                    case GO_SILENT -> assertThat(faulty.client().awaitClose()).isEqualTo(1000);
                    default -> throw new IllegalStateException();
                }
                survivor.assertReceivedWhatWasSent();
                assertThat(survivor.connection().tradesSkipped()).isZero();
                assertThat(survivor.connection().withheldItems()).isEmpty();
                for (String code : CODES) {
                    assertCompleteTrades(sim, survivor.realtimeKeys("trade", code), code);
                    for (String type : TYPES) {
                        // What the broken line got (and, silent, was kept from) is an unbroken run of the
                        // survivor's: the survivor has all of it, and went on.
                        List<String> other = sentKeys(survivor.connection(), type, code);
                        List<String> sent = sentKeys(broken, type, code);
                        List<String> withheld = withheldKeys(broken, type, code, null);
                        assertPartition(type + " " + code, sent, withheld, other);
                        if ("trade".equals(type)) {
                            // The survivor went on: ten trades of each market at least after the fault.
                            assertThat(other.size()).as(code).isGreaterThanOrEqualTo(
                                    sent.size() + withheld.size() + (fault == LineFault.GO_SILENT ? 0 : 10));
                        }
                    }
                }
                if (fault == LineFault.GO_SILENT) {
                    assertThat(broken.withheldItems()).isNotEmpty()
                            .allMatch(i -> i.reason() == WithheldItem.Reason.SILENT);
                } else {
                    assertThat(broken.withheldItems()).isEmpty();
                }
                assertThat(sim.sentLog().evicted()).isZero();
            }
        }
    }

    @Test
    void aLineThatWentSilentAndResumedMissesExactlyWhatWasWithheld() {
        try (UpbitSimulator sim = simulator()) {
            try (Line other = Line.open(sim, sim.url(), Map.of()).send(SUBSCRIBE);
                 Line line = Line.open(sim, sim.url(), Map.of()).send(SUBSCRIBE)) {
                line.readUntil(l -> l.everyCodeHas("trade", 5));
                SimConnection connection = line.connection();
                connection.goSilent();
                await().atMost(WAIT).until(() -> connection.itemsWithheld() >= 30);
                connection.resume();
                assertThat(connection.isSilent()).isFalse();
                Map<String, Integer> atResume = line.realtimeCounts("trade");
                line.readUntil(l -> CODES.stream()
                        .allMatch(c -> l.realtimeKeys("trade", c).size() >= atResume.get(c) + 5));
                line.stop();
                catchUp(other, connection);
                other.stop();

                // The client got exactly what was written: nothing of what was withheld.
                line.assertReceivedWhatWasSent();
                other.assertReceivedWhatWasSent();
                assertThat(connection.withheldItems()).hasSize((int) connection.itemsWithheld())
                        .allMatch(i -> i.reason() == WithheldItem.Reason.SILENT)
                        .allMatch(i -> i.connectionId().equals(connection.id()));
                long withheldTrades = 0;
                for (String code : CODES) {
                    assertCompleteTrades(sim, other.realtimeKeys("trade", code), code);
                    for (String type : TYPES) {
                        List<String> withheld = withheldKeys(connection, type, code, WithheldItem.Reason.SILENT);
                        assertPartition(type + " " + code, sentKeys(connection, type, code), withheld,
                                sentKeys(other.connection(), type, code));
                        if ("trade".equals(type)) {
                            // The line's trades have one gap, exactly the withheld ones; it counts none as skipped.
                            assertThat(withheld).as(code).isNotEmpty();
                            withheldTrades += withheld.size();
                        }
                    }
                }
                assertThat(connection.tradesSkipped()).isZero();
                assertThat(withheldTrades).isPositive();
                // It answers again.
                line.client().send("PING");
                assertThat(line.client().next(t -> t.contains("status")).text()).isEqualTo("{\"status\":\"UP\"}");
            }
        }
    }

    @Test
    void droppingTheNextItemsOfOneLineTakesExactlyThoseFromItAlone() {
        try (UpbitSimulator sim = simulator()) {
            try (Line other = Line.open(sim, sim.url(), Map.of()).send(SUBSCRIBE);
                 Line line = Line.open(sim, sim.url(), Map.of()).send(SUBSCRIBE)) {
                line.readUntil(l -> l.everyCodeHas("trade", 3));
                SimConnection connection = line.connection();
                connection.dropNextItems("trade", 5);
                connection.dropNextItems(2);
                await().atMost(WAIT).until(() -> connection.itemsToDrop() == 0);
                Map<String, Integer> afterDrops = line.realtimeCounts("trade");
                line.readUntil(l -> CODES.stream()
                        .allMatch(c -> l.realtimeKeys("trade", c).size() >= afterDrops.get(c) + 5));
                line.stop();
                catchUp(other, connection);
                other.stop();

                line.assertReceivedWhatWasSent();
                List<WithheldItem> withheld = connection.withheldItems();
                assertThat(withheld).hasSize(7).allMatch(i -> i.reason() == WithheldItem.Reason.DROPPED);
                // Trades took from their own count; the two items of any type were the next non-trade ones.
                assertThat(withheld.stream().filter(i -> "trade".equals(i.type()))).hasSize(5);
                assertThat(withheld.stream().filter(i -> !"trade".equals(i.type()))).hasSize(2);
                for (String code : CODES) {
                    for (String type : TYPES) {
                        assertPartition(type + " " + code, sentKeys(connection, type, code),
                                withheldKeys(connection, type, code, WithheldItem.Reason.DROPPED),
                                sentKeys(other.connection(), type, code));
                    }
                }
                assertThat(other.connection().withheldItems()).isEmpty();
                assertThat(connection.tradesSkipped()).isZero();
            }
        }
    }

    @Test
    void aLineHeldBackGetsTheSameItemsLateAndLosesNone() {
        try (UpbitSimulator sim = simulator()) {
            try (Line other = Line.open(sim, sim.url(), Map.of()).send(SUBSCRIBE);
                 Line line = Line.open(sim, sim.url(), Map.of()).send(SUBSCRIBE)) {
                line.readUntil(l -> l.everyCodeHas("trade", 3));
                SimConnection connection = line.connection();
                connection.holdItems();
                assertThat(connection.isHoldingItems()).isTrue();
                await().atMost(WAIT).until(() -> connection.itemsHeld() >= 30);

                // What the other line was written of each stream after the last item this one was: held back here.
                List<SentItem> logged = sim.sentLog().items();
                long lastBeforeRelease = logged.get(logged.size() - 1).sequence();
                List<String> lagging = new ArrayList<>();
                for (String code : CODES) {
                    for (String type : TYPES) {
                        List<String> mine = sentKeys(connection, type, code);
                        List<String> theirs = sentKeys(other.connection(), type, code);
                        if (!mine.isEmpty()) {
                            int at = theirs.indexOf(mine.get(mine.size() - 1));
                            assertThat(at).as(type + " " + code).isNotNegative();
                            theirs.subList(at + 1, theirs.size()).forEach(k -> lagging.add(identity(type, code, k)));
                        }
                    }
                }
                assertThat(lagging).isNotEmpty();

                connection.releaseItems();
                await().atMost(WAIT).until(() -> !connection.isHoldingItems() && connection.itemsHeld() == 0);
                Map<String, Integer> afterRelease = line.realtimeCounts("trade");
                line.readUntil(l -> CODES.stream()
                        .allMatch(c -> l.realtimeKeys("trade", c).size() >= afterRelease.get(c) + 3));
                line.stop();
                catchUp(other, connection);
                other.stop();

                line.assertReceivedWhatWasSent();
                assertThat(connection.withheldItems()).isEmpty();
                assertThat(connection.tradesSkipped()).isZero();
                for (String code : CODES) {
                    assertCompleteTrades(sim, line.realtimeKeys("trade", code), code);
                    for (String type : TYPES) {
                        assertPartition(type + " " + code, sentKeys(connection, type, code), List.of(),
                                sentKeys(other.connection(), type, code));
                    }
                }
                // The held items came late: this line wrote each after the release, the other before it.
                Map<String, SentItem> late = connection.sentItems().stream().collect(Collectors.toMap(
                        i -> identity(i.type(), i.code(), i.key()), i -> i, (a, b) -> a));
                for (String id : lagging) {
                    assertThat(late).as(id).containsKey(id);
                    assertThat(late.get(id).sequence()).as(id).isGreaterThan(lastBeforeRelease);
                }
            }
        }
    }

    @Test
    void aPrivateLineThatDropsAndGoesSilentMissesOnlyWhatWasWithheld() {
        try (UpbitSimulator sim = simulator()) {
            try (Line other = Line.open(sim, sim.privateUrl(), Jwts.bearer(Jwts.hs512(AK, SK))).subscribed(PRIVATE);
                 Line line = Line.open(sim, sim.privateUrl(), Jwts.bearer(Jwts.hs512(AK, SK))).subscribed(PRIVATE)) {
                SimConnection connection = line.connection();
                SimAccount account = sim.account(AK);
                connection.dropNextItems("myOrder", 2);
                account.randomActivity(3, 4, "KRW-BTC");
                String first = marker(account, "M1");
                line.readUntil(l -> l.hasMarker(first));
                other.readUntil(l -> l.hasMarker(first));

                connection.goSilent();
                account.randomActivity(4, 4, "KRW-ETH");
                String second = marker(account, "M2");
                other.readUntil(l -> l.hasMarker(second));
                int dueWhileSilent = other.items().size() - other.indexOfMarker(first) - 1;
                // Every event of the silent phase was handled by the line (withheld) before it resumes.
                await().atMost(WAIT).until(() -> connection.itemsWithheld() == 2 + dueWhileSilent);
                connection.resume();

                account.randomActivity(5, 4, "KRW-BTC");
                String third = marker(account, "M3");
                line.readUntil(l -> l.hasMarker(third));
                other.readUntil(l -> l.hasMarker(third));

                line.assertReceivedWhatWasSent();
                other.assertReceivedWhatWasSent();
                assertThat(connection.withheldItems()).extracting(WithheldItem::reason)
                        .containsOnly(WithheldItem.Reason.DROPPED, WithheldItem.Reason.SILENT);
                assertThat(withheldKeys(connection, "myOrder", null, WithheldItem.Reason.DROPPED)).hasSize(2);
                assertThat(connection.withheldItems().stream()
                        .filter(i -> i.reason() == WithheldItem.Reason.SILENT)).hasSize(dueWhileSilent);
                for (String type : List.of("myOrder", "myAsset")) {
                    List<String> all = sentKeys(other.connection(), type, null);
                    List<String> sent = sentKeys(connection, type, null);
                    List<String> withheld = withheldKeys(connection, type, null, null);
                    assertPartition(type, sent, withheld, all);
                    // Both lines were subscribed for every event: between them, the line's sent and withheld
                    // items are all of the other's.
                    assertThat(sent.size() + withheld.size()).as(type).isEqualTo(all.size());
                }
                // After the silence the line gets the same events as the other again, byte for byte.
                assertThat(line.texts().subList(line.indexOfMarker(first) + 1, line.texts().size()))
                        .isEqualTo(other.texts().subList(other.indexOfMarker(second) + 1, other.texts().size()));
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static UpbitSimulator simulator() {
        return UpbitSimulator.builder().seed(21).speed(10).connectLimitPerSecond(1000)
                .messageLimits(1000, 10_000).apiKey(AK, SK).build().start();
    }

    private static String subscribe(List<String> types, List<String> codes) {
        String list = codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(","));
        return "[{\"ticket\":\"line\"}," + types.stream()
                .map(t -> "{\"type\":\"" + t + "\",\"codes\":[" + list + "]}").collect(Collectors.joining(","))
                + "]";
    }

    /**
     * Reads the reference line until it has, of every stream, the newest items another connection, which gets no
     * more of them, was written and kept from: a line's own stop discards what it has not written yet, so this makes
     * the reference line hold everything the other line had when it is stopped in turn.
     */
    private static void catchUp(Line reference, SimConnection ended) {
        for (String type : TYPES) {
            for (String code : CODES) {
                List<String> newest = new ArrayList<>();
                List<String> sent = sentKeys(ended, type, code);
                List<String> withheld = withheldKeys(ended, type, code, null);
                if (!sent.isEmpty()) {
                    newest.add(sent.get(sent.size() - 1));
                }
                if (!withheld.isEmpty()) {
                    newest.add(withheld.get(withheld.size() - 1));
                }
                reference.readUntil(l -> l.realtimeKeys(type, code).containsAll(newest));
            }
        }
    }

    /** Deposits a little of a currency no other event uses: its {@code myAsset} event marks a point in the stream. */
    private static String marker(SimAccount account, String currency) {
        account.deposit(currency, BigDecimal.ONE);
        return "\"currency\":\"" + currency + "\"";
    }

    private static void assertDroppedAbruptly(WsClient client) {
        // No close frame came: the JDK client reports the reset through onError (or, elsewhere, 1006).
        try {
            assertThat(client.closeStatus().orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo(1006);
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(IOException.class);
        }
    }

    /** The keys of this connection's logged realtime items of this type and code (null: any code). */
    private static List<String> sentKeys(SimConnection connection, String type, String code) {
        return connection.sentItems().stream()
                .filter(i -> i.type().equals(type) && (code == null || code.equals(i.code()))
                        && "REALTIME".equals(i.streamType()))
                .map(SentItem::key).toList();
    }

    /** The keys of this connection's withheld realtime items of this type and code, for this reason (null: any). */
    private static List<String> withheldKeys(SimConnection connection, String type, String code,
                                             WithheldItem.Reason reason) {
        return connection.withheldItems().stream()
                .filter(i -> i.type().equals(type) && (code == null || code.equals(i.code()))
                        && "REALTIME".equals(i.streamType()) && (reason == null || i.reason() == reason))
                .map(WithheldItem::key).toList();
    }

    /** The keys (timestamps) within [from, to]. */
    private static List<String> within(List<String> keys, long from, long to) {
        return keys.stream().filter(k -> Long.parseLong(k) >= from && Long.parseLong(k) <= to).toList();
    }

    private static String identity(String type, String code, String key) {
        return type + "|" + code + "|" + key;
    }

    /**
     * Asserts that these lines' items of one stream are one sequence: the items all of them got form, in each line,
     * an unbroken run (no item of another line's run missing in between), in the same order everywhere.
     *
     * @return how many items all of them got
     */
    private static int assertOneSequence(String what, List<List<String>> lines) {
        Set<String> common = new LinkedHashSet<>(lines.get(0));
        lines.forEach(common::retainAll);
        List<String> reference = null;
        for (List<String> line : lines) {
            assertThat(new HashSet<>(line)).as(what + ": no repeats").hasSize(line.size());
            List<String> shared = line.stream().filter(common::contains).toList();
            if (!shared.isEmpty()) {
                int from = line.indexOf(shared.get(0));
                assertThat(line.subList(from, from + shared.size())).as(what + ": unbroken").isEqualTo(shared);
            }
            if (reference == null) {
                reference = shared;
            } else {
                assertThat(shared).as(what + ": same order").isEqualTo(reference);
            }
        }
        return common.size();
    }

    /**
     * Asserts that what a faulty line was written ({@code sent}) and kept from ({@code withheld}) of one stream are
     * disjoint and, merged, an unbroken run of what another line, subscribed all along, was written: each in the
     * other line's order.
     */
    private static void assertPartition(String what, List<String> sent, List<String> withheld, List<String> other) {
        Set<String> sentSet = new HashSet<>(sent);
        assertThat(withheld).as(what + ": withheld items were not sent").noneMatch(sentSet::contains);
        Set<String> union = new HashSet<>(sentSet);
        union.addAll(withheld);
        assertThat(other).as(what + ": the other line has them all").containsAll(union);
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < other.size(); i++) {
            if (union.contains(other.get(i))) {
                at.add(i);
            }
        }
        assertThat(at).as(what + ": no repeats").hasSize(union.size());
        if (!at.isEmpty()) {
            assertThat(at.get(at.size() - 1) - at.get(0) + 1).as(what + ": an unbroken run").isEqualTo(at.size());
        }
        assertThat(other.stream().filter(sentSet::contains).toList()).as(what + ": sent in order").isEqualTo(sent);
        assertThat(other.stream().filter(new HashSet<>(withheld)::contains).toList())
                .as(what + ": withheld in order").isEqualTo(withheld);
    }

    /** Asserts that these trade ids are every trade of the market from the first to the last, in order. */
    private static void assertCompleteTrades(UpbitSimulator sim, List<String> ids, String code) {
        assertThat(ids).as(code).isNotEmpty();
        List<Trade> trades = sim.market().tradesAfter(code, -1);
        Map<String, Long> index = new HashMap<>();
        trades.forEach(t -> index.put(Long.toString(t.sequentialId()), t.index()));
        long first = index.get(ids.get(0));
        long last = index.get(ids.get(ids.size() - 1));
        assertThat(sim.market().tradesEvicted(code)).isLessThanOrEqualTo(first);
        assertThat(ids).as(code + ": every trade from the first to the last").isEqualTo(trades.stream()
                .filter(t -> t.index() >= first && t.index() <= last).map(t -> Long.toString(t.sequentialId()))
                .toList());
    }

    /** One data item as a client decoded it: its identity as the sent log writes it, and the frame's text. */
    record Item(String type, String code, String streamType, String key, String text) {

        static Item of(String text) {
            Map<String, Object> o = Json.object(text);
            String type = (String) o.get("type");
            String key = switch (type) {
                case "trade" -> plain(o.get("sequential_id"));
                case "ticker", "orderbook" -> plain(o.get("timestamp"));
                case "myOrder" -> o.get("uuid") + "|" + o.get("state") + "|" + o.get("trade_uuid") + "|"
                        + plain(o.get("executed_volume"));
                case "myAsset" -> (String) o.get("asset_uuid");
                default -> plain(o.get("timestamp")) + "|" + o.get("candle_date_time_utc");
            };
            return new Item(type, (String) o.get("code"), (String) o.get("stream_type"), key, text);
        }

        private static String plain(Object number) {
            return ((BigDecimal) number).toPlainString();
        }
    }

    /** One line: a client over its own connection, and every data item its client decoded (DEFAULT format). */
    private static final class Line implements AutoCloseable {

        private final WsClient client;
        private final SimConnection connection;
        private final List<Item> items = new ArrayList<>();

        private Line(WsClient client, SimConnection connection) {
            this.client = client;
            this.connection = connection;
        }

        static Line open(UpbitSimulator sim, String url, Map<String, String> headers) {
            WsClient client = WsClient.connect(url, headers);
            return new Line(client, SimTestSupport.awaitLatestConnection(sim));
        }

        Line send(String request) {
            client.send(request);
            return this;
        }

        /** Subscribes and waits until the simulator has applied it (nothing acknowledges it on the private path). */
        Line subscribed(String request) {
            SimTestSupport.subscribe(client, request);
            return this;
        }

        WsClient client() {
            return client;
        }

        SimConnection connection() {
            return connection;
        }

        List<Item> items() {
            return items;
        }

        List<String> texts() {
            return items.stream().map(Item::text).toList();
        }

        /** Decodes frames until the condition holds (each read fails after a generous wait for a frame). */
        void readUntil(Predicate<Line> done) {
            while (!done.test(this)) {
                String text = client.next().text();
                if (text.startsWith("{\"status\"")) {
                    continue; // a PING's answer, not data
                }
                items.add(Item.of(text));
            }
        }

        /** Replaces the line's set with a snapshot-only ticker and reads up to it: the line's realtime items end. */
        void stop() {
            send(STOP);
            readUntil(l -> !l.items.isEmpty() && "KRW-DOGE".equals(l.items.get(l.items.size() - 1).code()));
        }

        boolean hasMarker(String marker) {
            return indexOfMarker(marker) >= 0;
        }

        int indexOfMarker(String marker) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).text().contains(marker)) {
                    return i;
                }
            }
            return -1;
        }

        boolean everyCodeHas(String type, int realtime) {
            return CODES.stream().allMatch(c -> realtimeKeys(type, c).size() >= realtime);
        }

        Map<String, Integer> realtimeCounts(String type) {
            Map<String, Integer> counts = new HashMap<>();
            CODES.forEach(c -> counts.put(c, realtimeKeys(type, c).size()));
            return counts;
        }

        List<String> realtimeKeys(String type, String code) {
            return realtime(type, code).stream().map(Item::key).toList();
        }

        List<String> realtimeTexts(String type, String code) {
            return realtime(type, code).stream().map(Item::text).toList();
        }

        private List<Item> realtime(String type, String code) {
            return items.stream().filter(i -> i.type().equals(type) && code.equals(i.code())
                    && "REALTIME".equals(i.streamType())).toList();
        }

        /** The client decoded exactly the items the simulator logged as written to this connection, in order. */
        void assertReceivedWhatWasSent() {
            assertThat(items).extracting(Item::type, Item::code, Item::streamType, Item::key)
                    .as(connection.id() + ": decoded = logged")
                    .isEqualTo(connection.sentItems().stream().map(i -> org.assertj.core.groups.Tuple.tuple(
                            i.type(), i.code(), i.streamType(), i.key())).toList());
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
