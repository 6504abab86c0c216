package io.camelupbit.reliability;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        return walk(sent, Set.of(), null, received, gaps);
    }

    /**
     * As {@link #walk(List, List, List)}, for a route whose events may come over several connections. The sent items
     * at {@code notOwed} positions are never counted missing: a snapshot is owed to a route only as its first event of
     * a market since its last gap (docs/events.md), and a connection that joins later (another line, one taking a
     * line's place) sends one for every market it carries. With {@code sentOn} (the connection of each sent item), the
     * route's stream begins on the connection of its first event: up to its second event, items only other
     * connections sent are not owed (a connection that joins begins after its snapshot and leaves out the items that
     * show nothing newer than it, as Upbit's own stream does).
     */
    static Result walk(List<String> sent, Set<Integer> notOwed, List<String> sentOn, List<Received> received,
                       List<String> gaps) {
        Map<String, int[]> positions = positions(sent);
        int next = -1;
        int start = -1;
        long marked = 0;
        long unmarked = 0;
        long duplicates = 0;
        Set<String> seen = new HashSet<>();
        boolean reconciledBefore = false;
        long walked = 0;
        for (int i = 0; i < received.size(); i++) {
            Received r = received.get(i);
            if (r.reconciled()) {
                reconciledBefore = true;
                continue;
            }
            walked++;
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
            String onlyOn = start >= 0 && walked == 2 && sentOn != null ? sentOn.get(start) : null;
            long missing = start >= 0 && at > next ? countNew(sent, next, at, seen, notOwed, sentOn, onlyOn) : 0;
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
        return new Result(span, walked, marked, unmarked, duplicates);
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

    /** The connection each item was sent on, in {@link #sentKeys} order. */
    static List<String> sentOn(UpbitSimulator simulator, String type, String code) {
        return simulator.sentLog().items(type, code).stream().map(SentItem::connectionId).toList();
    }

    /** The positions, in {@link #sentKeys} order, of the snapshots among what the simulator sent. */
    static Set<Integer> snapshotPositions(UpbitSimulator simulator, String type, String code) {
        List<SentItem> items = simulator.sentLog().items(type, code);
        Set<Integer> positions = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if ("SNAPSHOT".equals(items.get(i).streamType())) {
                positions.add(i);
            }
        }
        return positions;
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
    private static long countNew(List<String> sent, int from, int to, Set<String> seen, Set<Integer> notOwed,
                                 List<String> sentOn, String onlyOn) {
        long count = 0;
        for (int i = from; i < to; i++) {
            boolean owed = !seen.contains(sent.get(i)) && !notOwed.contains(i)
                    && (onlyOn == null || onlyOn.equals(sentOn.get(i)));
            count += owed ? 1 : 0;
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
