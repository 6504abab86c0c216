package io.camelupbit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.Subscription;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One market at two orderbook levels: Upbit documents several levels in one subscription only across markets, so the
 * second level goes on a second connection of the public channel (connection "2"), which closes after the linger
 * once its last route left. No connection is ever asked for one market at two levels; every route gets its own level.
 */
class OrderbookLevelsRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setConnectionLinger(100);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:connection").routeId("lifecycle").to("mock:lifecycle");
                from("upbit:orderbook?codes=KRW-BTC").routeId("plain").to("mock:plain");
                from("upbit:ticker?codes=KRW-BTC").routeId("ticker").to("mock:ticker");
                from("upbit:orderbook?codes=KRW-BTC&level=10000").routeId("grouped").autoStartup(false)
                        .to("mock:grouped");
            }
        };
    }

    @Test
    void aSecondLevelOfOneMarketGoesOnASecondConnection() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> open(simulator).size() == 1 && !open(simulator).get(0).subscription().isEmpty()
                && levels(open(simulator).get(0)).size() == 2);
        SimConnection first = open(simulator).get(0);

        context.getRouteController().startRoute("grouped");

        await().until(() -> open(simulator).size() == 2);
        SimConnection second = open(simulator).stream().filter(c -> c != first).findFirst().orElseThrow();
        await().until(() -> !second.subscription().isEmpty());
        assertThat(levels(second)).containsOnlyKeys("orderbook").containsEntry("orderbook", List.of("10000"));
        assertThat(levels(first)).containsEntry("orderbook", List.of("0"));
        assertThat(levels(first)).containsKey("ticker");

        MockEndpoint grouped = getMockEndpoint("mock:grouped");
        MockEndpoint plain = getMockEndpoint("mock:plain");
        await().until(() -> grouped.getReceivedCounter() > 3 && plain.getReceivedCounter() > 3);
        assertThat(grouped.getReceivedExchanges()).allSatisfy(e -> assertThat(
                e.getMessage().getBody(OrderbookEvent.class).level()).isEqualByComparingTo("10000"));
        assertThat(plain.getReceivedExchanges()).allSatisfy(e -> assertThat(
                e.getMessage().getBody(OrderbookEvent.class).level()).isEqualByComparingTo("0"));
        MockEndpoint lifecycle = getMockEndpoint("mock:lifecycle");
        await().until(() -> lifecycle.getReceivedExchanges().stream().map(e -> e.getMessage()
                .getBody(ConnectionEvent.class)).anyMatch(e -> e.state() == ConnectionState.SUBSCRIBED
                && e.channel().equals("public") && e.connection().equals("2")));

        context.getRouteController().stopRoute("grouped");

        await().until(() -> !second.isOpen());
        assertThat(first.isOpen()).isTrue();
        assertThat(simulator.subscribeMessages()).isNotEmpty().allSatisfy(m -> assertThat(btcOrderbooks(m.text()))
                .as("orderbook objects for KRW-BTC in %s", m.text()).isLessThanOrEqualTo(1));
    }

    private static long btcOrderbooks(String message) throws Exception {
        long count = 0;
        for (JsonNode object : new ObjectMapper().readTree(message)) {
            if ("orderbook".equals(object.path("type").asText())) {
                for (JsonNode code : object.path("codes")) {
                    count += code.asText().startsWith("KRW-BTC") ? 1 : 0;
                }
            }
        }
        return count;
    }

    private static List<SimConnection> open(UpbitSimulator simulator) {
        return simulator.connections().stream().filter(SimConnection::isOpen).toList();
    }

    /** Per type, the levels of the connection's subscription objects (0 when none is given). */
    private static Map<String, List<String>> levels(SimConnection connection) {
        return connection.subscription().stream().collect(Collectors.groupingBy(Subscription::type,
                Collectors.mapping(s -> (s.level() == null ? BigDecimal.ZERO : s.level()).toPlainString(),
                        Collectors.toList())));
    }
}
