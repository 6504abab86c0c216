package io.camelupbit;

import java.time.LocalDate;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.MarketState;
import io.camelupbit.event.MarketWarning;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.test.MarketStatus;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A delisted market's ticker reaches the route with its delisting date, state and warning; a listed one's without. */
class MarketStatusRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.markets("KRW-BTC", "KRW-ABC")
            .marketStatus("KRW-ABC", new MarketStatus("DELISTED", "CAUTION", true, "2027-01-15")));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-ABC").to("mock:delisted");
                from("upbit:ticker?codes=KRW-BTC").to("mock:listed");
            }
        };
    }

    @Test
    @SuppressWarnings("deprecation")
    void theDelistingDateAndStateArriveEndToEnd() {
        MockEndpoint delisted = getMockEndpoint("mock:delisted");
        MockEndpoint listed = getMockEndpoint("mock:listed");
        await().until(() -> delisted.getReceivedCounter() > 0 && listed.getReceivedCounter() > 0);

        TickerEvent abc = delisted.getReceivedExchanges().get(0).getMessage().getBody(TickerEvent.class);
        assertThat(abc.delistingDate()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(abc.marketState()).isEqualTo(MarketState.DELISTED);
        assertThat(abc.marketWarning()).isEqualTo(MarketWarning.CAUTION);
        assertThat(abc.tradingSuspended()).isTrue();
        TickerEvent btc = listed.getReceivedExchanges().get(0).getMessage().getBody(TickerEvent.class);
        assertThat(btc.delistingDate()).isNull();
        assertThat(btc.marketState()).isEqualTo(MarketState.ACTIVE);
        assertThat(upbitComponent().sessions().iterator().next().fieldErrors()).isZero();
    }
}
