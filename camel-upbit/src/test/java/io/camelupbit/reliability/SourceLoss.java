package io.camelupbit.reliability;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Exchange;

import io.camelupbit.UpbitConstants;
import io.camelupbit.event.CandleEvent;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;
import io.camelupbit.test.SentItem;
import io.camelupbit.test.UpbitSimulator;

/**
 * Loss counted against the source: what one route received of one market, walked along what the simulator sent of it
 * (its sent log's keys, in write order). Every sent item between the route's first and last received one must have
 * been received, in that order, except inside a window the component marked (the items skipped just before an event
 * carrying {@code CamelUpbitResync}, or just before the reconciled states of a private route: the states read over
 * REST after a gap, which the route gets ahead of the stream events held meanwhile, some of them then suppressed as
 * older or equal), repeats of an item the route already has (a snapshot repeating the last trade) and, where the
 * caller says so, snapshots (a route is owed one only as its first event of a market since a gap). Reconciled
 * states were never sent on the stream: they are not walked. Sequential ids are matched by the log's order, never by
 * their numeric order.
 */
final class SourceLoss {

    private static final DateTimeFormatter CANDLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /**
     * One event as the route saw it: its natural key (as {@code SentItem.key()} writes it), its resync mark, and
     * whether it is a reconciled state.
     */
    record Received(String key, boolean resync, boolean reconciled) {
        Received(String key, boolean resync) {
            this(key, resync, false);
        }

        static Received of(Exchange exchange) {
            UpbitEvent event = exchange.getMessage().getBody(UpbitEvent.class);
            return new Received(SourceLoss.key(event),
                    exchange.getMessage().getHeader(UpbitConstants.RESYNC, false, Boolean.class),
                    exchange.getMessage().getHeader(UpbitConstants.RECONCILED, false, Boolean.class));
        }
    }

    /**
     * The walk's outcome.
     *
     * @param sent       items sent between the first and the last received one, both included
     * @param received   items received
     * @param marked     sent items not received, inside windows the component marked
     * @param unmarked   sent items not received, outside any marked window: loss
     * @param duplicates received items not found after the previous one: received twice, or out of order
     */
    record Result(long sent, long received, long marked, long unmarked, long duplicates) {
        static final Result NONE = new Result(0, 0, 0, 0, 0);

        Result plus(Result o) {
            return new Result(sent + o.sent, received + o.received, marked + o.marked, unmarked + o.unmarked,
                    duplicates + o.duplicates);
        }
    }

    private SourceLoss() {
    }

    /**
     * Walks the received keys along the sent ones. A key can be sent twice (a trade's snapshot after a gap repeats the
     * last trade): the first event received, and an event marked as the first after a gap, are matched at their latest
     * sending before the next event received, since that is the one that began the route's stream.
     */
    static Result walk(List<String> sent, List<Received> received) {
        return walk(sent, received, new ArrayList<>());
    }

    /** As {@link #walk(List, List)}, describing the first few unmarked gaps into {@code gaps}. */
    static Result walk(List<String> sent, List<Received> received, List<String> gaps) {
        Map<String, int[]> positions = positions(sent);
        int next = -1;
        int start = -1;
        long marked = 0;
        long unmarked = 0;
        long duplicates = 0;
        Set<String> seen = new HashSet<>();
        boolean reconciledBefore = false;
        for (int i = 0; i < received.size(); i++) {
            Received r = received.get(i);
            if (r.reconciled()) {
                reconciledBefore = true;
                continue;
            }
            int[] sentAt = positions.get(r.key());
            int at = firstAtOrAfter(sentAt, Math.max(next, 0));
            if (at < 0) {
                duplicates++;
                continue;
            }
            // the first event and an event after a gap: of a key sent twice, the later sending is the one received
            Received after = nextWalked(received, i + 1);
            if ((r.resync() || start < 0) && after != null) {
                int following = firstAtOrAfter(positions.get(after.key()), at + 1);
                at = lastBefore(sentAt, following < 0 ? sent.size() : following, at);
            }
            long missing = start >= 0 && at > next ? countNew(sent, next, at, seen) : 0;
            seen.add(r.key());
            if (start < 0) {
                start = at;
            } else if (missing > 0) {
                if (r.resync() || reconciledBefore) {
                    marked += missing;
                } else {
                    unmarked += missing;
                    if (gaps.size() < 5) {
                        gaps.add("after " + sent.get(next - 1) + " came " + r.key() + ", not marked; missing "
                                + sent.subList(next, at));
                    }
                }
            }
            next = at + 1;
            reconciledBefore = false;
        }
        long span = start < 0 ? 0 : next - start;
        return new Result(span, received.stream().filter(r -> !r.reconciled()).count(), marked, unmarked,
                duplicates);
    }

