package io.camelupbit.test;

import java.util.Set;

/** The data types the simulator knows and serves (upbit-protocol.md §2.2). */
final class DataTypes {

    static final String TICKER = "ticker";
    static final String TRADE = "trade";
    static final String ORDERBOOK = "orderbook";
    static final String MY_ORDER = "myOrder";
    static final String MY_ASSET = "myAsset";
    static final String ANNOUNCEMENT = "announcement";
    static final String INDICATOR = "indicator";
    static final String INDICATOR_SIGNAL = "indicator_signal";

    /** Public (quotation) types; candle type names are case-sensitive. */
    static final Set<String> PUBLIC = Set.of(TICKER, TRADE, ORDERBOOK,
            "candle.1s", "candle.1m", "candle.3m", "candle.5m", "candle.10m", "candle.15m", "candle.30m",
            "candle.60m", "candle.240m");

    /** Private (exchange) types, served only on the private path. */
    static final Set<String> PRIVATE = Set.of(MY_ORDER, MY_ASSET, ANNOUNCEMENT);

    /** The technical indicator types, served only on the info path. */
    static final Set<String> INFO = Set.of(INDICATOR, INDICATOR_SIGNAL);

    private DataTypes() {
    }

    static boolean isKnown(String type) {
        return PUBLIC.contains(type) || PRIVATE.contains(type) || INFO.contains(type);
    }
}
