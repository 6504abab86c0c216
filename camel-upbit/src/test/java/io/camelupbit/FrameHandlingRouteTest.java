package io.camelupbit;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.TickerEvent;
import io.camelupbit.session.UpbitSession;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What arrives on the socket: text frames as well as binary ones, malformed frames skipped and counted without
 * harm to the connection, frames over {@code maxFrameSize} refused by closing the connection, which then comes back.
 */
class FrameHandlingRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(
            b -> b.dataFramesAsText(true).tickInterval(Duration.ofMillis(50)));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setMaxFrameSize(4096);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-BTC").to("mock:btc");
            }
        };
    }

    @Test
    void textFramesAreDecodedLikeBinaryOnes() throws Exception {
        MockEndpoint btc = getMockEndpoint("mock:btc");
        btc.expectedMinimumMessageCount(3);
        btc.assertIsSatisfied();

        assertThat(btc.getReceivedExchanges()).allSatisfy(
                e -> assertThat(e.getMessage().getBody()).isInstanceOf(TickerEvent.class));
    }

    @Test
    void aMalformedFrameIsCountedAndTheConnectionGoesOn() {
        SimConnection connection = subscribedConnection();
        UpbitSession session = upbitComponent().publicSession();
        long before = getMockEndpoint("mock:btc").getReceivedCounter();

        connection.push("{\"type\":\"ticker\",\"code\":\"KRW-BTC\",\"trade_price\":");

        await().until(() -> session.decodeErrors() == 1);
        await().until(() -> getMockEndpoint("mock:btc").getReceivedCounter() > before + 2);
        assertThat(connection.isOpen()).isTrue();
        assertThat(upbit.simulator().acceptedConnections()).isEqualTo(1);
    }

    @Test
    void aFrameOverMaxFrameSizeClosesTheConnectionWhichIsRestored() {
        SimConnection first = subscribedConnection();
        String oversized = Fixtures.frame("ticker-default.json")
                .replace("\"stream_type\"", "\"padding\":\"" + "x".repeat(8192) + "\",\"stream_type\"");

        first.push(oversized);

        await().until(() -> !first.isOpen());
        UpbitSimulator simulator = upbit.simulator();
        await().untilAsserted(() -> {
            assertThat(simulator.acceptedConnections()).isEqualTo(2);
            assertThat(simulator.connections()).hasSize(1);
            assertThat(simulator.connections().get(0).subscribedCodes("ticker")).containsExactly("KRW-BTC");
        });
        long before = getMockEndpoint("mock:btc").getReceivedCounter();
        await().until(() -> getMockEndpoint("mock:btc").getReceivedCounter() > before);
    }

    private SimConnection subscribedConnection() {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> simulator.connections().size() == 1
                && simulator.connections().get(0).subscribedCodes("ticker").contains("KRW-BTC"));
        return simulator.connections().get(0);
    }
}
