package io.camelupbit;

import java.math.BigDecimal;
import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.Subscription;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Snapshot modes and orderbook levels: the request merges what the routes want, each route gets only its part, and
 * the format option switches the connection (SIMPLE_LIST here: abbreviated keys in list frames). A route that asks for
 * nothing the subscription lacks joins without a subscribe message.
 */
class SubscriptionOptionsRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(50))
            .supportedLevels("KRW-BTC", new BigDecimal("10000"), new BigDecimal("100000")));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setFormat("SIMPLE_LIST");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-BTC&snapshotMode=snapshotOnly").routeId("snapshot").to("mock:snapshot");
                from("upbit:ticker?codes=KRW-BTC&snapshotMode=realtimeOnly").to("mock:realtime");
                from("upbit:trade?codes=KRW-ETH&snapshotMode=realtimeOnly").to("mock:trades");
                from("upbit:orderbook?codes=KRW-BTC&depth=1").to("mock:tick");
                from("upbit:orderbook?codes=KRW-BTC&depth=1&level=10000").to("mock:level");
            }
        };
    }

    @Test
    void snapshotModesMergeAndEachRouteGetsOnlyItsPart() throws Exception {
        MockEndpoint realtime = getMockEndpoint("mock:realtime");
        realtime.expectedMinimumMessageCount(5);
        realtime.assertIsSatisfied();
        MockEndpoint snapshot = getMockEndpoint("mock:snapshot");
        await().until(() -> snapshot.getReceivedCounter() >= 1);

        assertThat(snapshot.getReceivedExchanges()).allSatisfy(e -> assertThat(
                e.getMessage().getBody(TickerEvent.class).streamType()).isEqualTo(StreamType.SNAPSHOT));
        assertThat(realtime.getReceivedExchanges()).allSatisfy(e -> assertThat(
                e.getMessage().getBody(TickerEvent.class).streamType()).isEqualTo(StreamType.REALTIME));
        assertThat(getMockEndpoint("mock:trades").getReceivedExchanges()).allSatisfy(e -> assertThat(
                e.getMessage().getBody(TradeEvent.class).streamType()).isEqualTo(StreamType.REALTIME));
        // the connection of the tickers (the orderbook at level 10000 has one of its own)
        SimConnection connection = upbit.simulator().connections().stream()
                .filter(c -> c.subscription().stream().anyMatch(s -> s.type().equals("ticker"))).findFirst()
                .orElseThrow();
        assertThat(connection.format()).isEqualTo("SIMPLE_LIST");
        assertThat(connection.subscription()).contains(
                new Subscription("ticker", java.util.List.of("KRW-BTC"), false, false, null),
                new Subscription("trade", java.util.List.of("KRW-ETH"), false, true, null));
        assertThat(((UpbitConsumer) context.getRoute("snapshot").getConsumer()).stats().filtered()).isPositive();
    }

    @Test
    void eachLevelIsItsOwnSubscriptionAndRoutesGetTheirLevelOnly() throws Exception {
        MockEndpoint tick = getMockEndpoint("mock:tick");
        MockEndpoint level = getMockEndpoint("mock:level");
        tick.expectedMinimumMessageCount(3);
        level.expectedMinimumMessageCount(3);
        MockEndpoint.assertIsSatisfied(context);

        // one market at two levels: each level on its own connection (OrderbookLevelsRouteTest)
        assertThat(upbit.simulator().connections()).flatExtracting(SimConnection::subscription)
                .filteredOn(s -> s.type().equals("orderbook"))
                .extracting(s -> s.level() == null ? BigDecimal.ZERO : s.level().stripTrailingZeros())
                .containsExactlyInAnyOrder(BigDecimal.ZERO, new BigDecimal("1E+4"));
        assertThat(tick.getReceivedExchanges()).allSatisfy(e -> {
            OrderbookEvent book = e.getMessage().getBody(OrderbookEvent.class);
            assertThat(book.level()).isEqualByComparingTo("0");
            assertThat(book.units()).hasSize(1);
        });
        assertThat(level.getReceivedExchanges()).allSatisfy(e -> {
            OrderbookEvent book = e.getMessage().getBody(OrderbookEvent.class);
            assertThat(book.level()).isEqualByComparingTo("10000");
            assertThat(book.units().get(0).askPrice().remainder(new BigDecimal("10000"))).isZero();
        });
    }

    @Test
    void aRouteOverStreamsOthersAskedForWithoutSnapshotStillGetsThem() throws Exception {
        MockEndpoint trades = getMockEndpoint("mock:trades");
        await().until(() -> trades.getReceivedCounter() >= 3);
        // the subscription holds KRW-ETH's trades without a snapshot already: nothing to send, yet the route joins
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:trade?codes=KRW-ETH&snapshotMode=realtimeOnly").routeId("sameTrades").to("mock:same");
            }
        });
        MockEndpoint same = getMockEndpoint("mock:same");
        same.expectedMinimumMessageCount(3);
        same.assertIsSatisfied();
        assertThat(same.getReceivedExchanges()).allSatisfy(e -> assertThat(
                e.getMessage().getBody(TradeEvent.class).streamType()).isEqualTo(StreamType.REALTIME));
    }
}
