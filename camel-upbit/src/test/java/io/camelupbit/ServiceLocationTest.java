package io.camelupbit;

import java.util.Map;

import org.apache.camel.spi.EndpointServiceLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Camel's service map shows the Upbit address each endpoint talks to, and never a key. */
class ServiceLocationTest extends UpbitRouteTestSupport {

    @Override
    protected String upbitUrl() {
        return "ws://127.0.0.1:9/websocket/v1";
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey("location-access");
        component.setSecretKey("location-secret");
    }

    @Test
    void eachEndpointNamesItsChannelsAddress() {
        assertLocation("upbit:ticker?codes=KRW-BTC", "ws://127.0.0.1:9/websocket/v1", "ws", "public");
        assertLocation("upbit:myOrder", "ws://127.0.0.1:9/websocket/v1/private", "ws", "private");
        assertLocation("upbit:indicator?codes=KRW-BTC&timeframe=5m&indicators=rsi(period=14)", "ws://127.0.0.1:9/websocket/v1/info", "ws",
                "info");
        assertLocation("upbit:placeOrder", "http://127.0.0.1:9", "http", "rest");
    }

    @Test
    void withoutAUrlTheRegionsAddressesShow() {
        UpbitComponent component = upbitComponent();
        component.setUrl(null);
        component.setRestUrl(null);
        component.setRegion("SG");
        assertLocation("upbit:trade?codes=SGD-BTC", "wss://sg-api.upbit.com/websocket/v1", "wss", "public");
        assertLocation("upbit:accounts", "https://sg-api.upbit.com", "https", "rest");
    }

    private void assertLocation(String uri, String url, String protocol, String channel) {
        EndpointServiceLocation location = context.getEndpoint(uri, UpbitEndpoint.class);
        assertThat(location.getServiceUrl()).as(uri).isEqualTo(url);
        assertThat(location.getServiceProtocol()).as(uri).isEqualTo(protocol);
        assertThat(location.getServiceMetadata()).as(uri).isEqualTo(Map.of("channel", channel));
        assertThat(location.getServiceUrl() + location.getServiceMetadata()).doesNotContain("location-access")
                .doesNotContain("location-secret");
    }
}
