package io.camelupbit.examples.kafkagateway;

import org.apache.camel.builder.RouteBuilder;

/**
 * The consumer: reads the gateways' three topics in one consumer group and hands each event on once
 * ({@link EventDedupe}) to the given endpoints.
 */
public final class ConsumerRoutes extends RouteBuilder {

    private final EventDedupe dedupe;
    private final String trades;
    private final String tickers;
    private final String orderbooks;

    /**
     * @param trades     where each trade goes, once (its body the trade's JSON as Upbit sent it)
     * @param tickers    where each newer ticker goes
     * @param orderbooks where each newer orderbook goes
     */
    public ConsumerRoutes(EventDedupe dedupe, String trades, String tickers, String orderbooks) {
        this.dedupe = dedupe;
        this.trades = trades;
        this.tickers = tickers;
        this.orderbooks = orderbooks;
    }

    @Override
    public void configure() {
        from(topic(GatewayRoutes.TRADES)).routeId("trades-once")
                .filter(dedupe.firstTrade())
                .to(trades);
        from(topic(GatewayRoutes.TICKERS)).routeId("tickers-newest")
                .filter(dedupe.newerState(GatewayRoutes.TICKERS))
                .to(tickers);
        from(topic(GatewayRoutes.ORDERBOOKS)).routeId("orderbooks-newest")
                .filter(dedupe.newerState(GatewayRoutes.ORDERBOOKS))
                .to(orderbooks);
    }

    private static String topic(String name) {
        // a short poll timeout so that the consumer stops in about half a second
        return "kafka:" + name + "?groupId={{consumer.group}}&autoOffsetReset=earliest&pollTimeoutMs=500";
    }
}
