package io.camelupbit;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.session.UpbitSession;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server silently loses part of a subscription (one market stops, and LIST_SUBSCRIPTIONS no longer lists it): the
 * session's check finds the difference, counts it, sends the full subscription again on the same connection, and the
 * lost market's next event carries the resync mark.
 */
class SubscriptionDriftRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setSubscriptionCheckInterval(300);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-BTC").routeId("btc").to("mock:btc");
                from("upbit:ticker?codes=KRW-ETH").routeId("eth").to("mock:eth");
            }
        };
    }

    @Test
    void aSubscriptionLostOnTheServerIsFoundAndSentAgain() {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> simulator.connections().size() == 1
                && simulator.connections().get(0).subscribedCodes("ticker").size() == 2);
        SimConnection connection = simulator.connections().get(0);
        MockEndpoint eth = getMockEndpoint("mock:eth");
        await().until(() -> eth.getReceivedCounter() > 3);
        UpbitSession session = upbitComponent().sessions().iterator().next();
        assertThat(session.subscriptionDrifts()).isZero();
        assertThat(eth.getReceivedExchanges()).noneMatch(SubscriptionDriftRouteTest::marked);

        connection.forgetSubscription("ticker", "KRW-ETH");

        await().until(() -> session.subscriptionDrifts() == 1);
        await().until(() -> connection.subscribedCodes("ticker").contains("KRW-ETH"));
        await().until(() -> eth.getReceivedExchanges().stream().anyMatch(SubscriptionDriftRouteTest::marked));
        assertThat(simulator.acceptedConnections()).isEqualTo(1);
        assertThat(session.subscriptionDrifts()).isEqualTo(1);
    }

    private static boolean marked(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getMessage().getHeader(UpbitConstants.RESYNC, Boolean.class));
    }
}
