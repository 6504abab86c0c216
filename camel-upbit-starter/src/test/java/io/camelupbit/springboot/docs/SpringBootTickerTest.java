package io.camelupbit.springboot.docs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ContextConfiguration;

import io.camelupbit.event.TickerEvent;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorInitializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = SpringBootTickerTest.App.class)
@ContextConfiguration(initializers = UpbitSimulatorInitializer.class)   // a simulator, camel.component.upbit.* at it
class SpringBootTickerTest {

    static final List<TickerEvent> TICKERS = new CopyOnWriteArrayList<>();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        RouteBuilder tickers() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit:ticker?codes=KRW-BTC")
                            .process(exchange -> TICKERS.add(exchange.getMessage().getBody(TickerEvent.class)));
                }
            };
        }
    }

    @Autowired
    UpbitSimulator simulator;

    @Test
    void theAppsRouteGetsTickersFromTheSimulator() {
        await().until(() -> TICKERS.size() >= 2);
        assertThat(TICKERS).allSatisfy(ticker -> assertThat(ticker.code()).isEqualTo("KRW-BTC"));
        assertThat(simulator.connections()).hasSize(1);
    }
}
