package io.camelupbit.examples.marketwatch;

import org.apache.camel.builder.RouteBuilder;

import io.camelupbit.event.TickerEvent;

/**
 * Tickers into the board; the board to the terminal once per refresh period, drawn over the previous one on a
 * terminal, one after the other when the output goes to a file or a pipe.
 */
public class MarketWatchRoutes extends RouteBuilder {

    private final TickerBoard board;
    private final boolean inPlace;

    /** @param inPlace whether to redraw the table in place (a terminal) rather than print one after the other */
    public MarketWatchRoutes(TickerBoard board, boolean inPlace) {
        this.board = board;
        this.inPlace = inPlace;
    }

    @Override
    public void configure() {
        from("upbit:ticker?codes={{market-watch.codes}}").routeId("tickers")
                .process(exchange -> board.update(exchange.getMessage().getBody(TickerEvent.class)));

        from("timer:board?period={{market-watch.refresh}}&delay={{market-watch.refresh}}").routeId("board")
                .process(exchange -> System.out.print(inPlace ? board.renderInPlace() : board.render()));
    }
}
