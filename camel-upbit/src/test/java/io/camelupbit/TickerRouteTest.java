package io.camelupbit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.StreamType;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ticker routes against the embedded simulator over a real loopback WebSocket. */
class TickerRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.seed(11).tickInterval(Duration.ofMillis(50)));

    private final List<String> deliveryThreads = new CopyOnWriteArrayList<>();

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-BTC,krw-eth").routeId("btc-eth")
                        .process(e -> deliveryThreads.add(Thread.currentThread().getName()))
                        .to("mock:btcEth");
                from("upbit:ticker?codes=KRW-ETH").routeId("eth").to("mock:eth");
                from("upbit:ticker?codes=KRW-XRP").routeId("xrp").to("mock:xrp");
            }
        };
    }

    @Test
    void tickersArriveTypedWithHeadersOffTheIoThread() throws Exception {
        MockEndpoint btcEth = getMockEndpoint("mock:btcEth");
        btcEth.expectedMinimumMessageCount(6);
        btcEth.assertIsSatisfied();

        for (Exchange exchange : btcEth.getReceivedExchanges()) {
            TickerEvent ticker = exchange.getMessage().getBody(TickerEvent.class);
            assertThat(ticker.code()).isIn("KRW-BTC", "KRW-ETH");
            assertThat(ticker.tradePrice()).isGreaterThan(BigDecimal.ZERO);
            assertThat(exchange.getMessage().getHeader(UpbitConstants.TYPE)).isEqualTo("ticker");
            assertThat(exchange.getMessage().getHeader(UpbitConstants.CODE)).isEqualTo(ticker.code());
            assertThat(exchange.getMessage().getHeader(UpbitConstants.STREAM_TYPE)).isEqualTo(ticker.streamType());
            assertThat(exchange.getMessage().getHeader(UpbitConstants.TIMESTAMP)).isEqualTo(ticker.timestamp());
            assertThat(exchange.getMessage().getHeader(UpbitConstants.RECEIVED_TIMESTAMP, Long.class)).isPositive();
        }
        TickerEvent first = btcEth.getReceivedExchanges().get(0).getMessage().getBody(TickerEvent.class);
        assertThat(first.streamType()).isEqualTo(StreamType.SNAPSHOT);
        assertThat(deliveryThreads).allSatisfy(name -> assertThat(name).contains("UpbitDelivery"));
    }

    @Test
    void routesShareOneConnectionWhoseSubscriptionIsTheUnion() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        await().untilAsserted(() -> {
            assertThat(simulator.connections()).hasSize(1);
            assertThat(simulator.connections().get(0).subscribedCodes("ticker"))
                    .isEqualTo(Set.of("KRW-BTC", "KRW-ETH", "KRW-XRP"));
        });
        getMockEndpoint("mock:xrp").expectedMinimumMessageCount(1);
        getMockEndpoint("mock:eth").expectedMinimumMessageCount(1);
        MockEndpoint.assertIsSatisfied(context);

        // each change goes on a new connection that takes the old one's place (resubscribe=overlap): one is left
        context.getRouteController().stopRoute("xrp");
        await().untilAsserted(() -> {
            assertThat(simulator.connections()).hasSize(1);
            assertThat(simulator.connections().get(0).subscribedCodes("ticker")).isEqualTo(Set.of("KRW-BTC", "KRW-ETH"));
        });

        context.getRouteController().stopRoute("btc-eth");
        await().untilAsserted(() -> {
            assertThat(simulator.connections()).hasSize(1);
            assertThat(simulator.connections().get(0).subscribedCodes("ticker")).isEqualTo(Set.of("KRW-ETH"));
        });

        assertThat(simulator.rateLimitViolations()).isZero();
    }

    @Test
    void handshakeCarriesNoOriginHeader() {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> !simulator.handshakes().isEmpty());

        assertThat(simulator.handshakes()).allSatisfy(h -> {
            assertThat(h.status()).isEqualTo(101);
            assertThat(h.hasHeader("Origin")).isFalse();
        });
    }

    @Test
    void aFixtureFrameArrivesWithEveryFieldExact() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> simulator.connections().size() == 1
                && simulator.connections().get(0).subscribedCodes("ticker").contains("KRW-BTC"));
        SimConnection connection = simulator.connections().get(0);
        TickerEvent expected = Fixtures.expectedTicker();

        connection.push(Fixtures.frame("ticker-default.json"));

        MockEndpoint btcEth = getMockEndpoint("mock:btcEth");
        TickerEvent actual = await().until(() -> btcEth.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(TickerEvent.class))
                .filter(t -> t.timestamp() == expected.timestamp())
                .findFirst().orElse(null), t -> t != null);
        for (var component : TickerEvent.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(actual))
                    .as(component.getName())
                    .isEqualTo(component.getAccessor().invoke(expected));
        }
        // the fixture reaches only the routes that subscribed KRW-BTC
        assertThat(getMockEndpoint("mock:eth").getReceivedExchanges())
                .noneMatch(e -> e.getMessage().getBody(TickerEvent.class).timestamp() == expected.timestamp());
    }
}
