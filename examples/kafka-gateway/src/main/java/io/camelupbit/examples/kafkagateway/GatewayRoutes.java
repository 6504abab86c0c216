package io.camelupbit.examples.kafkagateway;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

import io.camelupbit.UpbitConstants;

/**
 * One gateway: Upbit's trade, ticker and orderbook streams of {@code {{gateway.codes}}}, each event to its Kafka topic
 * as the JSON Upbit sent, keyed by market code (one market stays in one partition, in order), with Upbit's natural id
 * and the gateway's name in record headers. A route publishes one record at a time and waits for the broker's
 * acknowledgement, so its rate is bounded by that round trip: the markets are split over
 * {@code {{gateway.routes-per-type}}} routes of each type (a market on one route, so in order), tickers and orderbooks
 * go with {@code delivery=latest} (a lagging route skips to the newest state of each market), trades with every one
 * kept. Several gateways run at once, so each event is published more than once;
 * the consumer keeps one ({@link EventDedupe}).
 */
public final class GatewayRoutes extends RouteBuilder {

    public static final String TRADES = "upbit.trade";
    public static final String TICKERS = "upbit.ticker";
    public static final String ORDERBOOKS = "upbit.orderbook";
    /** Record header: Upbit's natural id, {@code sequential_id} for a trade, {@code timestamp} for the others. */
    public static final String ID = "upbit-id";
    /** Record header: the name of the gateway that published the record. */
    public static final String GATEWAY = "upbit-gateway";
    /** Record header, present when the gateway may have missed events of this market before this one. */
    public static final String RESYNC = "upbit-resync";

    @Override
    public void configure() {
        String gateway = getContext().resolvePropertyPlaceholders("{{gateway.name}}");
        List<String> codes = List.of(getContext().resolvePropertyPlaceholders("{{gateway.codes}}").split(","));
        int routes = Integer.parseInt(getContext().resolvePropertyPlaceholders("{{gateway.routes-per-type:1}}"));
        if (routes < 1) {
            throw new IllegalArgumentException("gateway.routes-per-type must be at least 1, got " + routes);
        }
        // a market's events stay on one route, so in order; the routes of a type publish side by side
        for (int r = 0; r < Math.min(routes, codes.size()); r++) {
            List<String> part = new ArrayList<>();
            for (int i = r; i < codes.size(); i += routes) {
                part.add(codes.get(i).trim());
            }
            String suffix = "-" + (r + 1);
            // every trade, in order; of the states only the newest per market while Kafka is slower than Upbit
            publish("trade", part, "", TRADES, UpbitConstants.SEQUENTIAL_ID, gateway, suffix);
            publish("ticker", part, "&delivery=latest", TICKERS, UpbitConstants.TIMESTAMP, gateway, suffix);
            publish("orderbook", part, "&delivery=latest", ORDERBOOKS, UpbitConstants.TIMESTAMP, gateway, suffix);
        }
    }

    private void publish(String type, List<String> codes, String options, String topic, String idHeader,
            String gateway, String suffix) {
        from("upbit:" + type + "?codes=" + String.join(",", codes) + "&bodyType=json" + options)
                .routeId(type + "-to-kafka" + suffix)
                .process(exchange -> headers(exchange, idHeader, gateway))
                .to("kafka:" + topic);
    }

    private static void headers(Exchange exchange, String idHeader, String gateway) {
        var message = exchange.getMessage();
        message.setHeader(KafkaConstants.KEY, message.getHeader(UpbitConstants.CODE, String.class));
        message.setHeader(ID, message.getHeader(idHeader, String.class));
        message.setHeader(GATEWAY, gateway);
        if (message.getHeader(UpbitConstants.RESYNC) != null) {
            message.setHeader(RESYNC, "true");
        }
    }
}