    /**
     * As {@link #walk(List, List, List)}, for a route whose events may come over several connections at once (another
     * line, a connection taking a line's place). Each connection writes a market's stream in its order but at its own
     * pace, so the order of writes across connections is not the stream's: the items are walked in the stream's own
     * order ({@code streamOrder}, see {@link #streamOrder}), each key once. A key is owed unless it was only ever sent
     * as a snapshot: a snapshot is owed to a route only as its first event of a market since its last gap
     * (docs/events.md), and a connection that joins later sends one for every market it carries. Up to the route's
     * second event, keys only connections that did not send its first one sent are not owed: a connection that joins
     * begins after its snapshot and leaves out the items that show nothing newer than it, as Upbit's own stream does.
     * A key received again right away is a second item of the same key (two states of one millisecond) as long as one
     * connection sent it that often; otherwise, and when received after a later key, it is a duplicate.
     */
    static Result walkAcross(List<SentItem> sent, Comparator<String> streamOrder, List<Received> received,
                             List<String> gaps) {
        Map<String, SentKey> byKey = new LinkedHashMap<>();
        for (SentItem item : sent) {
            byKey.computeIfAbsent(item.key(), SentKey::new).add(item);
        }
        List<SentKey> stream = new ArrayList<>(byKey.values());
        stream.sort(Comparator.comparing(SentKey::key, streamOrder));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < stream.size(); i++) {
            index.put(stream.get(i).key(), i);
        }
        Map<String, Integer> times = new HashMap<>();
        int next = -1;
        int start = -1;
        long marked = 0;
        long unmarked = 0;
        long duplicates = 0;
        long walked = 0;
        Set<String> firstOn = Set.of();
        boolean reconciledBefore = false;
        for (Received r : received) {
            if (r.reconciled()) {
                reconciledBefore = true;
                continue;
            }
            walked++;
            Integer at = index.get(r.key());
            int count = times.merge(r.key(), 1, Integer::sum);
            if (at == null || at < next - 1 || at == next - 1 && count > stream.get(at).mostOnOneConnection()) {
                duplicates++;
                continue;
            }
            if (at == next - 1) {
                continue;
            }
            if (start < 0) {
                start = at;
                firstOn = stream.get(at).connections();
            } else {
                long missing = 0;
                for (int i = next; i < at; i++) {
                    SentKey key = stream.get(i);
                    missing += key.owed() && (walked > 2 || !Collections.disjoint(key.connections(), firstOn)) ? 1 : 0;
                }
                if (missing > 0 && (r.resync() || reconciledBefore)) {
                    marked += missing;
                } else if (missing > 0) {
                    unmarked += missing;
                    if (gaps.size() < 5) {
                        gaps.add("after " + stream.get(next - 1) + " came " + stream.get(at) + ", not marked; missing "
                                + stream.subList(next, at));
                    }
                }
            }
            next = at + 1;
            reconciledBefore = false;
        }
        long span = start < 0 ? 0 : next - start;
        return new Result(span, walked, marked, unmarked, duplicates);
    }

    /**
     * A market's stream order of the keys the simulator sends of this type: trades as it generated them, tickers and
     * orderbooks by timestamp, candles by period, then timestamp; private events as they happened (they are written to
     * every connection as they happen, so the order of first sending is theirs: the comparator leaves it).
     */
    static Comparator<String> streamOrder(UpbitSimulator simulator, String type, String code) {
        if ("trade".equals(type)) {
            List<String> generated = generatedTradeKeys(simulator, code);
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < generated.size(); i++) {
                position.put(generated.get(i), i);
            }
            return Comparator.comparingInt(key -> position.getOrDefault(key, Integer.MAX_VALUE));
        }
        if ("ticker".equals(type) || "orderbook".equals(type)) {
            return Comparator.comparingLong(Long::parseLong);
        }
        if (type.startsWith("candle")) {
            Comparator<String> byPeriod = Comparator.comparing(key -> key.substring(key.indexOf('|') + 1));
            return byPeriod.thenComparingLong(key -> Long.parseLong(key.substring(0, key.indexOf('|'))));
        }
        return (a, b) -> 0;
    }

    /** One key of what was sent: on which connections, how often on one at most, and whether ever as realtime. */
    private static final class SentKey {
        private final String key;
        private final Map<String, Integer> perConnection = new HashMap<>();
        private boolean owed;

        SentKey(String key) {
            this.key = key;
        }

        void add(SentItem item) {
            perConnection.merge(item.connectionId(), 1, Integer::sum);
            owed |= !"SNAPSHOT".equals(item.streamType());
        }

        String key() {
            return key;
        }

        Set<String> connections() {
            return perConnection.keySet();
        }

        int mostOnOneConnection() {
            return perConnection.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }

        boolean owed() {
            return owed;
        }

        @Override
        public String toString() {
            return key + "@" + new TreeSet<>(perConnection.keySet()) + (owed ? "" : "(snapshot)");
        }
    }

    /**
     * Whether the route received exactly the run of the source from its first received item to its last: every item,
     * once, in the source's order, none marked as after a gap.
     *
     * @return {@code null} when it did, else where it first did not
     */
    static String exactRun(List<String> source, List<Received> received) {
        return exactRun(source, received, false);
    }

    /**
     * As {@link #exactRun(List, List)}; with {@code marksAllowed} an item may carry the resync mark (a mark too many,
     * which the contract allows: nothing is missing when the run is exact).
     */
    static String exactRun(List<String> source, List<Received> received, boolean marksAllowed) {
        if (received.isEmpty()) {
            return null;
        }
        int start = source.indexOf(received.get(0).key());
        if (start < 0) {
            return "the first item received, " + received.get(0).key() + ", is not in the source";
        }
        for (int i = 0; i < received.size(); i++) {
            Received r = received.get(i);
            String expected = start + i < source.size() ? source.get(start + i) : "nothing";
            if (!r.key().equals(expected) || r.resync() && !marksAllowed) {
                return "item " + i + " is " + r.key() + (r.resync() ? " (marked)" : "") + ", the source has "
                        + expected + " there; received before it " + received.subList(Math.max(0, i - 3), i);
            }
        }
        return null;
    }

    /** The first stream event from {@code from} on, reconciled states skipped; {@code null} when none. */
    private static Received nextWalked(List<Received> received, int from) {
        for (int i = from; i < received.size(); i++) {
            if (!received.get(i).reconciled()) {
                return received.get(i);
            }
        }
        return null;
    }

    /** The keys of what the simulator sent of this type and market (a null code: every market), in write order. */
    static List<String> sentKeys(UpbitSimulator simulator, String type, String code) {
        return simulator.sentLog().items(type, code).stream().map(SentItem::key).toList();
    }



    /** The keys of the trades the simulator generated in this market, in their order. */
    static List<String> generatedTradeKeys(UpbitSimulator simulator, String code) {
        return simulator.market().tradesAfter(code, -1).stream().map(t -> Long.toString(t.sequentialId())).toList();
    }

    /** The key the simulator's sent log gives the item this event was decoded from. */
    static String key(UpbitEvent event) {
        if (event instanceof TradeEvent trade) {
            return Long.toString(trade.sequentialId());
        }
        if (event instanceof TickerEvent || event instanceof OrderbookEvent) {
            return Long.toString(event.timestamp());
        }
        if (event instanceof CandleEvent candle) {
            return candle.timestamp() + "|" + CANDLE_TIME.format(candle.candleDateTimeUtc());
        }
        if (event instanceof MyOrderEvent order) {
            return order.uuid() + "|" + order.state().name().toLowerCase(Locale.ROOT) + "|" + order.tradeUuid() + "|"
                   + (order.executedVolume() == null ? "null" : order.executedVolume().toPlainString());
        }
        if (event instanceof MyAssetEvent asset) {
            return asset.assetUuid();
        }
        throw new IllegalArgumentException("no key for " + event);
    }

    private static Map<String, int[]> positions(List<String> sent) {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            lists.computeIfAbsent(sent.get(i), k -> new ArrayList<>(1)).add(i);
        }
        Map<String, int[]> positions = new HashMap<>(lists.size() * 2);
        lists.forEach((key, list) -> positions.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        return positions;
    }

    /** Sent items in [from, to) the route has not received yet: a repeat of one it has (a snapshot) is no loss. */
    private static long countNew(List<String> sent, int from, int to, Set<String> seen) {
        long count = 0;
        for (int i = from; i < to; i++) {
            count += seen.contains(sent.get(i)) ? 0 : 1;
        }
        return count;
    }

    /** The last position below {@code limit}, or {@code fallback} when none is above it. */
    private static int lastBefore(int[] sorted, int limit, int fallback) {
        int best = fallback;
        for (int position : sorted) {
            if (position < limit && position > best) {
                best = position;
            }
        }
        return best;
    }

    private static int firstAtOrAfter(int[] sorted, int from) {
        if (sorted == null) {
            return -1;
        }
        int i = Arrays.binarySearch(sorted, from);
        int at = i >= 0 ? i : -i - 1;
        return at < sorted.length ? sorted[at] : -1;
    }
}
