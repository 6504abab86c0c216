package io.camelupbit.test;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes Upbit's {@code Order} object (research-rest.md §2, the examples order-post.json, order-get*.json,
 * orders-closed.json): amounts as strings, {@code trades_count} a number, {@code created_at} in KST to the second.
 * As in the examples, an order without a unit price or total ({@code market} sell, {@code best} ask) has no
 * {@code price}, and an order by total amount ({@code price}, {@code best} bid) no {@code volume},
 * {@code remaining_volume} nor {@code prevented_volume}. {@code time_in_force} and {@code identifier} appear when
 * the order has them, {@code smp_type} always (Upbit from 2026-11-09). Only {@code GET /v1/order} adds
 * {@code trades}.
 */
final class OrderJson {

    private OrderJson() {
    }

    /** An order without {@code trades}. */
    static void order(JsonGenerator g, SimOrder o) throws IOException {
        g.writeStartObject();
        fields(g, o);
        g.writeEndObject();
    }

    /** An order with its {@code trades}. */
    static void order(JsonGenerator g, OrderView view) throws IOException {
        SimOrder o = view.order();
        g.writeStartObject();
        fields(g, o);
        g.writeArrayFieldStart("trades");
        for (OrderFill fill : view.fills()) {
            trade(g, o, fill);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void orders(JsonGenerator g, List<SimOrder> orders) throws IOException {
        g.writeStartArray();
        for (SimOrder o : orders) {
            order(g, o);
        }
        g.writeEndArray();
    }

    private static void fields(JsonGenerator g, SimOrder o) throws IOException {
        g.writeStringField("market", o.code());
        g.writeStringField("uuid", o.uuid());
        g.writeStringField("side", side(o.side()));
        g.writeStringField("ord_type", o.orderType());
        if (o.price() != null) {
            RestJson.amount(g, "price", o.price());
        }
        g.writeStringField("state", o.state());
        g.writeStringField("created_at", KstTimes.orderTime(o.orderedAt()));
        if (o.volume() != null) {
            RestJson.amount(g, "volume", o.volume());
            RestJson.amount(g, "remaining_volume", o.remainingVolume());
        }
        RestJson.amount(g, "executed_volume", o.executedVolume());
        RestJson.amount(g, "reserved_fee", o.reservedFee());
        RestJson.amount(g, "remaining_fee", o.remainingFee());
        RestJson.amount(g, "paid_fee", o.paidFee());
        RestJson.amount(g, "locked", o.locked());
        if (o.volume() != null) {
            RestJson.amount(g, "prevented_volume", o.preventedVolume());
        }
        RestJson.amount(g, "prevented_locked", o.preventedLocked());
        g.writeNumberField("trades_count", o.tradesCount());
        if (o.timeInForce() != null) {
            g.writeStringField("time_in_force", o.timeInForce());
        }
        g.writeStringField("smp_type", o.smpType());
        if (o.identifier() != null) {
            g.writeStringField("identifier", o.identifier());
        }
    }

    /**
     * One item of {@code trades}. Upbit does not define {@code trend}; its three examples fit "up" for a bid's fill
     * and "down" for an ask's, which the simulator writes.
     */
    private static void trade(JsonGenerator g, SimOrder o, OrderFill fill) throws IOException {
        g.writeStartObject();
        g.writeStringField("market", o.code());
        g.writeStringField("uuid", fill.uuid());
        RestJson.amount(g, "price", fill.price());
        RestJson.amount(g, "volume", fill.volume());
        RestJson.amount(g, "funds", fill.funds());
        g.writeStringField("trend", o.side() == Side.BID ? "up" : "down");
        g.writeStringField("created_at", KstTimes.tradeTime(fill.at()));
        g.writeStringField("side", side(o.side()));
        g.writeEndObject();
    }

    private static String side(Side side) {
        return side.name().toLowerCase(Locale.ROOT);
    }
}
