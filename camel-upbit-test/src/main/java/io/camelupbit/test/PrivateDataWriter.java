package io.camelupbit.test;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes the private items ({@code myOrder}, {@code myAsset}, {@code announcement}) with DEFAULT or SIMPLE keys,
 * every field of upbit-protocol.md §4.5/§4.6 and research-new-streams.md §c.1: a field without a value is written as
 * JSON {@code null} (e.g. {@code trade_uuid} unless {@code state=trade}), never left out; only an announcement's
 * {@code body} is left out when the connection did not ask for it. Amounts are exact decimals in plain notation.
 */
final class PrivateDataWriter {

    /** ISO 8601 with the offset, to the second, as Upbit's example: {@code 2026-07-14T16:36:34+09:00}. */
    private static final DateTimeFormatter LISTED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private PrivateDataWriter() {
    }

    static void myOrder(JsonGenerator g, MyOrderEvent e, boolean s) throws IOException {
        SimOrder o = e.order();
        g.writeStartObject();
        g.writeStringField(MyOrderKey.TYPE.name(s), DataTypes.MY_ORDER);
        g.writeStringField(MyOrderKey.CODE.name(s), o.code());
        g.writeStringField(MyOrderKey.UUID.name(s), o.uuid());
        g.writeStringField(MyOrderKey.ASK_BID.name(s), o.side().name());
        g.writeStringField(MyOrderKey.ORDER_TYPE.name(s), o.orderType());
        g.writeStringField(MyOrderKey.STATE.name(s), e.state());
        string(g, MyOrderKey.TRADE_UUID, s, e.tradeUuid());
        number(g, MyOrderKey.PRICE, s, normalize(e.price()));
        number(g, MyOrderKey.AVG_PRICE, s, normalize(o.avgPrice()));
        number(g, MyOrderKey.VOLUME, s, normalize(e.volume()));
        number(g, MyOrderKey.REMAINING_VOLUME, s, o.remainingVolume());
        number(g, MyOrderKey.EXECUTED_VOLUME, s, o.executedVolume());
        g.writeNumberField(MyOrderKey.TRADES_COUNT.name(s), o.tradesCount());
        number(g, MyOrderKey.RESERVED_FEE, s, o.reservedFee());
        number(g, MyOrderKey.REMAINING_FEE, s, o.remainingFee());
        number(g, MyOrderKey.PAID_FEE, s, o.paidFee());
        number(g, MyOrderKey.LOCKED, s, o.locked());
        number(g, MyOrderKey.EXECUTED_FUNDS, s, o.executedFunds());
        string(g, MyOrderKey.TIME_IN_FORCE, s, o.timeInForce());
        number(g, MyOrderKey.TRADE_FEE, s, e.tradeFee());
        g.writeFieldName(MyOrderKey.IS_MAKER.name(s));
        if (e.maker() == null) {
            g.writeNull();
        } else {
            g.writeBoolean(e.maker());
        }
        string(g, MyOrderKey.IDENTIFIER, s, o.identifier());
        string(g, MyOrderKey.SMP_TYPE, s, o.smpType());
        number(g, MyOrderKey.PREVENTED_VOLUME, s, o.preventedVolume());
        number(g, MyOrderKey.PREVENTED_LOCKED, s, o.preventedLocked());
        g.writeFieldName(MyOrderKey.TRADE_TIMESTAMP.name(s));
        if (e.tradeTimestamp() == null) {
            g.writeNull();
        } else {
            g.writeNumber(e.tradeTimestamp());
        }
        g.writeNumberField(MyOrderKey.ORDER_TIMESTAMP.name(s), o.orderedAt().toEpochMilli());
        g.writeNumberField(MyOrderKey.TIMESTAMP.name(s), e.timestamp());
        g.writeStringField(MyOrderKey.STREAM_TYPE.name(s), Ticker.StreamType.REALTIME.name());
        g.writeEndObject();
    }

    static void myAsset(JsonGenerator g, MyAssetEvent e, boolean s) throws IOException {
        g.writeStartObject();
        g.writeStringField(MyAssetKey.TYPE.name(s), DataTypes.MY_ASSET);
        g.writeStringField(MyAssetKey.ASSET_UUID.name(s), e.assetUuid());
        g.writeArrayFieldStart(MyAssetKey.ASSETS.name(s));
        for (SimBalance b : e.assets()) {
            g.writeStartObject();
            g.writeStringField(AssetKey.CURRENCY.name(s), b.currency());
            number(g, AssetKey.BALANCE, s, b.balance());
            number(g, AssetKey.LOCKED, s, b.locked());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField(MyAssetKey.ASSET_TIMESTAMP.name(s), e.assetTimestamp());
        g.writeNumberField(MyAssetKey.TIMESTAMP.name(s), e.timestamp());
        g.writeStringField(MyAssetKey.STREAM_TYPE.name(s), Ticker.StreamType.REALTIME.name());
        g.writeEndObject();
    }

    static void announcement(JsonGenerator g, AnnouncementMessage m, boolean s) throws IOException {
        Announcement a = m.announcement();
        g.writeStartObject();
        g.writeStringField(AnnouncementKey.TYPE.name(s), DataTypes.ANNOUNCEMENT);
        g.writeStringField(AnnouncementKey.EVENT_TYPE.name(s), a.eventType());
        g.writeStringField(AnnouncementKey.UUID.name(s), a.uuid());
        g.writeStringField(AnnouncementKey.TITLE.name(s), a.title());
        g.writeStringField(AnnouncementKey.CATEGORY.name(s), a.category());
        g.writeStringField(AnnouncementKey.URL.name(s), a.url());
        g.writeStringField(AnnouncementKey.FIRST_LISTED_AT.name(s), listedAt(a.firstListedAt()));
        g.writeStringField(AnnouncementKey.LISTED_AT.name(s), listedAt(a.listedAt()));
        g.writeNumberField(AnnouncementKey.TIMESTAMP.name(s), m.timestamp());
        g.writeStringField(AnnouncementKey.STREAM_TYPE.name(s), Ticker.StreamType.REALTIME.name());
        if (m.includeBody()) {
            string(g, AnnouncementKey.BODY, s, a.body());
        }
        g.writeEndObject();
    }

    /** The text of {@code first_listed_at} and {@code listed_at}. */
    static String listedAt(OffsetDateTime time) {
        return LISTED_AT.format(time);
    }

    private static void number(JsonGenerator g, Key key, boolean simple, BigDecimal value) throws IOException {
        g.writeFieldName(key.name(simple));
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    private static BigDecimal normalize(BigDecimal value) {
        return value == null ? null : TickSize.normalize(value);
    }

    private static void string(JsonGenerator g, Key key, boolean simple, String value) throws IOException {
        g.writeFieldName(key.name(simple));
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }
}
