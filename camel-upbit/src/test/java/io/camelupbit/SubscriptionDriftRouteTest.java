package io.camelupbit;

import java.time.Duration;
import java.util.List;

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
 * session's check finds the difference, counts it, sends the full subscription again (on a new connection that takes
 * the old one's place, or with {@code resubscribe=replace} on the same connection), and the lost market's next event
 * carries the resync mark.
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
    void aSubscriptionLostOnTheServerIsFoundAndANewConnectionTakesTheOldOnesPlace() {
        UpbitSimulator simulator = upbit.simulator();
        SimConnection connection = subscribedToBoth(simulator);
        UpbitSession session = upbitComponent().sessions().iterator().next();

        connection.forgetSubscription("ticker", "KRW-ETH");

        await().until(() -> session.subscriptionDrifts() == 1);
        // resubscribe=overlap (the default): the whole subscription goes on a new connection; the old one leaves
        await().until(() -> simulator.connections().size() == 1 && simulator.connections().get(0) != connection
                && simulator.connections().get(0).subscribedCodes("ticker").containsAll(List.of("KRW-BTC", "KRW-ETH")));
        await().until(() -> getMockEndpoint("mock:eth").getReceivedExchanges().stream()
                .anyMatch(SubscriptionDriftRouteTest::marked));
        assertThat(simulator.acceptedConnections()).isEqualTo(2);
        assertThat(session.subscriptionDrifts()).isEqualTo(1);
        // the BTC stream went on on both connections: nothing of it was lost, nothing is marked
        assertThat(getMockEndpoint("mock:btc").getReceivedExchanges()).noneMatch(SubscriptionDriftRouteTest::marked);
    }

    @Test
    void withReplaceASubscriptionLostOnTheServerIsFoundAndSentAgain() {
        UpbitSimulator simulator = upbit.simulator();
        SimConnection connection = subscribedToBoth(simulator);
        UpbitSession session = upbitComponent().sessions().iterator().next();

        connection.forgetSubscription("ticker", "KRW-ETH");

        await().until(() -> session.subscriptionDrifts() == 1);
        await().until(() -> connection.subscribedCodes("ticker").contains("KRW-ETH"));
        await().until(() -> getMockEndpoint("mock:eth").getReceivedExchanges().stream()
                .anyMatch(SubscriptionDriftRouteTest::marked));
        assertThat(simulator.acceptedConnections()).isEqualTo(1);
        assertThat(session.subscriptionDrifts()).isEqualTo(1);
    }

    /** The one connection, once both routes have it and ETH's route had a few unmarked tickers. */
    private SimConnection subscribedToBoth(UpbitSimulator simulator) {
        await().until(() -> simulator.connections().size() == 1
                && simulator.connections().get(0).subscribedCodes("ticker").size() == 2);
        MockEndpoint eth = getMockEndpoint("mock:eth");
        await().until(() -> eth.getReceivedCounter() > 3);
        assertThat(upbitComponent().sessions().iterator().next().subscriptionDrifts()).isZero();
        assertThat(eth.getReceivedExchanges()).noneMatch(SubscriptionDriftRouteTest::marked);
        return simulator.connections().get(0);
    }

    private static boolean marked(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getMessage().getHeader(UpbitConstants.RESYNC, Boolean.class));
    }
}
