package io.camelupbit;

import java.io.InputStream;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.TickerEvent;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wss} against the simulator with a self-signed certificate for localhost, trusted through Camel's
 * {@code sslContextParameters}; hostname verification stays on.
 */
class TlsRouteTest extends UpbitRouteTestSupport {

    private static final String PASSWORD = "changeit";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(
            b -> b.tls(serverTls()).tickInterval(Duration.ofMillis(50)));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("classpath:tls/client-truststore.p12");
        trustStore.setType("PKCS12");
        trustStore.setPassword(PASSWORD);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        component.setSslContextParameters(ssl);
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
    void tickersFlowOverTlsWithPermessageDeflate() throws Exception {
        MockEndpoint btc = getMockEndpoint("mock:btc");
        btc.expectedMinimumMessageCount(3);
        btc.assertIsSatisfied();

        assertThat(upbit.url()).startsWith("wss://localhost:");
        assertThat(btc.getReceivedExchanges().get(0).getMessage().getBody()).isInstanceOf(TickerEvent.class);
        SimConnection connection = upbit.simulator().connections().get(0);
        assertThat(connection.compressionNegotiated()).isTrue();
        assertThat(connection.handshake().headers().get("sec-websocket-extensions"))
                .anySatisfy(value -> assertThat(value).contains("permessage-deflate"));
    }

    private static SslContext serverTls() {
        try (InputStream in = TlsRouteTest.class.getResourceAsStream("/tls/simulator-keystore.p12")) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, PASSWORD.toCharArray());
            return SslContextBuilder.forServer(keyManagers).build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the test key store", e);
        }
    }
}
