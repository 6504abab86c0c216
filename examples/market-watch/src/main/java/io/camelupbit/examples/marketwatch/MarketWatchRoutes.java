package io.camelupbit.examples.marketwatch;

import org.apache.camel.builder.RouteBuilder;

import io.camelupbit.event.TickerEvent;

/** Tickers into the board; the board to the terminal once per refresh period. */
public class MarketWatchRoutes extends RouteBuilder {

    private final TickerBoard board;

    public MarketWatchRoutes(TickerBoard board) {
        this.board = board;
    }

    @Override
    public void configure() {
        from("upbit:ticker?codes={{market-watch.codes}}").routeId("tickers")
                .process(exchange -> board.update(exchange.getMessage().getBody(TickerEvent.class)));

        from("timer:board?period={{market-watch.refresh}}&delay={{market-watch.refresh}}").routeId("board")
                .process(exchange -> System.out.print(board.render()));
    }
}
