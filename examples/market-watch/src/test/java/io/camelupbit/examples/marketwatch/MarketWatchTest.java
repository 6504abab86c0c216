package io.camelupbit.examples.marketwatch;

import java.math.BigDecimal;
import java.util.Set;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import io.camelupbit.event.TickerEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Starts the example as a user would (simulator mode) and checks the board fills with every watched market. */
class MarketWatchTest {

    @Test
    void theBoardShowsEveryWatchedMarketFromTheSimulator() throws Exception {
        TickerBoard board = new TickerBoard();
        Main main = MarketWatch.create(false, board);
        main.start();
        try {
            await().untilAsserted(() -> assertThat(board.snapshot().keySet())
                    .isEqualTo(Set.of("KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE")));

            TickerEvent btc = board.snapshot().get("KRW-BTC");
            TickerEvent doge = board.snapshot().get("KRW-DOGE");
            // the simulator's markets sit at realistic magnitudes: BTC in the tens of millions of KRW, DOGE in hundreds
            assertThat(btc.tradePrice()).isGreaterThan(new BigDecimal("10000000"));
            assertThat(doge.tradePrice()).isLessThan(new BigDecimal("10000"));
            assertThat(board.render()).contains("KRW-BTC", "KRW-DOGE", "%").doesNotContain(TickerBoard.HOME_AND_CLEAR);
            // on a terminal the table is drawn over the previous one
            assertThat(board.renderInPlace()).startsWith(TickerBoard.HOME_AND_CLEAR + "market")
                    .contains("KRW-BTC", "KRW-DOGE");
        } finally {
            main.stop();
        }
    }
}
