package io.camelupbit;

import org.apache.camel.builder.RouteBuilder;

/**
 * The Kamelets camel-upbit ships ({@code kamelets/upbit-*.kamelet.yaml}) as Camel route templates, for applications
 * without camel-kamelet: the same names, parameters and defaults, plus {@code sink} (where a source's events go) or
 * {@code source} (where an order sink's orders come from).
 *
 * <pre>{@code
 * context.addRoutes(new UpbitRouteTemplates());
 * TemplatedRouteBuilder.builder(context, UpbitRouteTemplates.TICKER_SOURCE)
 *         .parameter("codes", "KRW-BTC,KRW-ETH").parameter("sink", "direct:prices").add();
 * }</pre>
 */
public class UpbitRouteTemplates extends RouteBuilder {

    /** Tickers of {@code codes} to {@code sink}. */
    public static final String TICKER_SOURCE = "upbit-ticker-source";
    /** Every trade of {@code codes} to {@code sink}. */
    public static final String TRADE_SOURCE = "upbit-trade-source";
    /** Order books of {@code codes} to {@code sink}. */
    public static final String ORDERBOOK_SOURCE = "upbit-orderbook-source";
    /** Orders from {@code source} to Upbit ({@code testOrder} unless {@code operation=placeOrder}). */
    public static final String ORDER_SINK = "upbit-order-sink";

    private static final String CODES = "Comma-separated Upbit market codes, e.g. KRW-BTC,KRW-ETH";
    private static final String BODY_TYPE = "event (the typed record) or json (Upbit's JSON as it came)";
    private static final String SNAPSHOT_MODE = "both, snapshotOnly or realtimeOnly";
    private static final String DELIVERY = "queue (every event, in order) or latest (the newest per market)";
    private static final String SINK = "The endpoint the events go to, e.g. direct:prices";

    @Override
    public void configure() {
        routeTemplate(TICKER_SOURCE)
                .templateParameter("codes", null, CODES)
                .templateParameter("bodyType", "event", BODY_TYPE)
                .templateParameter("delivery", "queue", DELIVERY)
                .templateParameter("snapshotMode", "both", SNAPSHOT_MODE)
                .templateParameter("sink", null, SINK)
                .from("upbit:ticker?codes={{codes}}&bodyType={{bodyType}}&delivery={{delivery}}"
                        + "&snapshotMode={{snapshotMode}}")
                .to("{{sink}}");

        routeTemplate(TRADE_SOURCE)
                .templateParameter("codes", null, CODES)
                .templateParameter("bodyType", "event", BODY_TYPE)
                .templateParameter("snapshotMode", "both", SNAPSHOT_MODE)
                .templateParameter("sink", null, SINK)
                .from("upbit:trade?codes={{codes}}&bodyType={{bodyType}}&snapshotMode={{snapshotMode}}")
                .to("{{sink}}");

        routeTemplate(ORDERBOOK_SOURCE)
                .templateParameter("codes", null, CODES)
                .templateOptionalParameter("depth", "Price levels per book: 1, 5, 15 or 30 (Upbit's 30 when not set)")
                .templateOptionalParameter("level", "KRW markets: the price aggregation unit, e.g. 10000")
                .templateParameter("bodyType", "event", BODY_TYPE)
                .templateParameter("delivery", "queue", DELIVERY)
                .templateParameter("snapshotMode", "both", SNAPSHOT_MODE)
                .templateParameter("sink", null, SINK)
                // an optional placeholder that is not given takes its option out of the URI
                .from("upbit:orderbook?codes={{codes}}&depth={{?depth}}&level={{?level}}&bodyType={{bodyType}}"
                        + "&delivery={{delivery}}&snapshotMode={{snapshotMode}}")
                .to("{{sink}}");

        routeTemplate(ORDER_SINK)
                .templateParameter("source", null, "The endpoint the orders come from, e.g. direct:orders")
                .templateParameter("operation", "testOrder",
                        "testOrder (Upbit checks the order, places nothing) or placeOrder (Upbit places it)")
                .templateOptionalParameter("code", "The market when the message names none")
                .templateOptionalParameter("side", "bid or ask, when the message names none")
                .templateOptionalParameter("orderType", "limit, price, market or best, when the message names none")
                .templateOptionalParameter("price", "The price (limit) or amount (price), when the message names none")
                .templateOptionalParameter("volume", "The volume (limit, market), when the message names none")
                .from("{{source}}")
                .to("upbit:{{operation}}?code={{?code}}&side={{?side}}&orderType={{?orderType}}&price={{?price}}"
                        + "&volume={{?volume}}");
    }
}
