package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The REST faults a client test injects, and the connection's keep-alive. */
class RestFaultsTest {

    private static final String SK = "faults-secret";
    private static final String ORDER = "{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"volume\":\"0.0001\","
            + "\"price\":\"100000000\",\"ord_type\":\"limit\",\"identifier\":\"%s\"}";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.apiKey("down", SK)
            .apiKey("fail", SK).apiKey("delay", SK).apiKey("lost", SK));

    private static RestTestClient client(String key) {
        return new RestTestClient(upbit.restUrl(), key, SK);
    }

    @Test
    void whileDownEveryRestRequestGets503AndNothingIsProcessed() {
        upbit.simulator().account("down").deposit("KRW", new BigDecimal("1000000"));
        RestTestClient rest = client("down");
        upbit.simulator().restDown(true);

        RestTestClient.Response order = rest.post("/v1/orders", ORDER.formatted("down-1"));
        RestTestClient.Response markets = rest.anonymous("GET", "/v1/market/all", "");
        upbit.simulator().restDown(false);
        RestTestClient.Response up = rest.post("/v1/orders", ORDER.formatted("down-1"));

        assertThat(order.status()).isEqualTo(503);
        assertThat(order.errorName()).isEqualTo("service_unavailable");
        assertThat(markets.status()).isEqualTo(503);
        // Not processed: the identifier was not even claimed.
        assertThat(up.status()).isEqualTo(201);
        assertThat(upbit.simulator().account("down").orders()).hasSize(1);
    }

    @Test
    void queuedFailuresAnswerTheirStatusWithoutProcessing() {
        upbit.simulator().account("fail").deposit("KRW", new BigDecimal("1000000"));
        RestTestClient rest = client("fail");
        upbit.simulator().failRest(429, 1);
        upbit.simulator().failRest(500, 2);

        RestTestClient.Response throttled = rest.post("/v1/orders", ORDER.formatted("fail-1"));
        RestTestClient.Response broken = rest.post("/v1/orders", ORDER.formatted("fail-2"));
        RestTestClient.Response brokenToo = rest.get("/v1/accounts");
        RestTestClient.Response fine = rest.get("/v1/accounts");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.errorName()).isEqualTo("too_many_requests");
        assertThat(throttled.remainingReq()).isEqualTo("group=order; min=720; sec=12");
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.errorName()).isEqualTo("internal_server_error");
        assertThat(brokenToo.status()).isEqualTo(500);
        assertThat(fine.status()).isEqualTo(200);
        assertThat(upbit.simulator().account("fail").orders()).isEmpty();
        assertThat(upbit.simulator().restLimitViolations()).isZero();
        assertThat(upbit.simulator().restCalls()).extracting(RestCall::status).containsExactly(429, 500, 500, 200);

        upbit.simulator().failRest(418, 3);
        upbit.simulator().failRest(0, 0);
        assertThat(rest.get("/v1/accounts").status()).isEqualTo(200);
        assertThatThrownBy(() -> upbit.simulator().failRest(302, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDelayedAnswerComesLateButTheOrderIsPlacedOnArrival() {
        upbit.simulator().account("delay").deposit("KRW", new BigDecimal("1000000"));
        RestTestClient rest = client("delay");
        upbit.simulator().delayRest(Duration.ofMillis(500));

        assertThatThrownBy(() -> rest.send("POST", "/v1/orders", "", ORDER.formatted("delay-1"),
                rest.bearer(RestTestClient.bodyHashText(ORDER.formatted("delay-1"))), Duration.ofMillis(100)))
                .hasCauseInstanceOf(HttpTimeoutException.class);
        await().untilAsserted(() -> assertThat(upbit.simulator().account("delay").orders()).hasSize(1));
        long start = System.nanoTime();
        RestTestClient.Response late = rest.get("/v1/accounts");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(late.status()).isEqualTo(200);
    }

    @Test
    void anOrderTakenWithoutAnswerIsPlacedAndItsRetryFindsTheIdentifierUsed() {
        SimAccount account = upbit.simulator().account("lost");
        account.deposit("KRW", new BigDecimal("1000000"));
        RestTestClient rest = client("lost");
        upbit.simulator().takeOrdersWithoutAnswer(1);

        assertThatThrownBy(() -> rest.post("/v1/orders", ORDER.formatted("lost-1")))
                .isInstanceOf(UncheckedIOException.class);
        RestTestClient.Response retry = rest.post("/v1/orders", ORDER.formatted("lost-1"));
        RestTestClient.Response lookup = rest.get("/v1/order", "identifier=lost-1");

        assertThat(account.orders()).singleElement()
                .satisfies(o -> assertThat(o.identifier()).isEqualTo("lost-1"));
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.errorName()).isEqualTo("duplicated_identifier");
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.object()).containsEntry("uuid", account.orders().get(0).uuid())
                .containsEntry("state", "wait");
        assertThat(upbit.simulator().restCalls()).extracting(RestCall::status).containsExactly(0, 400, 200);
        // Only the next one: a new order is answered again.
        assertThat(rest.post("/v1/orders", ORDER.formatted("lost-2")).status()).isEqualTo(201);
    }

    @Test
    void oneConnectionServesSeveralRequestsUntilItAsksToClose() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", upbit.simulator().port()), 10_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            for (int i = 0; i < 3; i++) {
                out.write(request("").getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponse(in)).startsWith("HTTP/1.1 200 OK")
                        .containsIgnoringCase("Remaining-Req: group=market");
            }
            out.write(request("Connection: close\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200 OK").containsIgnoringCase("Connection: close");
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(upbit.simulator().restCalls()).hasSize(4);
    }

    private static String request(String extraHeaders) {
        return "GET /v1/market/all HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
    }

    /** One response's head, after reading its Content-Length body: the socket is left at the next response. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("closed inside a response head").isNotNegative();
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = Integer.parseInt(text.replaceAll("(?is).*content-length: (\\d+).*", "$1"));
        assertThat(in.readNBytes(length)).hasSize(length);
        return text;
    }
}
