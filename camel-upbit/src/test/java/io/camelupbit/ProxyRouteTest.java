package io.camelupbit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.TickerEvent;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket goes through an HTTP CONNECT proxy (Upbit keys are IP allow-listed: users need a fixed egress);
 * {@link Socks5ProxyRouteTest} runs the same test through SOCKS5.
 */
class ProxyRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(50)));

    private LoopbackProxy proxy;

    /** The protocol under test. */
    protected LoopbackProxy.Protocol protocol() {
        return LoopbackProxy.Protocol.HTTP;
    }

    @AfterEach
    void stopProxy() throws Exception {
        proxy.close();
    }

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        try {
            proxy = new LoopbackProxy(protocol());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        component.setProxyHost("127.0.0.1");
        component.setProxyPort(proxy.port());
        component.setProxyType(protocol().name());
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
    void tickersFlowThroughTheProxy() throws Exception {
        MockEndpoint btc = getMockEndpoint("mock:btc");
        btc.expectedMinimumMessageCount(3);
        btc.assertIsSatisfied();

        assertThat(btc.getReceivedExchanges().get(0).getMessage().getBody()).isInstanceOf(TickerEvent.class);
        assertThat(proxy.targets()).contains("127.0.0.1:" + upbit.simulator().port());
        assertThat(upbit.simulator().handshakes()).allSatisfy(h -> assertThat(h.hasHeader("Origin")).isFalse());
    }
}
