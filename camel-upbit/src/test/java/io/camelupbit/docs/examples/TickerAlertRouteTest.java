package io.camelupbit.docs.examples;

import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.UpbitComponent;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.test.SentItem;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

class TickerAlertRouteTest extends CamelTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b
            .seed(7)                                    // same seed, same trades
            .tickInterval(Duration.ofMillis(50))        // a trade per market every 50 ms
            .apiKey("demo-access", "demo-secret"));     // an account for myOrder/myAsset and orders

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        UpbitComponent upbitComponent = new UpbitComponent();
        upbitComponent.setUrl(upbit.url());
        // REST too (orders, and the reconciliation of myOrder/myAsset routes), or they would go to api.upbit.com
        upbitComponent.setRestUrl(upbit.restUrl());
        upbitComponent.setAccessKey("demo-access");
        upbitComponent.setSecretKey("demo-secret");
        upbitComponent.setShutdownQuietPeriod(0);
        context.addComponent("upbit", upbitComponent);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-BTC")
                        .filter(simple("${body.tradePrice} > '0'"))
                        .to("mock:prices");
            }
        };
    }

    @Test
    void everyTickerTheRouteGetsIsOneTheSimulatorSent() throws Exception {
        MockEndpoint prices = getMockEndpoint("mock:prices");
        prices.expectedMinimumMessageCount(3);
        prices.assertIsSatisfied();

        List<String> sent = upbit.simulator().sentLog().items("ticker", "KRW-BTC").stream()
                .map(SentItem::key).toList();
        for (Exchange exchange : prices.getExchanges()) {
            TickerEvent ticker = exchange.getMessage().getBody(TickerEvent.class);
            assertThat(ticker.code()).isEqualTo("KRW-BTC");
            assertThat(sent).contains(String.valueOf(ticker.timestamp()));
        }
    }
}
