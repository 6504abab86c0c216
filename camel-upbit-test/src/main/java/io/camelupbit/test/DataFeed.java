package io.camelupbit.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one connection's subscription set produces from the market: one snapshot per (type, code) when the set is
 * replaced, then realtime items as trades happen. Only {@code ticker} produces data so far; other public types are
 * accepted and listed but stay silent until their streams are added here.
 *
 * <p>A (type, code) wanted by several objects of one set is served once: it gets a snapshot unless every object
 * naming it is realtime-only, and realtime items unless every one is snapshot-only. Confined to its connection's
 * event loop.
 */
final class DataFeed {

    private final Market market;
    private Set<String> realtimeTickers = Set.of();
    /** Per realtime ticker code, the index of the last trade already reported. */
    private final Map<String, Long> tickerCursor = new LinkedHashMap<>();

    DataFeed(Market market) {
        this.market = market;
    }

    /** Takes a new subscription set and returns its snapshot items, in request order. */
    List<DataItem> replace(List<Subscription> subscriptions) {
        Set<String> snapshotCodes = new LinkedHashSet<>();
        Set<String> realtimeCodes = new LinkedHashSet<>();
        for (Subscription s : subscriptions) {
            if (!DataTypes.TICKER.equals(s.type())) {
                continue;
            }
            for (String code : s.codes()) {
                if (!s.onlyRealtime()) {
                    snapshotCodes.add(code);
                }
                if (!s.onlySnapshot()) {
                    realtimeCodes.add(code);
                }
            }
        }
        List<DataItem> snapshots = new ArrayList<>();
        tickerCursor.clear();
        for (String code : snapshotCodes) {
            Ticker snapshot = market.ticker(code, Ticker.StreamType.SNAPSHOT);
            snapshots.add(snapshot);
            tickerCursor.put(code, snapshot.tradeIndex());
        }
        realtimeTickers = Set.copyOf(realtimeCodes);
        tickerCursor.keySet().retainAll(realtimeCodes);
        for (String code : realtimeCodes) {
            // Realtime items start with the next trade after the snapshot (or after now, when realtime-only).
            tickerCursor.computeIfAbsent(code, c -> market.lastTrade(c).index());
        }
        return snapshots;
    }

    /** Whether the current set has anything to stream. */
    boolean hasRealtime() {
        return !realtimeTickers.isEmpty();
    }

    /** The realtime items due now: one ticker per market that traded since the last call. */
    List<DataItem> due() {
        List<DataItem> items = new ArrayList<>();
        for (Map.Entry<String, Long> cursor : tickerCursor.entrySet()) {
            Ticker ticker = market.ticker(cursor.getKey(), Ticker.StreamType.REALTIME);
            if (ticker.tradeIndex() > cursor.getValue()) {
                cursor.setValue(ticker.tradeIndex());
                items.add(ticker);
            }
        }
        return items;
    }
}
