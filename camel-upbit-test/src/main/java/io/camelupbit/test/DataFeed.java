package io.camelupbit.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one connection's subscription set produces: for market data, one snapshot per stream when the set is
 * replaced, then realtime items as trades happen; for the private types, which of the account's events and of the
 * notices the connection takes (indicators are {@link IndicatorFeed}'s).
 *
 * <p>A stream is a {@link StreamKey}: a pair wanted by several objects of one set is served once; it gets a snapshot
 * unless every object naming it is realtime-only, and realtime items unless every one is snapshot-only. Orderbook
 * objects with different levels for one code are separate streams; the same (code, level) asked with several
 * depths gets the deepest. The realtime items come from the simulator's {@link SharedStreams}: every connection
 * subscribed to a stream gets the same items; the snapshots are the connection's own, taken when its set is
 * replaced. Confined to its connection's event loop, except {@link #wants} and {@link #announcement}, which read
 * immutable filters.
 */
final class DataFeed {

    private final SharedStreams streams;
    private final TradeSkips tradeSkips;
    /** This connection's readers of its realtime streams, in request order. */
    private List<SharedStream.Reader> realtime = List.of();
    private volatile PrivateFilter privateFilter = PrivateFilter.NONE;
    /** The {@code announcement} objects of the current set. */
    private volatile List<Subscription> announcements = List.of();

    /** @param tradeSkips told of the trades this connection's trade streams never got */
    DataFeed(SharedStreams streams, TradeSkips tradeSkips) {
        this.streams = streams;
        this.tradeSkips = tradeSkips;
    }

    /** Takes a new subscription set and returns its snapshot items, in request order. */
    List<DataItem> replace(List<Subscription> subscriptions) {
        Map<StreamKey, Wanted> wanted = new LinkedHashMap<>();
        for (Subscription s : subscriptions) {
            if (!DataTypes.PUBLIC.contains(s.type())) {
                continue; // private and indicator types have no market stream
            }
            for (String code : s.codes()) {
                Wanted w = wanted.computeIfAbsent(StreamKey.of(s, code), k -> new Wanted());
                w.snapshot |= !s.onlyRealtime();
                w.realtime |= !s.onlySnapshot();
                w.depth = Math.max(w.depth, DataTypes.ORDERBOOK.equals(s.type()) ? MarketCodes.depth(code) : 0);
            }
        }
        List<DataItem> snapshots = new ArrayList<>();
        List<SharedStream.Reader> readers = new ArrayList<>();
        for (Map.Entry<StreamKey, Wanted> e : wanted.entrySet()) {
            StreamKey key = e.getKey().withDepth(e.getValue().depth);
            DataItem snapshot;
            if (e.getValue().realtime) {
                SharedStream.Reader reader = streams.join(key, e.getValue().snapshot, tradeSkips);
                readers.add(reader);
                snapshot = reader.snapshot();
            } else {
                snapshot = e.getValue().snapshot ? streams.snapshot(key) : null;
            }
            if (snapshot != null) {
                snapshots.add(snapshot);
            }
        }
        // The new readers joined first: a stream in both sets is not dropped and created again in between.
        leaveAll();
        realtime = List.copyOf(readers);
        privateFilter = PrivateFilter.of(subscriptions);
        announcements = subscriptions.stream().filter(s -> DataTypes.ANNOUNCEMENT.equals(s.type())).toList();
        return snapshots;
    }

    /** Stops the realtime streams of this type and bare code without a word, as a server that lost them would. */
    void forget(String type, String code) {
        List<SharedStream.Reader> kept = new ArrayList<>();
        for (SharedStream.Reader reader : realtime) {
            StreamKey key = reader.stream().key();
            if (key.type().equals(type) && key.code().equals(code)) {
                streams.leave(reader);
            } else {
                kept.add(reader);
            }
        }
        realtime = List.copyOf(kept);
    }

    /** Leaves every stream: the connection has closed. */
    void close() {
        leaveAll();
        realtime = List.of();
    }

    private void leaveAll() {
        for (SharedStream.Reader reader : realtime) {
            streams.leave(reader);
        }
    }

    /** Whether the current set has market data to stream. */
    boolean hasRealtime() {
        return !realtime.isEmpty();
    }

    /** The realtime items due now, stream by stream in request order. */
    List<DataItem> due() {
        List<DataItem> items = new ArrayList<>();
        for (SharedStream.Reader reader : realtime) {
            items.addAll(reader.read());
        }
        return items;
    }

    /** Whether this private event goes to this connection under its current subscription set. */
    boolean wants(DataItem event) {
        return privateFilter.wants(event);
    }

    /**
     * This connection's item of a notice, or {@code null} when no {@code announcement} object of its set takes the
     * category (an object without categories, or with an empty list, takes all). The body goes with it when one of
     * the objects that take it asked for {@code include_body}.
     */
    AnnouncementMessage announcement(Announcement notice, long timestamp) {
        boolean wanted = false;
        boolean body = false;
        for (Subscription s : announcements) {
            if (s.categories() == null || s.categories().isEmpty() || s.categories().contains(notice.category())) {
                wanted = true;
                body |= Boolean.TRUE.equals(s.includeBody());
            }
        }
        return wanted ? new AnnouncementMessage(notice, body, timestamp) : null;
    }

    /** What the objects naming one stream ask for together. */
    private static final class Wanted {
        boolean snapshot;
        boolean realtime;
        int depth;
    }

    /** Which private events a subscription set takes: both types are realtime only. */
    private record PrivateFilter(boolean myOrder, Set<String> orderCodes, boolean myAsset) {

        static final PrivateFilter NONE = new PrivateFilter(false, Set.of(), false);

        static PrivateFilter of(List<Subscription> subscriptions) {
            boolean myOrder = false;
            boolean allCodes = false;
            Set<String> codes = new java.util.HashSet<>();
            boolean myAsset = false;
            for (Subscription s : subscriptions) {
                if (s.onlySnapshot()) {
                    continue; // there is no snapshot of private data, so a snapshot-only object gets nothing
                }
                if (DataTypes.MY_ORDER.equals(s.type())) {
                    myOrder = true;
                    // Missing or empty codes mean every market (upbit-protocol.md §2.1).
                    allCodes |= s.codes().isEmpty();
                    codes.addAll(s.codes());
                } else if (DataTypes.MY_ASSET.equals(s.type())) {
                    myAsset = true;
                }
            }
            return new PrivateFilter(myOrder, allCodes ? null : Set.copyOf(codes), myAsset);
        }

        boolean wants(DataItem event) {
            if (event instanceof MyOrderEvent order) {
                return myOrder && (orderCodes == null || orderCodes.contains(order.order().code()));
            }
            return event instanceof MyAssetEvent && myAsset;
        }
    }
}
