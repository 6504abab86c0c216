package io.camelupbit.test;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.camelupbit.test.TickerAssertions.assertCompleteTicker;
import static org.assertj.core.api.Assertions.assertThat;

class TlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static KeyStore keyStore;

    /** A throw-away self-signed certificate for localhost, made with the JDK's keytool. */
    @BeforeAll
    static void createKeyStore() throws Exception {
        Path file = dir.resolve("sim.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "sim", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
        keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keyStore.load(in, PASSWORD);
        }
    }

    private static SslContext server() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASSWORD);
        return SslContextBuilder.forServer(kmf).build();
    }

    private static SSLContext clientTls() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keyStore);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);
        return clientTls;
    }

    @Test
    void servesRestOverHttps() throws Exception {
        try (UpbitSimulator sim = UpbitSimulator.builder().tls(server()).apiKey("tls-key", "tls-secret").build()
                .start()) {
            assertThat(sim.restUrl()).isEqualTo("https://localhost:" + sim.port());
            RestTestClient rest = new RestTestClient(HttpClient.newBuilder().sslContext(clientTls())
                    .version(HttpClient.Version.HTTP_1_1).build(), sim.restUrl(), "tls-key", "tls-secret");
            assertThat(rest.get("/v1/accounts").status()).isEqualTo(200);
            assertThat(rest.get("/v1/orders/chance", "market=KRW-BTC").status()).isEqualTo(200);
        }
    }

    @Test
    void servesWss() throws Exception {
        SSLContext clientTls = clientTls();
        try (UpbitSimulator sim = UpbitSimulator.builder().tls(server()).build().start()) {
            assertThat(sim.url()).isEqualTo("wss://localhost:" + sim.port() + "/websocket/v1");
            try (WsClient client = WsClient.connect(sim.url(), Map.of(),
                    HttpClient.newBuilder().sslContext(clientTls).build())) {
                client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-ETH\"]}]");
                assertCompleteTicker(Json.object(client.next().text()), "KRW-ETH", "SNAPSHOT", false);
            }
        }
    }
}
