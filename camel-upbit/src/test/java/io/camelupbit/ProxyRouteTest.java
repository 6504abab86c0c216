package io.camelupbit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.TickerEvent;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The WebSocket goes through an HTTP CONNECT proxy (Upbit keys are IP allow-listed: users need a fixed egress).
 * Subclasses run the same tests through SOCKS5 and with proxy credentials.
 */
class ProxyRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(50)));

    private LoopbackProxy proxy;

    /** The protocol under test. */
    protected LoopbackProxy.Protocol protocol() {
        return LoopbackProxy.Protocol.HTTP;
    }

    /** The proxy's user name, {@code null} for a proxy that asks for no credentials. */
    protected String username() {
        return null;
    }

    protected String password() {
        return null;
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
        proxy = startProxy();
        useProxy(component, proxy, password());
    }

    private LoopbackProxy startProxy() {
        try {
            return new LoopbackProxy(protocol(), username(), password());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void useProxy(UpbitComponent component, LoopbackProxy through, String password) {
        // the simulator speaks ws://, which goes through a proxy only when allowed
        component.setAllowInsecure(true);
        component.setProxyHost("127.0.0.1");
        component.setProxyPort(through.port());
        component.setProxyType(protocol().name());
        component.setProxyUsername(username());
        component.setProxyPassword(password);
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
        assertThat(proxy.refusals()).isEmpty();
        assertThat(upbit.simulator().handshakes()).allSatisfy(h -> assertThat(h.hasHeader("Origin")).isFalse());
    }

    @Test
    void wrongProxyCredentialsAreRefusedAndRetried() throws Exception {
        assumeTrue(username() != null, "a proxy with credentials");
        try (LoopbackProxy strict = startProxy(); CamelContext other = new DefaultCamelContext()) {
            UpbitComponent component = new UpbitComponent();
            component.setUrl(upbit.url());
            component.setBaseDelay(20);
            component.setMaxDelay(50);
            useProxy(component, strict, "not-" + password());
            other.addComponent("upbit", component);
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit:ticker?codes=KRW-BTC").to("mock:never");
                }
            });
            other.start();

            await().until(() -> strict.refusals().size() >= 2);
            assertThat(strict.targets()).isEmpty();
            assertThat(other.getEndpoint("mock:never", MockEndpoint.class).getReceivedCounter()).isZero();
        }
    }
}
