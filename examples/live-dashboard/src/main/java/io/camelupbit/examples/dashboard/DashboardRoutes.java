package io.camelupbit.examples.dashboard;

import io.vertx.core.json.JsonObject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import io.camelupbit.UpbitConstants;
import io.camelupbit.event.ConnectionEvent;

/**
 * The dashboard's routes: Upbit's streams to the page's event stream, the page itself, and
 * {@code GET /api/ticker/{code}} answered by the pull model.
 */
public class DashboardRoutes extends RouteBuilder {

    /**
     * What the component takes as a market code, in either case ({@code KRW-BTC}, {@code btc-eth}): keeps any other
     * text out of the endpoint URI.
     */
    static final String MARKET_CODE = "[A-Za-z]{2,5}-[A-Za-z0-9]{1,15}";

    private final EventStream events;

    public DashboardRoutes(EventStream events) {
        this.events = events;
    }

    @Override
    public void configure() {
        restConfiguration().component("platform-http");

        // Upbit's JSON as it came (bodyType=json): the page reads the fields it shows; delivery=latest, because a
        // board only ever shows the newest price
        from("upbit:ticker?codes={{dashboard.codes}}&bodyType=json&delivery=latest").routeId("tickers")
                .process(exchange -> publish(exchange, "ticker"));
        from("upbit:orderbook?codes={{dashboard.orderbook}}&bodyType=json&delivery=latest").routeId("orderbook")
                .process(exchange -> publish(exchange, "orderbook"));
        from("upbit:connection").routeId("connection")
                .process(exchange -> {
                    ConnectionEvent change = exchange.getMessage().getBody(ConnectionEvent.class);
                    events.publish("connection", change.session() + '/' + change.connection() + '/' + change.line(),
                            connectionJson(change));
                });
        from("timer:flow?period={{dashboard.flow-period}}").routeId("flow")
                .process(exchange -> RouteFlow.of(getContext())
                        .forEach(flow -> events.publish("flow", flow.route(), flow.json())));

        // the page (one file: its script and style inside)
        from("platform-http:/?httpMethodRestrict=GET").routeId("page")
                .setHeader(Exchange.CONTENT_TYPE, constant("text/html; charset=utf-8"))
                .setBody(constant(DashboardPage.html()));

        // "what is this market's ticker now?": the newest ticker from the pull model, as Upbit's JSON
        rest("/api").get("/ticker/{code}").produces("application/json").to("direct:ticker");
        from("direct:ticker").routeId("api-ticker")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .choice()
                    .when(header("code").regex(MARKET_CODE))
                        .to("direct:newest-ticker")
                    .otherwise()
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                        .setBody(constant("{\"error\":\"not a market code, e.g. KRW-BTC\"}"));
        from("direct:newest-ticker").routeId("newest-ticker")
                .pollEnrich().simple("upbit:ticker?codes=${header.code}&bodyType=json")
                    .timeout("{{dashboard.poll-timeout}}")
                .filter(body().isNull())
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(404))
                    .setBody(simple("{\"error\":\"no ticker for ${header.code}\"}"));
    }

    private void publish(Exchange exchange, String event) {
        events.publish(event, exchange.getMessage().getHeader(UpbitConstants.CODE, String.class),
                exchange.getMessage().getBody(String.class));
    }

    private static String connectionJson(ConnectionEvent change) {
        return new JsonObject()
                .put("session", change.session())
                .put("connection", change.connection())
                .put("line", change.line())
                .put("state", change.state().name())
                .put("attempt", change.attempt())
                .put("cause", change.cause())
                .put("at", change.at().toString())
                .encode();
    }
}
