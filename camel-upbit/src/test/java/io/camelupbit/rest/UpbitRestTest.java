package io.camelupbit.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelupbit.auth.JwtAlgorithm;
import io.camelupbit.auth.JwtAuthorization;
import io.camelupbit.error.UpbitRestException;
import io.camelupbit.net.OffLoopResolverGroup;
import io.camelupbit.trading.Order;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The repeat rules against a scripted HTTP server on loopback: each request gets the next scripted answer (a status
 * and body, or silence until the client's deadline), and the server records what arrived.
 */
class UpbitRestTest {

    private static final String ORDER = "{\"uuid\":\"u-1\",\"market\":\"KRW-BTC\",\"side\":\"bid\",\"ord_type\":\"limit\","
            + "\"price\":\"100.0\",\"state\":\"wait\",\"volume\":\"0.01\",\"identifier\":\"id-1\",\"trades_count\":0}";

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final OffLoopResolverGroup resolver = new OffLoopResolverGroup(2, InetAddress::getAllByName);
    private final ExecutorService serverThreads = Executors.newFixedThreadPool(4);
    private final ExecutorService answers = Executors.newCachedThreadPool();
    private final Queue<String[]> script = new ConcurrentLinkedQueue<>();
    private final List<String> arrived = new CopyOnWriteArrayList<>();
    /** Holds a silent answer until the test ends. */
    private final CountDownLatch testEnded = new CountDownLatch(1);
    private HttpServer server;
    private RestClient client;
    private UpbitRest rest;
    private final JwtAuthorization keys = new JwtAuthorization("a", "s-0123456789", JwtAlgorithm.HS512);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(serverThreads);
        server.createContext("/v1/", this::answer);
        server.start();
        client = new RestClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null, null,
                resolver, group, 2, Duration.ofMillis(500), Duration.ofSeconds(30));
        rest = new UpbitRest(client, new RestLimits(System::nanoTime, 1.0), group, answers, 4,
                Duration.ofMinutes(10));
    }

    @AfterEach
    void stop() throws Exception {
        testEnded.countDown();
        client.close();
        server.stop(0);
        serverThreads.shutdownNow();
        answers.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        resolver.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            arrived.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String[] next = script.poll();
        if (next == null || next[0].equals("silence")) {
            try {
                testEnded.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] body = next[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Remaining-Req", "group=order; min=1799; sec=7");
        exchange.sendResponseHeaders(Integer.parseInt(next[0]), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void script(String status, String body) {
        script.add(new String[] {status, body});
    }

    private RestCall<Order> place(RestCall.Repeat repeat) {
        RestParams params = new RestParams().add("market", "KRW-BTC").add("side", "bid").add("ord_type", "limit")
                .add("price", "100.0").add("volume", "0.01").add("identifier", "id-1");
        RestCall<Order> lookup = new RestCall<>("GET", "/v1/order", new RestParams().add("identifier", "id-1"),
                RestGroup.DEFAULT, true, RestJson::order, RestCall.Repeat.SAFE, null);
        return new RestCall<>("POST", "/v1/orders", params, RestGroup.ORDER, true, RestJson::order, repeat, lookup);
    }

    @Test
    void a429IsNotProcessedSoItIsSentAgain() throws Exception {
        script("429", "{\"error\":{\"name\":\"too_many_requests\",\"message\":\"slow down\"}}");
        script("201", ORDER);

        RestResult<Order> result = rest.execute(place(RestCall.Repeat.NEVER), keys, "a").get(10, TimeUnit.SECONDS);

        assertThat(result.value().uuid()).isEqualTo("u-1");
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.remainingReq()).isEqualTo("group=order; min=1799; sec=7");
        assertThat(arrived).hasSize(2);
    }

    @Test
    void anOrderWithAnIdentifierWhoseAnswerWasLostIsFoundNotPlacedTwice() throws Exception {
        script("silence", "");
        script("400", "{\"error\":{\"name\":\"duplicated_identifier\",\"message\":\"already used\"}}");
        script("200", ORDER);

        RestResult<Order> result = rest.execute(place(RestCall.Repeat.ORDER_WITH_IDENTIFIER), keys, "a")
                .get(15, TimeUnit.SECONDS);

        assertThat(result.value().identifier()).isEqualTo("id-1");
        assertThat(arrived).hasSize(3);
        assertThat(arrived.get(0)).startsWith("POST /v1/orders ");
        assertThat(arrived.get(1)).startsWith("POST /v1/orders ");
        assertThat(arrived.get(2)).startsWith("GET /v1/order?identifier=id-1");
    }

    @Test
    void anOrderWithoutIdentifierWhoseAnswerWasLostIsNeverSentAgain() {
        script("silence", "");

        assertThatThrownBy(() -> rest.execute(place(RestCall.Repeat.NEVER), keys, "a").get(15, TimeUnit.SECONDS))
                .cause().isInstanceOf(UpbitRestException.class)
                .hasMessageContaining("Upbit may have placed the order: it is not sent again");
        assertThat(arrived).hasSize(1);
    }

    @Test
    void aDuplicateIdentifierOnTheFirstRequestIsTheCallersError() {
        script("400", "{\"error\":{\"name\":\"duplicated_identifier\",\"message\":\"already used\"}}");

        assertThatThrownBy(() -> rest.execute(place(RestCall.Repeat.ORDER_WITH_IDENTIFIER), keys, "a")
                .get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(UpbitRestException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(400);
                    assertThat(e.getErrorName()).isEqualTo("duplicated_identifier");
                });
        assertThat(arrived).hasSize(1);
    }

    @Test
    void after418NothingIsSentUntilTheBlockEnds() {
        script("418", "{\"error\":{\"name\":\"i_m_a_teapot\",\"message\":\"blocked\"}}");
        RestCall<Order> read = new RestCall<>("GET", "/v1/order", new RestParams().add("uuid", "u-1"),
                RestGroup.DEFAULT, true, RestJson::order, RestCall.Repeat.SAFE, null);

        assertThatThrownBy(() -> rest.execute(read, keys, "a").get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(UpbitRestException.class, e -> assertThat(e.getStatus()).isEqualTo(418));
        assertThatThrownBy(() -> rest.execute(place(RestCall.Repeat.NEVER), keys, "a").get(10, TimeUnit.SECONDS))
                .cause().hasMessageContaining("not sent: Upbit blocks this client for");
        assertThat(arrived).hasSize(1);
    }

    @Test
    void aServerErrorOnAnOrderWithoutIdentifierIsNotRepeated() {
        script("500", "{\"error\":{\"name\":\"internal_server_error\",\"message\":\"oops\"}}");

        assertThatThrownBy(() -> rest.execute(place(RestCall.Repeat.NEVER), keys, "a").get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(UpbitRestException.class).hasMessageContaining("HTTP 500")
                .hasMessageContaining("not sent again");
        assertThat(arrived).hasSize(1);
    }
}
