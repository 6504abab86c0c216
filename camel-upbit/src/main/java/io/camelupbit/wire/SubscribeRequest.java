package io.camelupbit.wire;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A full subscribe request: Upbit replaces a connection's whole subscription with every request, so a request always
 * carries every type object the connection needs, then the connection's format.
 *
 * @param ticket a fresh requester id
 * @param types  the data-type objects, in a deterministic order
 * @param format the connection's format, written into every request
 */
public record SubscribeRequest(String ticket, List<TypeRequest> types, UpbitFormat format) {

    private static final JsonFactory JSON = new JsonFactory();

    public SubscribeRequest {
        types = List.copyOf(types);
    }

    /** Whether this request asks for the same subscription as the other one (ticket aside). */
    public boolean sameStateAs(SubscribeRequest other) {
        return other != null && types.equals(other.types) && format == other.format;
    }

    /** The JSON text to send as one text frame. */
    public String toJson() {
        StringWriter out = new StringWriter(64 + types.size() * 64);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("ticket", ticket);
            g.writeEndObject();
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
                g.writeEndObject();
            }
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
