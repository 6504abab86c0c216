package io.camelupbit.test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes the REST answers' JSON with Jackson streaming. Amounts are JSON strings (Upbit's Exchange API writes every
 * decimal so, research-rest.md §5) in plain notation without trailing zeros: Upbit's own examples are not consistent
 * ({@code "1.0"}, {@code "0"}, {@code "140000000"}), so a client reads the text as a decimal whatever its scale.
 */
final class RestJson {

    private static final JsonFactory JSON = new JsonFactory();

    /** Writes one JSON value. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private RestJson() {
    }

    static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    static void amount(JsonGenerator g, String name, BigDecimal value) throws IOException {
        g.writeStringField(name, TickSize.normalize(value).toPlainString());
    }

    /** <code>{"error":{"name":...,"message":...}}</code>, the name a number for the Quotation API. */
    static String error(RestFailure failure) {
        return write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            if (failure.numericName()) {
                g.writeNumberField("name", failure.status());
            } else {
                g.writeStringField("name", failure.name());
            }
            g.writeStringField("message", failure.getMessage());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** One row of {@code GET /v1/accounts} (also {@code bid_account}/{@code ask_account} of the order chance). */
    static void account(JsonGenerator g, AccountRow row) throws IOException {
        SimBalance b = row.balance();
        g.writeStartObject();
        g.writeStringField("currency", b.currency());
        amount(g, "balance", b.balance());
        amount(g, "locked", b.locked());
        amount(g, "avg_buy_price", row.avgBuyPrice());
        // Upbit sets it when a user edits the average in the app; the simulator has no such edit.
        g.writeBooleanField("avg_buy_price_modified", false);
        g.writeStringField("unit_currency", "KRW");
        g.writeEndObject();
    }
}
