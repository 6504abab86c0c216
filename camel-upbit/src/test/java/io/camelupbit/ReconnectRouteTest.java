package io.camelupbit;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every fault of the simulator's menu ends with the session back, the server holding the routes' union, and every
 * route receiving again; the scheduled reconnect delays (read from RECONNECTING events, with a fixed random source)
 * follow the backoff formula, jitter included at the cap. Timings are scaled down; nothing asserts a wall-clock gap.
 */
class ReconnectRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setBaseDelay(100);
        component.setBackoffMultiplier(2);
        component.setMaxDelay(400);
        component.setJitter(0.5);
        // U = 0.75 makes every factor 1 - 0.5 + 2 * 0.5 * 0.75 = 1.25
        component.jitterSource(() -> 0.75);
        component.setHeartbeatInterval(100);
        component.setIdleTimeout(500);
        component.setMaxRetryAfter(1500);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:connection").to("mock:life");
                from("upbit:ticker?codes=KRW-BTC,KRW-ETH").routeId("tickers").to("mock:tickers");
                from("upbit:trade?codes=KRW-XRP").routeId("trades").to("mock:trades");
            }
        };
    }

    @Test
    void everyFaultEndsWithTheUnionRestoredAndEveryRouteReceiving() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        restored();
        assertThat(states()).startsWith(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                ConnectionState.SUBSCRIBED);
        await().until(() -> simulator.connections().get(0).pingsReceived() > 0);

        fault(() -> simulator.connections().get(0).dropAbruptly());
        fault(() -> simulator.connections().get(0).close(1001, "going away"));
        // half-open: nothing comes, pings go unanswered; idle detection must notice
        fault(() -> simulator.connections().get(0).goSilent());
        fault(() -> {
            simulator.refuseHandshakes(2, 503, null);
            simulator.connections().get(0).dropAbruptly();
        });
        fault(() -> {
            simulator.delayHandshakes(Duration.ofMillis(200));
            simulator.connections().get(0).dropAbruptly();
        });
        simulator.delayHandshakes(Duration.ZERO);
        // a 401 on the public channel is an authentication refusal: retried at maxDelay, not faster
        fault(() -> {
            simulator.refuseHandshakes(1, 401, null);
            simulator.connections().get(0).dropAbruptly();
        });
        assertThat(events(ConnectionState.RECONNECTING).get(events(ConnectionState.RECONNECTING).size() - 1)
                .delayMillis()).isEqualTo(400);
        // an error frame outside any send's window reaches the routes; the connection goes on
        SimConnection errored = simulator.connections().get(0);
        errored.push("{\"error\":{\"name\":\"SERVER_BUSY\",\"message\":\"try later\"}}");
        await().until(() -> upbitComponent().publicSession().errorFrames() == 1);
        receiving();
        assertThat(errored.isOpen()).isTrue();
        // a malformed frame costs nothing: same connection, counted
        SimConnection connection = simulator.connections().get(0);
        connection.push("{\"type\":\"ticker\",\"code\":");
        await().until(() -> upbitComponent().publicSession().decodeErrors() == 1);
        receiving();
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void theFirstEventPerMarketAfterAGapCarriesTheResyncHeader() {
        UpbitSimulator simulator = upbit.simulator();
        restored();
        MockEndpoint tickers = getMockEndpoint("mock:tickers");
        assertThat(tickers.getReceivedExchanges()).noneMatch(e -> e.getMessage().getHeader(UpbitConstants.RESYNC) != null);

        int before = tickers.getReceivedExchanges().size();
        simulator.connections().get(0).dropAbruptly();
        restored();
        // a copy: a view of the mock's list fails when an exchange arrives while it is read
        await().until(() -> resynced(after(tickers, before)).containsAll(List.of("KRW-BTC", "KRW-ETH")));
        List<Exchange> after = after(tickers, before);
        assertThat(resynced(after)).hasSize(2);
    }

    @Test
    void scheduledDelaysFollowTheFormulaWithJitterAtTheCap() {
        UpbitSimulator simulator = upbit.simulator();
        restored();
        getMockEndpoint("mock:life").reset();

        simulator.refuseHandshakes(5, 503, null);
        simulator.connections().get(0).dropAbruptly();
        restored();

        List<ConnectionEvent> reconnecting = events(ConnectionState.RECONNECTING);
        assertThat(reconnecting).extracting(ConnectionEvent::attempt).containsExactly(1, 2, 3, 4, 5, 6);
        // min(100 * 2^(n-1), 400) * 1.25: the cap comes first, the jitter survives it
        assertThat(reconnecting).extracting(ConnectionEvent::delayMillis)
                .containsExactly(125L, 250L, 500L, 500L, 500L, 500L);
    }

    @Test
    void a418WithRetryAfterIsHonouredAndA429LowersNothingBelowItsRetryAfter() {
        UpbitSimulator simulator = upbit.simulator();
        restored();
        getMockEndpoint("mock:life").reset();

        simulator.refuseHandshakes(1, 418, Duration.ofSeconds(1));
        simulator.refuseHandshakes(1, 429, Duration.ofSeconds(1));
        simulator.connections().get(0).dropAbruptly();
        restored();

        List<ConnectionEvent> reconnecting = events(ConnectionState.RECONNECTING);
        assertThat(reconnecting).extracting(ConnectionEvent::delayMillis).containsExactly(125L, 1000L, 1000L);
        assertThat(reconnecting.get(1).cause()).contains("418");
        assertThat(reconnecting.get(2).cause()).contains("429");
    }

    @Test
    void aRetryAfterOfDaysIsCappedByMaxRetryAfterAndSaysSo() {
        UpbitSimulator simulator = upbit.simulator();
        restored();
        getMockEndpoint("mock:life").reset();

        try (LogCapture logs = new LogCapture(false)) {
            simulator.refuseHandshakes(1, 429, Duration.ofSeconds(1_000_000_000_000L));
            simulator.connections().get(0).dropAbruptly();
            restored();
            assertThat(logs.lines())
                    .anyMatch(l -> l.contains("Retry-After of 1000000000000 s") && l.contains("1500 ms"));
        }

        List<ConnectionEvent> reconnecting = events(ConnectionState.RECONNECTING);
        assertThat(reconnecting).extracting(ConnectionEvent::delayMillis).containsExactly(125L, 1500L);
    }

    @Test
    void aBanStatedByUpbitIsWaitedOutBeyondMaxRetryAfter() {
        UpbitSimulator simulator = upbit.simulator();
        restored();
        getMockEndpoint("mock:life").reset();

        try (LogCapture logs = new LogCapture(false)) {
            simulator.refuseHandshakes(1, 418, Duration.ofSeconds(2));
            simulator.connections().get(0).dropAbruptly();
            restored();
            assertThat(logs.lines()).anyMatch(l -> l.contains("blocked by Upbit (HTTP 418) for 2 s"));
        }

        List<ConnectionEvent> reconnecting = events(ConnectionState.RECONNECTING);
        assertThat(reconnecting).extracting(ConnectionEvent::delayMillis).containsExactly(125L, 2000L);
    }

    @Test
    void aBanStatedOnlyInTheBodyOfA418IsWaitedOut() {
        UpbitSimulator simulator = upbit.simulator();
        restored();
        getMockEndpoint("mock:life").reset();

        simulator.refuseHandshakes(1, 418, null,
                "{\"error\":{\"name\":\"too_many_requests\",\"message\":\"요청이 많아 2초 동안 차단되었습니다.\"}}");
        simulator.connections().get(0).dropAbruptly();
        restored();

        List<ConnectionEvent> reconnecting = events(ConnectionState.RECONNECTING);
        assertThat(reconnecting).extracting(ConnectionEvent::delayMillis).containsExactly(125L, 2000L);
    }

    private void fault(Runnable fault) {
        UpbitSimulator simulator = upbit.simulator();
        int connections = simulator.acceptedConnections();
        fault.run();
        await().until(() -> simulator.acceptedConnections() > connections);
        restored();
    }

    /** The session is back: one connection whose subscription is the union, and every route receives again. */
    private void restored() {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> simulator.connections().size() == 1
                && simulator.connections().get(0).subscribedCodes("ticker").equals(Set.of("KRW-BTC", "KRW-ETH"))
                && simulator.connections().get(0).subscribedCodes("trade").equals(Set.of("KRW-XRP")));
        receiving();
    }

    private void receiving() {
        MockEndpoint tickers = getMockEndpoint("mock:tickers");
        MockEndpoint trades = getMockEndpoint("mock:trades");
        long t = tickers.getReceivedCounter();
        long x = trades.getReceivedCounter();
        await().until(() -> tickers.getReceivedCounter() > t + 2 && trades.getReceivedCounter() > x + 2);
    }

    private static List<Exchange> after(MockEndpoint mock, int before) {
        List<Exchange> all = List.copyOf(mock.getReceivedExchanges());
        return all.subList(before, all.size());
    }

    private static List<String> resynced(List<Exchange> exchanges) {
        return exchanges.stream().filter(e -> Boolean.TRUE.equals(e.getMessage().getHeader(UpbitConstants.RESYNC)))
                .map(e -> e.getMessage().getBody(TickerEvent.class).code()).toList();
    }

    private List<ConnectionState> states() {
        return events(null).stream().map(ConnectionEvent::state).toList();
    }

    private List<ConnectionEvent> events(ConnectionState state) {
        return getMockEndpoint("mock:life").getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(ConnectionEvent.class))
                .filter(e -> state == null || e.state() == state).toList();
    }
}
