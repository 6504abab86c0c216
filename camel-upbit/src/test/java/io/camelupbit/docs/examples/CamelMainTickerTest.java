package io.camelupbit.docs.examples;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import io.camelupbit.event.TickerEvent;
import io.camelupbit.test.UpbitSimulatorMainListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CamelMainTickerTest {

    @Test
    void theAppsRouteGetsTickersFromTheSimulator() throws Exception {
        List<TickerEvent> tickers = new CopyOnWriteArrayList<>();
        UpbitSimulatorMainListener upbit = new UpbitSimulatorMainListener();
        Main main = new Main();
        main.addMainListener(upbit);     // starts a simulator and points camel.component.upbit.* at it
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-BTC")
                        .process(exchange -> tickers.add(exchange.getMessage().getBody(TickerEvent.class)));
            }
        });
        main.start();
        try {
            await().until(() -> tickers.size() >= 2);
            assertThat(tickers).allSatisfy(ticker -> assertThat(ticker.code()).isEqualTo("KRW-BTC"));
            assertThat(upbit.simulator().connections()).hasSize(1);
        } finally {
            main.stop();
            upbit.simulator().close();   // start() and stop() do not call the listener's afterStop: run() does
        }
    }
}
