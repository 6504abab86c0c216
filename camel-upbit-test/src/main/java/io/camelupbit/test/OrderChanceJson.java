package io.camelupbit.test;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;

/**
 * Writes {@code GET /v1/orders/chance} (orders-chance.json): the fees (0.05 % for takers and makers alike, the
 * simulator's {@link SimAccount#FEE_RATE}), the market's rules (Upbit's example: order types as listed there, the
 * deprecated {@code order_types} as {@code ["limit"]}, no deprecated {@code price_unit}; sizes from
 * {@link OrderRules}; state {@code active}, the only state Upbit's schema has) and the account's rows of the quote
 * ({@code bid_account}) and base ({@code ask_account}) currencies, zeros when it never had them.
 */
final class OrderChanceJson {

    private static final List<String> BID_TYPES = List.of("best_fok", "best_ioc", "limit", "limit_fok",
            "limit_ioc", "price");
    private static final List<String> ASK_TYPES = List.of("best_fok", "best_ioc", "limit", "limit_fok",
            "limit_ioc", "market");

    private OrderChanceJson() {
    }

    static void write(JsonGenerator g, String code, SimAccount account) throws IOException {
        String quote = MarketCodes.quote(code);
        String base = MarketCodes.base(code);
        OrderRules rules = OrderRules.of(quote);
        g.writeStartObject();
        for (String fee : List.of("bid_fee", "ask_fee", "maker_bid_fee", "maker_ask_fee")) {
            RestJson.amount(g, fee, SimAccount.FEE_RATE);
        }
        g.writeObjectFieldStart("market");
        g.writeStringField("id", code);
        g.writeStringField("name", base + "/" + quote);
        strings(g, "order_types", List.of(OrderRequest.LIMIT));
        strings(g, "order_sides", List.of("ask", "bid"));
        strings(g, "bid_types", BID_TYPES);
        strings(g, "ask_types", ASK_TYPES);
        side(g, "bid", quote, rules);
        side(g, "ask", base, rules);
        RestJson.amount(g, "max_total", rules.maxTotal());
        g.writeStringField("state", "active");
        g.writeEndObject();
        g.writeFieldName("bid_account");
        RestJson.account(g, account.accountRow(quote));
        g.writeFieldName("ask_account");
        RestJson.account(g, account.accountRow(base));
        g.writeEndObject();
    }

    private static void side(JsonGenerator g, String name, String currency, OrderRules rules) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("currency", currency);
        RestJson.amount(g, "min_total", rules.minTotal());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
