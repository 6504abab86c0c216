package io.camelupbit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.test.RestCall;
import io.camelupbit.test.UpbitSimulatorExtension;
import io.camelupbit.trading.Order;
import io.camelupbit.trading.OrderRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UpbitRouteTemplates}, Camel core only: each template made into a route against the simulator, and their
 * parameters (names, defaults, which are required) the same as the Kamelets'.
 */
class RouteTemplatesTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b
            .apiKey(KameletsRouteTest.ACCESS_KEY, KameletsRouteTest.SECRET_KEY)
            .tickInterval(Duration.ofMillis(20)).markets("KRW-BTC", "KRW-ETH", "KRW-XRP"));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey(KameletsRouteTest.ACCESS_KEY);
        component.setSecretKey(KameletsRouteTest.SECRET_KEY);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new UpbitRouteTemplates();
    }

    @Test
    void eachTemplateMakesARouteOfItsStream() throws Exception {
        TemplatedRouteBuilder.builder(context, UpbitRouteTemplates.TICKER_SOURCE).routeId("tickers")
                .parameter("codes", "KRW-BTC").parameter("sink", "mock:tickers").add();
        TemplatedRouteBuilder.builder(context, UpbitRouteTemplates.TRADE_SOURCE).routeId("trades")
                .parameter("codes", "KRW-ETH").parameter("sink", "mock:trades").add();
        TemplatedRouteBuilder.builder(context, UpbitRouteTemplates.ORDERBOOK_SOURCE).routeId("books")
                .parameter("codes", "KRW-XRP").parameter("depth", "5").parameter("sink", "mock:books").add();
        // no depth given: the option leaves the URI, and Upbit's full book comes
        TemplatedRouteBuilder.builder(context, UpbitRouteTemplates.ORDERBOOK_SOURCE).routeId("full-books")
                .parameter("codes", "KRW-XRP").parameter("delivery", "latest").parameter("sink", "mock:fullBooks")
                .add();

        for (String mock : List.of("mock:tickers", "mock:trades", "mock:books", "mock:fullBooks")) {
            getMockEndpoint(mock).expectedMinimumMessageCount(2);
        }
        MockEndpoint.assertIsSatisfied(context);
        assertThat(bodies("mock:tickers", TickerEvent.class)).allSatisfy(t -> assertThat(t.code()).isEqualTo("KRW-BTC"));
        assertThat(bodies("mock:trades", TradeEvent.class)).allSatisfy(t -> assertThat(t.code()).isEqualTo("KRW-ETH"));
        assertThat(bodies("mock:books", OrderbookEvent.class)).allSatisfy(b -> assertThat(b.units()).hasSize(5));
        assertThat(bodies("mock:fullBooks", OrderbookEvent.class)).allSatisfy(b -> assertThat(b.units()).hasSize(30));
    }

    @Test
    void theOrderSinkTemplateChecksOrdersUnlessToldToPlaceThem() {
        upbit.simulator().account(KameletsRouteTest.ACCESS_KEY).deposit("KRW", new BigDecimal("10000000"));
        TemplatedRouteBuilder.builder(context, UpbitRouteTemplates.ORDER_SINK).routeId("orders")
                .parameter("source", "direct:orders").add();
        Order checked = template.requestBody("direct:orders", OrderRequest.limit("KRW-BTC", AskBid.BID,
                new BigDecimal("90000000"), new BigDecimal("0.01")), Order.class);
        assertThat(checked.code()).isEqualTo("KRW-BTC");
        List<RestCall> calls = upbit.simulator().restCalls();
        assertThat(calls.get(calls.size() - 1).path()).isEqualTo("/v1/orders/test");
    }

    @Test
    void theTemplatesTakeTheKameletsParameters() throws Exception {
        for (String name : KameletsRouteTest.KAMELETS) {
            Map<?, ?> definition = (Map<?, ?>) ((Map<?, ?>) KameletsRouteTest.kamelet(name).get("spec"))
                    .get("definition");
            List<?> required = definition.get("required") == null ? List.of() : (List<?>) definition.get("required");
            Map<String, String> kamelet = new TreeMap<>();
            ((Map<?, ?>) definition.get("properties")).forEach((property, schema) -> kamelet.put((String) property,
                    kind(((Map<?, ?>) schema).get("default"), required.contains(property))));

            Map<String, String> template = new TreeMap<>();
            for (RouteTemplateParameterDefinition p : context.getRouteTemplateDefinition(name)
                    .getTemplateParameters()) {
                // where a template's route starts or ends: what kamelet:source and kamelet:sink are to a Kamelet
                if (!p.getName().equals("sink") && !p.getName().equals("source")) {
                    template.put(p.getName(), kind(p.getDefaultValue(), p.isRequired()));
                }
            }
            assertThat(template).as(name).isEqualTo(kamelet);
        }
    }

    /** A parameter as a user meets it: with a default, else required or optional. */
    private static String kind(Object defaultValue, boolean required) {
        return defaultValue != null ? "default " + defaultValue : required ? "required" : "optional";
    }

    private <T> List<T> bodies(String mock, Class<T> type) {
        return getMockEndpoint(mock).getReceivedExchanges().stream().map(e -> e.getMessage().getBody(type))
                .toList();
    }
}
