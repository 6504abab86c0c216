package io.camelupbit.test;

import java.math.BigDecimal;
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
 * <p>A stream is a (type, code) pair, or (orderbook, code, level): a pair wanted by several objects of one set is
 * served once; it gets a snapshot unless every object naming it is realtime-only, and realtime items unless every
 * one is snapshot-only. Orderbook objects with different levels for one code are separate streams; the same
 * (code, level) asked with several depths gets the deepest. Confined to its connection's event loop, except
 * {@link #wants} and {@link #announcement}, which read immutable filters.
 */
final class DataFeed {

    private final Market market;
    private final OrderbookLevels levels;
    private final int maxTradesPerTick;
    private final TradeSkips tradeSkips;
    private List<MarketStream> realtime = List.of();
    /** The key of each realtime stream, in the same order. */
    private List<StreamKey> realtimeKeys = List.of();
    private volatile PrivateFilter privateFilter = PrivateFilter.NONE;
    /** The {@code announcement} objects of the current set. */
    private volatile List<Subscription> announcements = List.of();

    /**
     * @param maxTradesPerTick at most this many trades per trade stream and tick (the newest)
     * @param tradeSkips       told of the trades left out by that limit
     */
    DataFeed(Market market, OrderbookLevels levels, int maxTradesPerTick, TradeSkips tradeSkips) {
        this.market = market;
        this.levels = levels;
        this.maxTradesPerTick = maxTradesPerTick;
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
                StreamKey key = StreamKey.of(s, code);
                Wanted w = wanted.computeIfAbsent(key, k -> new Wanted());
                w.snapshot |= !s.onlyRealtime();
                w.realtime |= !s.onlySnapshot();
                w.depth = Math.max(w.depth, DataTypes.ORDERBOOK.equals(s.type()) ? MarketCodes.depth(code) : 0);
            }
        }
        List<DataItem> snapshots = new ArrayList<>();
        List<MarketStream> streams = new ArrayList<>();
        List<StreamKey> keys = new ArrayList<>();
        for (Map.Entry<StreamKey, Wanted> e : wanted.entrySet()) {
            MarketStream stream = stream(e.getKey(), e.getValue().depth);
            if (e.getValue().snapshot) {
                DataItem snapshot = stream.snapshot();
                if (snapshot != null) {
                    snapshots.add(snapshot);
                }
            } else {
                stream.startAtNow();
            }
            if (e.getValue().realtime) {
                streams.add(stream);
                keys.add(e.getKey());
            }
        }
        realtime = List.copyOf(streams);
        realtimeKeys = List.copyOf(keys);
        privateFilter = PrivateFilter.of(subscriptions);
        announcements = subscriptions.stream().filter(s -> DataTypes.ANNOUNCEMENT.equals(s.type())).toList();
        return snapshots;
    }

    /** Stops the realtime streams of this type and bare code without a word, as a server that lost them would. */
    void forget(String type, String code) {
        List<MarketStream> streams = new ArrayList<>();
        List<StreamKey> keys = new ArrayList<>();
        for (int i = 0; i < realtime.size(); i++) {
            StreamKey key = realtimeKeys.get(i);
            if (!key.type().equals(type) || !key.code().equals(code)) {
                streams.add(realtime.get(i));
                keys.add(key);
            }
        }
        realtime = List.copyOf(streams);
        realtimeKeys = List.copyOf(keys);
    }

    /** Whether the current set has market data to stream. */
    boolean hasRealtime() {
        return !realtime.isEmpty();
    }

    /** The realtime items due now, stream by stream in request order. */
    List<DataItem> due() {
        List<DataItem> items = new ArrayList<>();
        for (MarketStream stream : realtime) {
            items.addAll(stream.due());
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

    private MarketStream stream(StreamKey key, int depth) {
        if (DataTypes.TICKER.equals(key.type())) {
            return new TickerStream(market, key.code());
        }
        if (DataTypes.TRADE.equals(key.type())) {
            return new TradeStream(market, key.code(), maxTradesPerTick, tradeSkips);
        }
        if (DataTypes.ORDERBOOK.equals(key.type())) {
            boolean silent = !levels.supported(key.code(), key.level());
            return new OrderbookStream(market, key.code(), key.level(), depth, silent);
        }
        CandleUnit unit = CandleUnit.ofType(key.type());
        if (unit == null) {
            throw new IllegalStateException("no stream for " + key.type());
        }
        return new CandleStream(market, key.code(), unit);
    }

    /** A stream: type and bare code, plus the normalised level for orderbooks (null for other types). */
    private record StreamKey(String type, String code, BigDecimal level) {
        static StreamKey of(Subscription s, String code) {
            boolean orderbook = DataTypes.ORDERBOOK.equals(s.type());
            BigDecimal level = orderbook ? TickSize.normalize(s.level() == null ? BigDecimal.ZERO : s.level()) : null;
            return new StreamKey(s.type(), MarketCodes.bare(code), level);
        }
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
