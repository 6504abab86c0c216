package io.camelupbit.wire;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import io.camelupbit.event.IndicatorParams;
import io.camelupbit.event.SignalParams;

/**
 * A full subscribe request: Upbit replaces a connection's whole subscription with every request, so a request always
 * carries every type object the connection needs, then the connection's format.
 *
 * @param ticket a fresh requester id
 * @param types  the data-type objects, in a deterministic order
 * @param format the connection's format, written into every request
 */
public record SubscribeRequest(String ticket, List<TypeRequest> types, UpbitFormat format) {

    /** Plain numbers: a level of {@code 1E+4} must go out as {@code 10000}. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    public SubscribeRequest {
        types = List.copyOf(types);
    }

    /** Whether this request asks for the same subscription as the other one (ticket aside). */
    public boolean sameStateAs(SubscribeRequest other) {
        return other != null && types.equals(other.types) && format == other.format;
    }

    /** The JSON text to send as one text frame. */
    public String toJson() {
        return write(ticket, format, g -> {
            for (TypeRequest t : types) {
                g.writeStartObject();
                g.writeStringField("type", t.type());
                if (!t.codes().isEmpty()) {
                    g.writeArrayFieldStart("codes");
                    for (String code : t.codes()) {
                        g.writeString(code);
                    }
                    g.writeEndArray();
                }
                if (t.onlySnapshot()) {
                    g.writeBooleanField("is_only_snapshot", true);
                }
                if (t.onlyRealtime()) {
                    g.writeBooleanField("is_only_realtime", true);
                }
                if (t.level() != null) {
                    g.writeNumberField("level", t.level());
                }
                if (t.options() instanceof TypeOptions.Announcement a) {
                    writeAnnouncement(g, a);
                } else if (t.options() instanceof TypeOptions.Indicators i) {
                    writeIndicators(g, i);
                }
                g.writeEndObject();
            }
        });
    }

    /** No categories means every category; {@code include_body} is Upbit's false unless a route wants the body. */
    private static void writeAnnouncement(JsonGenerator g, TypeOptions.Announcement a) throws IOException {
        if (!a.categories().isEmpty()) {
            g.writeArrayFieldStart("categories");
            for (String category : a.categories()) {
                g.writeString(category);
            }
            g.writeEndArray();
        }
        if (a.includeBody()) {
            g.writeBooleanField("include_body", true);
        }
    }

    /** Upbit wants every parameter as a JSON number, multipliers with one decimal. */
    private static void writeIndicators(JsonGenerator g, TypeOptions.Indicators i) throws IOException {
        g.writeStringField("timeframe", i.timeframe().upbitName());
        g.writeArrayFieldStart("indicators");
        for (IndicatorChoice choice : i.indicators()) {
            g.writeStartObject();
            g.writeStringField("type", choice.indicator().upbitName());
            IndicatorParams p = choice.params();
            g.writeObjectFieldStart("params");
            writeNumber(g, "period", p.period());
            if (p.maType() != null) {
                g.writeStringField("type", p.maType().name());
            }
            writeNumber(g, "short_period", p.shortPeriod());
            writeNumber(g, "long_period", p.longPeriod());
            writeNumber(g, "multiplier", p.multiplier());
            writeNumber(g, "fast", p.fast());
            writeNumber(g, "slow", p.slow());
            writeNumber(g, "signal_period", p.signalPeriod());
            g.writeEndObject();
            if (choice.trigger() != null) {
                g.writeStringField("trigger", choice.trigger().upbitName());
                SignalParams e = choice.eventParams();
                if (e.threshold() != null || e.multiplier() != null) {
                    g.writeObjectFieldStart("event_params");
                    writeNumber(g, "threshold", e.threshold());
                    writeNumber(g, "multiplier", e.multiplier());
                    g.writeEndObject();
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeNumber(JsonGenerator g, String name, Object value) throws IOException {
        if (value instanceof Integer n) {
            g.writeNumberField(name, n);
        } else if (value instanceof BigDecimal d) {
            g.writeNumberField(name, d);
        }
    }

    /**
     * A {@code LIST_SUBSCRIPTIONS} request. It carries the connection's format too: Upbit switches the whole
     * connection to the format of the latest message, whatever the message.
     */
    public static String listSubscriptions(String ticket, UpbitFormat format) {
        return write(ticket, format, g -> {
            g.writeStartObject();
            g.writeStringField("method", "LIST_SUBSCRIPTIONS");
            g.writeEndObject();
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** {@code [{ticket}, body..., {format}]} */
    private static String write(String ticket, UpbitFormat format, Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("ticket", ticket);
            g.writeEndObject();
            body.write(g);
            g.writeStartObject();
            g.writeStringField("format", format.name());
            g.writeEndObject();
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
