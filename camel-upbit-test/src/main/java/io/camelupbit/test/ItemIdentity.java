package io.camelupbit.test;

import java.math.BigDecimal;

/**
 * What a {@link SentItem} records of a {@link DataItem}: its type, bare code, stream type and natural key, read
 * straight from the item's values (no JSON is parsed), as the writers put them in the payload.
 */
record ItemIdentity(String type, String code, String streamType, String key) {

    private static final String REALTIME = Ticker.StreamType.REALTIME.name();

    static ItemIdentity of(DataItem item) {
        // Java 17 has no pattern matching for switch yet.
        if (item instanceof TradeMessage t) {
            return new ItemIdentity(DataTypes.TRADE, t.code(), t.streamType().name(), Long.toString(t.sequentialId()));
        }
        if (item instanceof Ticker t) {
            return new ItemIdentity(DataTypes.TICKER, t.code(), t.streamType().name(), Long.toString(t.timestamp()));
        }
        if (item instanceof OrderbookMessage o) {
            return new ItemIdentity(DataTypes.ORDERBOOK, o.code(), o.streamType().name(),
                    Long.toString(o.timestamp()));
        }
        if (item instanceof CandleMessage c) {
            return new ItemIdentity(c.type(), c.code(), c.streamType().name(),
                    c.timestamp() + "|" + c.candleDateTimeUtc());
        }
        if (item instanceof MyOrderEvent e) {
            SimOrder o = e.order();
            return new ItemIdentity(DataTypes.MY_ORDER, o.code(), REALTIME,
                    o.uuid() + "|" + e.state() + "|" + e.tradeUuid() + "|" + plain(o.executedVolume()));
        }
        if (item instanceof MyAssetEvent a) {
            return new ItemIdentity(DataTypes.MY_ASSET, null, REALTIME, a.assetUuid());
        }
        throw new IllegalArgumentException("no identity for " + item.getClass());
    }

    /** The text Jackson writes for a BigDecimal with WRITE_BIGDECIMAL_AS_PLAIN (see {@link PayloadWriter}). */
    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }
}
