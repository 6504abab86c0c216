package io.camelupbit;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad URIs fail at route start with a message naming the option and what is allowed. */
class UpbitEndpointUriTest extends UpbitRouteTestSupport {

    @Override
    protected String upbitUrl() {
        return "ws://127.0.0.1:9/websocket/v1";
    }

    @Test
    void unknownTypeListsTheTypes() {
        assertRouteFails("upbit:tick?codes=KRW-BTC", "Unknown Upbit type 'tick'", "use one of ticker");
    }

    @Test
    void missingCodesIsNamed() {
        assertRouteFails("upbit:ticker", "Option codes is required", "codes=KRW-BTC");
    }

    @Test
    void malformedCodeIsNamed() {
        assertRouteFails("upbit:ticker?codes=KRW-BTC,BTC", "Option codes has a malformed market code 'BTC'",
                "KRW-BTC");
    }

    @Test
    void unknownOptionIsNamed() {
        assertRouteFails("upbit:ticker?codes=KRW-BTC&depht=15", "depht");
    }

    @Test
    void producerIsRefused() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("upbit:ticker?codes=KRW-BTC");
            }
        })).rootCause().hasMessageContaining("consumer only").hasMessageContaining("from(...)");
    }

    @Test
    void plainWebSocketToARemoteHostFailsAtComponentStartUnlessAllowed() throws Exception {
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            UpbitComponent component = new UpbitComponent();
            component.setUrl("ws://upbit.example.com/websocket/v1");
            other.addComponent("upbit", component);

            assertThatThrownBy(other::start).rootCause()
                    .hasMessageContaining("Option url ws://upbit.example.com/websocket/v1 is not encrypted")
                    .hasMessageContaining("allowInsecure=true");
        }
        try (DefaultCamelContext allowed = new DefaultCamelContext()) {
            UpbitComponent component = new UpbitComponent();
            component.setUrl("ws://upbit.example.com/websocket/v1");
            component.setAllowInsecure(true);
            component.setShutdownQuietPeriod(0);
            allowed.addComponent("upbit", component);

            allowed.start();
        }
    }

    private void assertRouteFails(String uri, String... fragments) {
        var failure = assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("log:never");
            }
        })).rootCause();
        for (String fragment : fragments) {
            failure.hasMessageContaining(fragment);
        }
    }
}
