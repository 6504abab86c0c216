package io.camelupbit.test;

import java.math.BigDecimal;
import java.util.Map;

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
        if (item instanceof AnnouncementMessage m) {
            Announcement a = m.announcement();
            return new ItemIdentity(DataTypes.ANNOUNCEMENT, null, REALTIME,
                    a.uuid() + "|" + a.eventType() + "|" + PrivateDataWriter.listedAt(a.listedAt()));
        }
        if (item instanceof IndicatorMessage m) {
            return new ItemIdentity(m.type(), m.code(), REALTIME, indicatorKey(m));
        }
        throw new IllegalArgumentException("no identity for " + item.getClass());
    }

    /** {@code 5m|rsi|period=14|2026-09-03T04:50:00}; a signal adds its trigger and event params before the time. */
    private static String indicatorKey(IndicatorMessage m) {
        IndicatorChoice c = m.choice();
        StringBuilder key = new StringBuilder(m.timeframe().wireName()).append('|')
                .append(c.spec().kind().wireName()).append('|').append(fields(c.spec().params())).append('|');
        if (m.signal()) {
            key.append(c.trigger().wireName()).append('|').append(fields(c.eventParams())).append('|');
        }
        return key.append(m.candleDateTimeUtc()).toString();
    }

    /** {@code type=SMA,period=20}, in the order written, numbers as written ({@code multiplier=2.0}). */
    private static String fields(Map<? extends Key, ?> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((k, v) -> text.append(text.length() == 0 ? "" : ",").append(k.full()).append('=')
                .append(v instanceof BigDecimal b ? b.toPlainString() : v));
        return text.toString();
    }

    /** The text Jackson writes for a BigDecimal with WRITE_BIGDECIMAL_AS_PLAIN (see {@link PayloadWriter}). */
    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }
}
