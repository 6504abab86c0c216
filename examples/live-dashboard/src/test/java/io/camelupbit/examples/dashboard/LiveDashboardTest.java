package io.camelupbit.examples.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.camelupbit.test.MutableClock;
import io.camelupbit.test.UpbitSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the dashboard as a user would (simulator mode, any free port) and reads it over HTTP: the page, the event
 * stream and {@code GET /api/ticker/{code}}, against a simulator whose clock stands still until the test moves it,
 * so "the newest ticker" is exact.
 */
class LiveDashboardTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-06T00:00:00Z"));
    private static final UpbitSimulator SIMULATOR = UpbitSimulator.builder().seed(7).clock(CLOCK)
            .markets("KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE", "KRW-ADA").build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LiveDashboard dashboard;

    @BeforeAll
    static void start() throws Exception {
        dashboard = new LiveDashboard(SIMULATOR);
        dashboard.main().addOverrideProperty("dashboard.port", "0");
        dashboard.main().start();
    }

    @AfterAll
    static void stop() throws Exception {
        dashboard.main().stop();
    }

    @Test
    void theApiAnswersTheSimulatorsNewestTickerFromThePullModel() throws Exception {
        // KRW-ADA is on no route of the dashboard: only the poll subscribes it
        assertThat(subscribedTickers()).doesNotContain("KRW-ADA");
        HttpResponse<String> first = get("/api/ticker/KRW-ADA");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonObject ticker = new JsonObject(first.body());
        assertThat(ticker.getString("code")).isEqualTo("KRW-ADA");
        assertThat(ticker.getLong("timestamp")).isEqualTo(newestSent("KRW-ADA"));
        assertThat(subscribedTickers()).contains("KRW-ADA");

        // the market trades on; the next answers follow it, each the newest the simulator sent
        long previous = ticker.getLong("timestamp");
        for (int step = 0; step < 3; step++) {
            CLOCK.advance(Duration.ofSeconds(1));
            long than = previous;
            await().until(() -> newestSent("KRW-ADA") > than);
            long sent = newestSent("KRW-ADA");
            await().untilAsserted(() -> assertThat(new JsonObject(get("/api/ticker/krw-ada").body())
                    .getLong("timestamp")).isEqualTo(sent));
            previous = sent;
        }
    }

    @Test
    void aMarketOnTheBoardIsAnsweredByThePollToo() throws Exception {
        HttpResponse<String> answer = get("/api/ticker/KRW-BTC");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject ticker = new JsonObject(answer.body());
        assertThat(ticker.getString("code")).isEqualTo("KRW-BTC");
        assertThat(ticker.getLong("timestamp")).isEqualTo(newestSent("KRW-BTC"));
    }

    @Test
    void theApiRefusesWhatIsNoMarketCode() throws Exception {
        // an encoded '&' would otherwise reach the endpoint URI as another option (url, region ...)
        HttpResponse<String> injected = get("/api/ticker/KRW-BTC%26region%3DSG");
        assertThat(injected.statusCode()).isEqualTo(400);
        assertThat(injected.body()).contains("not a market code");
        assertThat(get("/api/ticker/KRW-" + "X".repeat(16)).statusCode()).isEqualTo(400);
    }

    @Test
    void aMarketWithNoTickerWithinThePollTimeoutIsNotFound() throws Exception {
        // the simulator makes up any market asked for; a new market's subscription goes over a new connection, and
        // the simulator holds that connection's handshake: no ticker comes
        SIMULATOR.stallHandshakes(true);
        try {
            HttpResponse<String> unknown = get("/api/ticker/KRW-NOPE");
            assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
            assertThat(unknown.body()).isEqualTo("{\"error\":\"no ticker for KRW-NOPE\"}");
        } finally {
            SIMULATOR.stallHandshakes(false);
        }
    }

    @Test
    void thePageIsServedAndTheEventStreamCarriesPricesFlowAndTheConnection() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).contains("new EventSource('/events')", "id=\"updates\"", "id=\"connection\"");

        HttpRequest request = HttpRequest.newBuilder(url("/events")).build();
        HttpResponse<Stream<String>> stream = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/event-stream"));
        Set<String> seen = new HashSet<>();
        try (Stream<String> lines = stream.body()) {
            // every event the page listens to arrives: each board market's ticker, the order book, a route's flow,
            // and the public connection subscribed
            Set<String> wanted = Set.of("ticker KRW-BTC", "ticker KRW-DOGE", "orderbook KRW-BTC", "flow tickers",
                    "connection SUBSCRIBED");
            String[] event = new String[1];
            lines.takeWhile(line -> !seen.containsAll(wanted)).forEach(line -> {
                if (line.startsWith("event: ")) {
                    event[0] = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    JsonObject data = new JsonObject(line.substring(6));
                    seen.add(event[0] + ' ' + switch (event[0]) {
                        case "ticker", "orderbook" -> data.getString("code");
                        case "flow" -> data.getString("route");
                        case "connection" -> data.getString("state");
                        default -> "?";
                    });
                }
            });
        }
        assertThat(seen).contains("ticker KRW-BTC", "ticker KRW-DOGE", "orderbook KRW-BTC", "flow tickers",
                "connection SUBSCRIBED");
    }

    private static long newestSent(String code) {
        return SIMULATOR.sentLog().newest("ticker", code).map(item -> Long.parseLong(item.key())).orElse(0L);
    }

    private static List<String> subscribedTickers() {
        return SIMULATOR.connections().stream().flatMap(c -> c.subscribedCodes("ticker").stream()).toList();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + dashboard.port() + path);
    }
}
