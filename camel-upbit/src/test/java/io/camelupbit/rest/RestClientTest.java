package io.camelupbit.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.camelupbit.LoopbackProxy;
import io.camelupbit.net.OffLoopResolverGroup;
import io.camelupbit.net.ProxySettings;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The REST transport against a real HTTP server on loopback: headers, bodies, keep-alive, the pool, deadlines. */
class RestClientTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final OffLoopResolverGroup resolver = new OffLoopResolverGroup(2, InetAddress::getAllByName);
    private final ExecutorService serverThreads = Executors.newFixedThreadPool(8);
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger mostConcurrent = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    /** Holds the answers to /v1/never until the test ends. */
    private final CountDownLatch testEnded = new CountDownLatch(1);
    private HttpServer server;
    private RestClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(serverThreads);
        server.createContext("/v1/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        testEnded.countDown();
        if (client != null) {
            client.close();
        }
        server.stop(0);
        serverThreads.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        resolver.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        int now = concurrent.incrementAndGet();
        mostConcurrent.accumulateAndGet(now, Math::max);
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())
                    + " auth=" + exchange.getRequestHeaders().getFirst("Authorization")
                    + " origin=" + exchange.getRequestHeaders().getFirst("Origin")
                    + " type=" + exchange.getRequestHeaders().getFirst("Content-Type") + " body=" + body);
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v1/slow")) {
                release.await(30, TimeUnit.SECONDS);
            }
            if (path.equals("/v1/never")) {
                testEnded.await(60, TimeUnit.SECONDS);
            }
            byte[] out = "[{\"currency\":\"KRW\",\"balance\":\"1000000.0\"}]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Remaining-Req", "group=default; min=1799; sec=29");
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(path.equals("/v1/missing") ? 404 : 200, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            concurrent.decrementAndGet();
        }
    }

    private RestClient client(int maxConnections, Duration timeout, ProxySettings proxy) {
        client = new RestClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null, proxy,
                resolver, group, maxConnections, timeout, Duration.ofSeconds(30));
        return client;
    }

    @Test
    void aSignedGetAndAPostWithABodyArriveAsWrittenAndTheAnswerWithItsHeaders() throws Exception {
        RestClient rest = client(2, Duration.ofSeconds(10), null);

        RestResponse get = rest.send(new RestRequest("GET", "/v1/accounts?market=KRW-BTC&states%5B%5D=wait",
                null, "Bearer token-1")).get(10, TimeUnit.SECONDS);
        RestResponse post = rest.send(new RestRequest("POST", "/v1/orders", "{\"market\":\"KRW-BTC\"}",
                "Bearer token-2")).get(10, TimeUnit.SECONDS);
        RestResponse missing = rest.send(new RestRequest("GET", "/v1/missing", null, null)).get(10, TimeUnit.SECONDS);

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("remaining-req")).isEqualTo("group=default; min=1799; sec=29");
        assertThat(get.body()).isEqualTo("[{\"currency\":\"KRW\",\"balance\":\"1000000.0\"}]");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(seen).containsExactly(
                "GET /v1/accounts?market=KRW-BTC&states%5B%5D=wait auth=Bearer token-1 origin=null type=null body=",
                "POST /v1/orders auth=Bearer token-2 origin=null type=application/json; charset=utf-8 "
                        + "body={\"market\":\"KRW-BTC\"}",
                "GET /v1/missing auth=null origin=null type=null body=");
        assertThat(get.toString()).doesNotContain("KRW");
        assertThat(new RestRequest("GET", "/v1/accounts", null, "Bearer secret-token").toString())
                .doesNotContain("secret-token");
    }

    @Test
    void sequentialRequestsReuseOneKeptAliveConnection() throws Exception {
        RestClient rest = client(4, Duration.ofSeconds(10), null);

        for (int i = 0; i < 10; i++) {
            assertThat(rest.send(new RestRequest("GET", "/v1/accounts", null, null)).get(10, TimeUnit.SECONDS)
                    .status()).isEqualTo(200);
        }

        assertThat(clientPorts).hasSize(1);
        assertThat(rest.openConnections()).isEqualTo(1);
    }

    @Test
    void requestsBeyondThePoolWaitForAFreeConnectionAndAllComplete() throws Exception {
        RestClient rest = client(2, Duration.ofSeconds(20), null);

        List<CompletableFuture<RestResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(rest.send(new RestRequest("GET", "/v1/slow?i=" + i, null, null)));
        }
        await().until(() -> concurrent.get() == 2);
        release.countDown();

        for (CompletableFuture<RestResponse> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(mostConcurrent.get()).isEqualTo(2);
        assertThat(clientPorts).hasSize(2);
        assertThat(seen).hasSize(20);
    }

    @Test
    void noAnswerInTimeIsATimeoutThatMayHaveBeenProcessedAndTheConnectionIsDropped() {
        RestClient rest = client(1, Duration.ofMillis(300), null);

        CompletableFuture<RestResponse> answer = rest.send(new RestRequest("POST", "/v1/never", "{}", null));

        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RestTimeoutException.class).hasMessageContaining("may have processed it");
        await().until(() -> rest.openConnections() == 0);
    }

    @Test
    void aRequestThatCouldNotBeSentSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        client = new RestClient(URI.create("http://127.0.0.1:" + closedPort), null, null, resolver, group, 1,
                Duration.ofSeconds(5), Duration.ofSeconds(30));

        CompletableFuture<RestResponse> answer = client.send(new RestRequest("POST", "/v1/orders", "{}", null));

        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IOException.class)
                .isNotInstanceOf(RestTimeoutException.class).hasMessageContaining("not sent");
        await().until(() -> client.openConnections() == 0);
    }

    @Test
    void overTlsTrustingOnlyWhatTheContextTrusts() throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        https.setHttpsConfigurator(new HttpsConfigurator(context("/tls/simulator-keystore.p12", true)));
        https.setExecutor(serverThreads);
        https.createContext("/v1/", this::answer);
        https.start();
        URI base = URI.create("https://localhost:" + https.getAddress().getPort());
        try (RestClient trusting = new RestClient(base, context("/tls/client-truststore.p12", false), null, resolver,
                group, 1, Duration.ofSeconds(10), Duration.ofSeconds(30));
             RestClient jvmDefault = new RestClient(base, null, null, resolver, group, 1, Duration.ofSeconds(10),
                     Duration.ofSeconds(30))) {

            assertThat(trusting.send(new RestRequest("GET", "/v1/accounts", null, null)).get(10, TimeUnit.SECONDS)
                    .status()).isEqualTo(200);
            CompletableFuture<RestResponse> refused = jvmDefault.send(new RestRequest("POST", "/v1/orders", "{}",
                    null));
            assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IOException.class)
                    .isNotInstanceOf(RestTimeoutException.class).hasMessageContaining("not sent");
            assertThat(seen).hasSize(1);
        } finally {
            https.stop(0);
        }
    }

    /** The test PKI of the TLS route test: the simulator's key (CN=localhost) and a trust store holding its cert. */
    private static SSLContext context(String resource, boolean keys) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = RestClientTest.class.getResourceAsStream(resource)) {
            store.load(in, "changeit".toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        if (keys) {
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(store, "changeit".toCharArray());
            context.init(managers.getKeyManagers(), null, null);
        } else {
            TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            managers.init(store);
            context.init(null, managers.getTrustManagers(), null);
        }
        return context;
    }

    @Test
    void throughAnHttpProxyWithCredentials() throws Exception {
        try (LoopbackProxy proxy = new LoopbackProxy(LoopbackProxy.Protocol.HTTP, "rest-user", "rest-pass")) {
            RestClient rest = client(1, Duration.ofSeconds(10), new ProxySettings(ProxySettings.Type.HTTP,
                    "127.0.0.1", proxy.port(), "rest-user", "rest-pass"));

            assertThat(rest.send(new RestRequest("GET", "/v1/accounts", null, null)).get(10, TimeUnit.SECONDS)
                    .status()).isEqualTo(200);

            assertThat(proxy.targets()).containsExactly("127.0.0.1:" + server.getAddress().getPort());
        }
    }

    @Test
    void throughASocks5Proxy() throws Exception {
        try (LoopbackProxy proxy = new LoopbackProxy(LoopbackProxy.Protocol.SOCKS5)) {
            RestClient rest = client(1, Duration.ofSeconds(10), new ProxySettings(ProxySettings.Type.SOCKS5,
                    "127.0.0.1", proxy.port(), null, null));

            assertThat(rest.send(new RestRequest("GET", "/v1/accounts", null, null)).get(10, TimeUnit.SECONDS)
                    .status()).isEqualTo(200);

            assertThat(proxy.targets()).containsExactly("127.0.0.1:" + server.getAddress().getPort());
        }
    }
}
