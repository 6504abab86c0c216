package io.camelupbit.test;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes {@code indicator} and {@code indicator_signal} items with DEFAULT or SIMPLE keys, the nested
 * {@code params}, {@code event_params} and {@code value} abbreviated too (research-new-streams.md §c.2, §c.3), and
 * the indicator objects of a {@code LIST_SUBSCRIPTIONS} reply. Params are written normalised ({@code 2.0}), values as
 * plain numbers.
 */
final class IndicatorWriter {

    private IndicatorWriter() {
    }

    static void item(JsonGenerator g, IndicatorMessage m, boolean s) throws IOException {
        IndicatorChoice choice = m.choice();
        g.writeStartObject();
        g.writeStringField(IndicatorKey.TYPE.name(s), m.type());
        g.writeStringField(IndicatorKey.CODE.name(s), m.code());
        g.writeStringField(IndicatorKey.TIMEFRAME.name(s), m.timeframe().wireName());
        g.writeStringField(IndicatorKey.INDICATOR.name(s), choice.spec().kind().wireName());
        g.writeFieldName(IndicatorKey.PARAMS.name(s));
        object(g, choice.spec().params(), s);
        if (m.signal()) {
            g.writeStringField(IndicatorKey.TRIGGER.name(s), choice.trigger().wireName());
            g.writeFieldName(IndicatorKey.EVENT_PARAMS.name(s));
            object(g, choice.eventParams(), s);
        }
        g.writeStringField(IndicatorKey.CANDLE_DATE_TIME_UTC.name(s), m.candleDateTimeUtc());
        g.writeFieldName(IndicatorKey.VALUE.name(s));
        object(g, m.value(), s);
        g.writeNumberField(IndicatorKey.TIMESTAMP.name(s), m.timestamp());
        g.writeStringField(IndicatorKey.STREAM_TYPE.name(s), Ticker.StreamType.REALTIME.name());
        g.writeEndObject();
    }

    /**
     * The fields an indicator object adds to its {@code LIST_SUBSCRIPTIONS} entry, after {@code type} and
     * {@code codes}: {@code timeframe} and {@code indicators} (each {@code type}, {@code params} and, for a signal,
     * {@code trigger} and {@code event_params}), in DEFAULT names whatever the format, as Upbit's only example shows
     * them.
     */
    static void subscription(JsonGenerator g, Subscription sub) throws IOException {
        boolean signal = DataTypes.INDICATOR_SIGNAL.equals(sub.type());
        g.writeStringField(IndicatorKey.TIMEFRAME.full(), sub.timeframe());
        g.writeArrayFieldStart("indicators");
        for (IndicatorRequest request : sub.indicators()) {
            IndicatorChoice choice = IndicatorRules.accepted(signal, request);
            g.writeStartObject();
            g.writeStringField("type", choice.spec().kind().wireName());
            g.writeFieldName(IndicatorKey.PARAMS.full());
            object(g, choice.spec().params(), false);
            if (signal) {
                g.writeStringField(IndicatorKey.TRIGGER.full(), choice.trigger().wireName());
                g.writeFieldName(IndicatorKey.EVENT_PARAMS.full());
                object(g, choice.eventParams(), false);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** An object of texts and numbers ({@code {}} when empty, as Upbit writes a trigger without event params). */
    private static void object(JsonGenerator g, Map<? extends Key, ?> fields, boolean s) throws IOException {
        g.writeStartObject();
        for (Map.Entry<? extends Key, ?> e : fields.entrySet()) {
            g.writeFieldName(e.getKey().name(s));
            if (e.getValue() instanceof BigDecimal number) {
                g.writeNumber(number);
            } else {
                g.writeString((String) e.getValue());
            }
        }
        g.writeEndObject();
    }
}
