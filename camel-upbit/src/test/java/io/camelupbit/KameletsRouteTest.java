package io.camelupbit;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.test.RestCall;
import io.camelupbit.test.UpbitSimulatorExtension;
import io.camelupbit.trading.Order;
import io.camelupbit.trading.OrderRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets in {@code kamelets/} (camel-kamelet 4.18.0 on the Camel 4.22 core) in YAML routes against the
 * simulator: the three sources deliver typed events of their codes, the order sink checks an order by default and
 * places it when asked.
 */
class KameletsRouteTest extends UpbitRouteTestSupport {

    static final String ACCESS_KEY = "kamelet-access";
    static final String SECRET_KEY = "kamelet-secret-0123456789";
    static final List<String> KAMELETS = List.of("upbit-ticker-source", "upbit-trade-source",
            "upbit-orderbook-source", "upbit-order-sink");

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.apiKey(ACCESS_KEY, SECRET_KEY)
            .tickInterval(Duration.ofMillis(20)).markets("KRW-BTC", "KRW-ETH", "KRW-XRP"));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey(ACCESS_KEY);
        component.setSecretKey(SECRET_KEY);
    }

    @Test
    void theSourcesDeliverTypedEventsOfTheirCodes() throws Exception {
        load("""
                - route:
                    id: tickers
                    from:
                      uri: "kamelet:upbit-ticker-source?codes=KRW-BTC"
                      steps:
                        - to:
                            uri: "mock:tickers"
                - route:
                    id: trades
                    from:
                      uri: "kamelet:upbit-trade-source?codes=krw-eth&snapshotMode=realtimeOnly"
                      steps:
                        - to:
                            uri: "mock:trades"
                - route:
                    id: books
                    from:
                      uri: "kamelet:upbit-orderbook-source?codes=KRW-XRP&depth=5&delivery=latest"
                      steps:
                        - to:
                            uri: "mock:books"
                """);
        MockEndpoint tickers = getMockEndpoint("mock:tickers");
        MockEndpoint trades = getMockEndpoint("mock:trades");
        MockEndpoint books = getMockEndpoint("mock:books");
        tickers.expectedMinimumMessageCount(3);
        trades.expectedMinimumMessageCount(3);
        books.expectedMinimumMessageCount(3);
        MockEndpoint.assertIsSatisfied(context);

        assertThat(bodies(tickers, TickerEvent.class)).allSatisfy(t -> assertThat(t.code()).isEqualTo("KRW-BTC"));
        assertThat(bodies(trades, TradeEvent.class)).allSatisfy(t -> {
            assertThat(t.code()).isEqualTo("KRW-ETH");
            assertThat(t.streamType()).isEqualTo(StreamType.REALTIME);
        });
        assertThat(bodies(books, OrderbookEvent.class)).allSatisfy(b -> {
            assertThat(b.code()).isEqualTo("KRW-XRP");
            assertThat(b.units()).hasSize(5);
        });
        // the Kamelets' defaults reached the endpoints: bodyType=event, and the ticker's delivery=queue
        assertThat(context.getEndpoints()).extracting(e -> e.getEndpointUri())
                .anyMatch(uri -> uri.startsWith("upbit://ticker") && uri.contains("delivery=queue")
                        && uri.contains("bodyType=event"));
    }

    @Test
    void theOrderSinkChecksAnOrderByDefaultAndPlacesItWhenAsked() throws Exception {
        load("""
                - route:
                    id: check-orders
                    from:
                      uri: "direct:check"
                      steps:
                        - to:
                            uri: "kamelet:upbit-order-sink"
                - route:
                    id: place-orders
                    from:
                      uri: "direct:place"
                      steps:
                        - to:
                            uri: "kamelet:upbit-order-sink?operation=placeOrder"
                """);
        upbit.simulator().account(ACCESS_KEY).deposit("KRW", new BigDecimal("10000000"));
        OrderRequest buy = OrderRequest.limit("KRW-BTC", AskBid.BID, new BigDecimal("90000000"),
                new BigDecimal("0.01"));

        Order checked = template.requestBody("direct:check", buy, Order.class);
        assertThat(checked.code()).isEqualTo("KRW-BTC");
        assertThat(lastCall().path()).isEqualTo("/v1/orders/test");

        Exchange placed = template.request("direct:place", e -> e.getMessage().setBody(buy));
        Order order = placed.getMessage().getBody(Order.class);
        assertThat(lastCall().path()).isEqualTo("/v1/orders");
        assertThat(placed.getMessage().getHeader(UpbitConstants.ORDER_UUID)).isEqualTo(order.uuid());
        assertThat(order.price()).isEqualByComparingTo("90000000");
        assertThat(upbit.simulator().account(ACCESS_KEY).orders()).anySatisfy(o -> assertThat(o.uuid())
                .isEqualTo(order.uuid()));
    }

    @Test
    void everyKameletNamesThisVersionOfCamelUpbit() throws IOException {
        for (String name : KAMELETS) {
            Map<String, Object> kamelet = kamelet(name);
            Map<?, ?> metadata = (Map<?, ?>) kamelet.get("metadata");
            assertThat(metadata.get("name")).isEqualTo(name);
            String catalogVersion = (String) ((Map<?, ?>) metadata.get("annotations"))
                    .get("camel.apache.org/catalog.version");
            List<Object> dependencies = List.copyOf((List<?>) ((Map<?, ?>) kamelet.get("spec")).get("dependencies"));
            assertThat(dependencies).as(name).contains((Object) ("mvn:io.camelupbit:camel-upbit:" + catalogVersion));
            assertThat(catalogVersion).as(name).isEqualTo(projectVersion());
        }
    }

    /** A Kamelet's YAML from the component's jar. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> kamelet(String name) throws IOException {
        try (InputStream in = KameletsRouteTest.class.getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as(name).isNotNull();
            return (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String projectVersion() throws IOException {
        try (InputStream in = KameletsRouteTest.class.getResourceAsStream(
                "/META-INF/services/org/apache/camel/component.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }

    private void load(String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("routes.yaml", yaml));
    }

    private static RestCall lastCall() {
        List<RestCall> calls = upbit.simulator().restCalls();
        return calls.get(calls.size() - 1);
    }

    private static <T> List<T> bodies(MockEndpoint mock, Class<T> type) {
        return mock.getReceivedExchanges().stream().map(e -> e.getMessage().getBody(type)).toList();
    }
}
