package io.camelupbit.examples.marketwatch;

import org.apache.camel.main.Main;

import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorMainListener;

/**
 * A live terminal view of Upbit tickers.
 * <p>
 * By default it starts the embedded Upbit simulator and watches it, so it runs anywhere without network access.
 * Run it with {@code -Dmarket-watch.live=true} to watch the real Upbit instead.
 */
public final class MarketWatch {

    private MarketWatch() {
    }

    public static void main(String[] args) throws Exception {
        create(Boolean.getBoolean("market-watch.live"), new TickerBoard()).run(args);
    }

    /**
     * A Camel Main for the market watch.
     *
     * @param live  true for the real Upbit, false for an embedded simulator started and stopped with the app
     * @param board where the tickers go
     */
    public static Main create(boolean live, TickerBoard board) {
        Main main = new Main();
        // a console only when both input and output are a terminal: then the table is redrawn in place
        main.configure().addRoutesBuilder(new MarketWatchRoutes(board, System.console() != null));
        if (!live) {
            // starts the simulator before Camel initializes and points camel.component.upbit.* at it
            main.addMainListener(new UpbitSimulatorMainListener(UpbitSimulator.builder().seed(2026).build()));
        }
        return main;
    }
}
