package io.camelupbit.test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the server's frames as UTF-8 JSON with Jackson's streaming generator: data items (DEFAULT or SIMPLE keys,
 * one object or a list), the {@code LIST_SUBSCRIPTIONS} reply, error and status frames.
 *
 * <p>Numbers are written from {@link BigDecimal} in plain notation, so their exact decimal text (trailing zeros
 * included, e.g. {@code 31883000.00000000}) reaches the client as Upbit writes it, never through a double.
 */
final class PayloadWriter {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private PayloadWriter() {
    }

    /** One frame payload: the item as an object, or all items as one array in a list format. */
    static byte[] data(List<? extends DataItem> items, Format format) {
        if (!format.list() && items.size() != 1) {
            throw new IllegalArgumentException("an object format carries exactly one item per frame");
        }
        return write(g -> {
            if (format.list()) {
                g.writeStartArray();
                for (DataItem item : items) {
                    item(g, item, format.simpleKeys());
                }
                g.writeEndArray();
            } else {
                item(g, items.get(0), format.simpleKeys());
            }
        });
    }

    /** {@code {"error":{"name":..,"message":..}}}. */
    static byte[] error(String name, String message) {
        return write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("name", name);
            g.writeStringField("message", message);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** {@code {"status":"UP"}}. */
    static byte[] status(String status) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("status", status);
            g.writeEndObject();
        });
    }

    /**
     * The {@code LIST_SUBSCRIPTIONS} reply: one result entry per subscription object, codes as requested, and
     * {@code level} (0 when not given) on orderbook entries. Always an object, in list formats too (the doc shows
     * no list form of it). Announcement entries add {@code categories} and {@code include_body} when the request
     * had them, indicator entries their {@code timeframe} and {@code indicators} ({@link IndicatorWriter}); those
     * keys are in DEFAULT names in every format (Upbit shows no SIMPLE form of them).
     */
    static byte[] listSubscriptions(String ticket, List<Subscription> subscriptions, Format format) {
        boolean s = format.simpleKeys();
        return write(g -> {
            g.writeStartObject();
            g.writeStringField(ListSubscriptionsKey.METHOD.name(s), RequestParser.LIST_SUBSCRIPTIONS);
            g.writeArrayFieldStart(ListSubscriptionsKey.RESULT.name(s));
            for (Subscription sub : subscriptions) {
                g.writeStartObject();
                g.writeStringField(ListSubscriptionsKey.TYPE.name(s), sub.type());
                g.writeArrayFieldStart(ListSubscriptionsKey.CODES.name(s));
                for (String code : sub.codes()) {
                    g.writeString(code);
                }
                g.writeEndArray();
                if (DataTypes.ORDERBOOK.equals(sub.type())) {
                    g.writeFieldName(ListSubscriptionsKey.LEVEL.name(s));
                    g.writeNumber(sub.level() == null ? BigDecimal.ZERO : sub.level());
                }
                if (sub.categories() != null) {
                    g.writeArrayFieldStart("categories");
                    for (String category : sub.categories()) {
                        g.writeString(category);
                    }
                    g.writeEndArray();
                }
                if (sub.includeBody() != null) {
                    g.writeBooleanField("include_body", sub.includeBody());
                }
                if (DataTypes.INFO.contains(sub.type())) {
                    IndicatorWriter.subscription(g, sub);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField(ListSubscriptionsKey.TICKET.name(s), ticket);
            g.writeEndObject();
        });
    }

    private static void item(JsonGenerator g, DataItem item, boolean simpleKeys) throws IOException {
        // Java 17 has no pattern matching for switch yet.
        if (item instanceof Ticker t) {
            MarketDataWriter.ticker(g, t, simpleKeys);
        } else if (item instanceof TradeMessage t) {
            MarketDataWriter.trade(g, t, simpleKeys);
        } else if (item instanceof OrderbookMessage o) {
            MarketDataWriter.orderbook(g, o, simpleKeys);
        } else if (item instanceof CandleMessage c) {
            MarketDataWriter.candle(g, c, simpleKeys);
        } else if (item instanceof MyOrderEvent o) {
            PrivateDataWriter.myOrder(g, o, simpleKeys);
        } else if (item instanceof MyAssetEvent a) {
            PrivateDataWriter.myAsset(g, a, simpleKeys);
        } else if (item instanceof AnnouncementMessage a) {
            PrivateDataWriter.announcement(g, a, simpleKeys);
        } else if (item instanceof IndicatorMessage m) {
            IndicatorWriter.item(g, m, simpleKeys);
        } else {
            throw new IllegalArgumentException("no writer for " + item.getClass());
        }
    }

    private static byte[] write(Body body) {
        try (ByteArrayBuilder out = new ByteArrayBuilder()) {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                body.write(g);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }
}
