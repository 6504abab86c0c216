package io.camelupbit.examples.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.camelupbit.event.Asset;
import io.camelupbit.event.AskBid;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;
import io.camelupbit.test.SimAccount;
import io.camelupbit.test.SimOrder;
import io.camelupbit.test.Side;
import io.camelupbit.test.Trade;
import io.camelupbit.trading.Balance;
import io.camelupbit.test.UpbitSimulator;

/**
 * The app on its embedded simulator, from a fixed seed and start at 120x: the crossover signals it makes are exactly
 * those computed here, independently, from the simulator's own trades; each one became an order placed over REST
 * ({@code upbit:placeOrder}) in the demo account, which the test fills as a market would, or the app cancels
 * ({@code upbit:cancelOrder}) when it is still open at the next signal, and the app follows each to its end on
 * {@code upbit:myOrder}; the starting balances are read with {@code upbit:accounts}; an order placed through the
 * account reaches the app's myOrder route and the balance its myAsset route; the actuator shows the Upbit consumer
 * checks and the upbit.* meters over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "signals.simulator.seed=11",
        "signals.simulator.speed=120",
        // one trade per simulated second: the simulator's trade history (10,000) then covers the whole test
        "signals.simulator.tick-interval=1s",
        "signals.simulator.start=2026-01-05T00:00:00Z",
        // the test is the market (DemoMarket): it decides which order fills
        "signals.simulator.fill-orders=false",
        "camel.component.upbit.shutdown-quiet-period=0" })
class SignalsApplicationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    UpbitSimulator simulator;
    @Autowired
    SignalsProperties properties;
    @Autowired
    SignalDetector detector;
    @Autowired
    SignalDeliveries deliveries;
    @Autowired
    AccountActivity account;
    @LocalServerPort
    int port;

    @Test
    void signalsAreTheCrossoversOfTheSimulatorsTrades() {
        await().atMost(PATIENCE).until(() -> detector.history().signals().size() >= 3);
        SignalDetector.History history = detector.history();

        NavigableMap<Instant, BigDecimal> closes = minuteCloses(simulator.market().tradesAfter("KRW-BTC", -1));
        assertThat(closes.firstKey()).as("the trade history still covers the app's first candle")
                .isBefore(history.firstCandle());
        NavigableMap<Instant, BigDecimal> seen = closes.subMap(history.firstCandle(), true, history.lastCandle(),
                true);
        assertThat(seen).as("every minute from the app's first candle to its last came to the app")
                .hasSize((int) history.candles());

        List<String> expected = crossovers(seen, 3, 8);
        // the candle's close is written with 8 decimals, the trade's price plainly: compare the numbers
        assertThat(history.signals()).extracting(s -> s.side() + " " + s.candleStart() + " " + plain(s.close()))
                .containsExactlyElementsOf(expected)
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(history.signals()).allSatisfy(s -> assertThat(s.code()).isEqualTo("KRW-BTC"));
    }

    /**
     * The market of the test, from the app's start: it fills every signal's order of the demo account as it comes,
     * except the first one, which stays open until the app cancels it at the next signal.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class DemoMarket {

        @Bean(destroyMethod = "shutdownNow")
        ScheduledExecutorService demoMarket(UpbitSimulator simulator, SignalsProperties properties) {
            SimAccount demo = simulator.account(properties.simulator().accessKey());
            String[] firstOrder = new String[1];
            ScheduledExecutorService market = Executors.newSingleThreadScheduledExecutor();
            market.scheduleWithFixedDelay(() -> {
                for (SimOrder order : demo.orders()) {
                    if (order.identifier() == null || !order.identifier().startsWith(Signal.ID_PREFIX)) {
                        continue;
                    }
                    if (firstOrder[0] == null) {
                        firstOrder[0] = order.uuid();
                    }
                    if ("wait".equals(order.state()) && !order.uuid().equals(firstOrder[0])) {
                        try {
                            demo.fill(order.uuid(), order.remainingVolume());
                        } catch (IllegalStateException e) {
                            // cancelled by the app meanwhile
                        }
                    }
                }
            }, 20, 20, TimeUnit.MILLISECONDS);
            return market;
        }
    }

    @Test
    void everySignalBecameAnOrderPlacedOverRestAndTheAppFollowedItToItsEnd() {
        await().atMost(PATIENCE).until(() -> {
            List<Signal> signals = detector.history().signals();
            return signals.size() >= 3 && signals.subList(0, 3).stream().allMatch(this::orderEnded);
        });
        List<Signal> signals = detector.history().signals().subList(0, 3);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveries.delivered()).containsAll(signals));
        assertThat(deliveries.rejected()).isEmpty();

        for (Signal signal : signals) {
            SimOrder order = orderOf(signal);
            assertThat(order.side()).isEqualTo(signal.side() == Signal.Side.BUY ? Side.BID : Side.ASK);
            assertThat(order.price()).isEqualByComparingTo(signal.close());
            assertThat(order.volume()).isEqualByComparingTo(properties.orderVolume());
            // the app followed it to its end through upbit:myOrder
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(account.events(order.uuid()))
                    .last().extracting(e -> e.state().name().toLowerCase()).isEqualTo(order.state()));
        }
        assertThat(orderOf(signals.get(0)).state()).as("left open, cancelled by the app").isEqualTo("cancel");
        assertThat(signals.subList(1, 3)).allSatisfy(signal -> {
            assertThat(orderOf(signal).state()).isEqualTo("done");
            assertThat(orderOf(signal).executedVolume()).isEqualByComparingTo(properties.orderVolume());
        });
    }

    @Test
    void theStartingBalancesAreReadOverRest() {
        await().atMost(PATIENCE).until(() -> !account.startingBalances().isEmpty());
        Map<String, Balance> balances = new TreeMap<>();
        account.startingBalances().forEach(b -> balances.put(b.currency(), b));
        assertThat(balances.get("KRW").balance().add(balances.get("KRW").locked()))
                .isEqualByComparingTo(properties.simulator().depositKrw());
        assertThat(balances.get("BTC").balance().add(balances.get("BTC").locked()))
                .isEqualByComparingTo(properties.simulator().depositBase());
    }

    private boolean orderEnded(Signal signal) {
        SimOrder order = demoAccount().orders().stream().filter(o -> signal.id().equals(o.identifier())).findFirst()
                .orElse(null);
        return order != null && !"wait".equals(order.state());
    }

    private SimOrder orderOf(Signal signal) {
        return demoAccount().orders().stream().filter(o -> signal.id().equals(o.identifier())).findFirst()
                .orElseThrow(() -> new AssertionError("no order for " + signal.id()));
    }

    @Test
    void anOrderOfTheAccountReachesTheMyOrderRouteAndItsBalanceTheMyAssetRoute() {
        SimAccount demo = demoAccount();
        // KRW-ETH: the signals trade KRW-BTC only, so nothing else moves ETH
        String uuid = demo.placeLimitOrder("KRW-ETH", Side.BID, new BigDecimal("3000000"), new BigDecimal("0.5"),
                "test-order-1");
        await().atMost(PATIENCE).until(() -> !account.events(uuid).isEmpty());
        MyOrderEvent placed = account.events(uuid).get(0);
        assertThat(placed.state()).isEqualTo(OrderState.WAIT);
        assertThat(placed.identifier()).isEqualTo("test-order-1");
        assertThat(placed.code()).isEqualTo("KRW-ETH");
        assertThat(placed.askBid()).isEqualTo(AskBid.BID);
        assertThat(placed.price()).isEqualByComparingTo("3000000");
        assertThat(placed.volume()).isEqualByComparingTo("0.5");

        demo.fill(uuid, new BigDecimal("0.2"));
        demo.cancel(uuid);
        await().atMost(PATIENCE).until(() -> account.events(uuid).size() == 3);
        List<MyOrderEvent> events = account.events(uuid);
        assertThat(events).extracting(MyOrderEvent::state)
                .containsExactly(OrderState.WAIT, OrderState.TRADE, OrderState.CANCEL);
        assertThat(events.get(1).volume()).isEqualByComparingTo("0.2");
        assertThat(events.get(1).tradeUuid()).isNotBlank();

        await().atMost(PATIENCE).untilAsserted(() -> {
            Asset eth = account.balance("ETH").orElseThrow();
            assertThat(eth.balance()).isEqualByComparingTo("0.2");
            assertThat(eth.locked()).isEqualByComparingTo("0");
        });
    }

    @Test
    void theActuatorShowsTheUpbitHealthChecksAndMeters() {
        await().atMost(PATIENCE).until(() -> detector.history().candles() >= 1);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonObject camel = object(object(get("/actuator/health"), "components"), "camelHealth");
            assertThat(camel.getString("status")).isEqualTo("UP");
            assertThat(object(camel, "details")).containsEntry("consumer:candles", "UP")
                    .containsEntry("consumer:my-orders", "UP").containsEntry("consumer:my-assets", "UP");

            assertThat(value(get("/actuator/metrics/upbit.route.delivered?tag=routeId:candles"))).isPositive();
            // the public session and the demo account's private one
            assertThat(value(get("/actuator/metrics/upbit.session.connected"))).isEqualTo(2.0);
        });
    }

    /** The close of each epoch-aligned minute: the price of its last trade. */
    private static NavigableMap<Instant, BigDecimal> minuteCloses(List<Trade> trades) {
        NavigableMap<Instant, BigDecimal> closes = new TreeMap<>();
        for (Trade trade : trades) {
            // trades come oldest first, so the last one put per minute is its close
            closes.put(Instant.ofEpochSecond(Math.floorDiv(trade.time().getEpochSecond(), 60) * 60), trade.price());
        }
        return closes;
    }

    /** BUY/SELL where the short simple moving average crosses the long one, written the plain way. */
    private static List<String> crossovers(NavigableMap<Instant, BigDecimal> closes, int shortN, int longN) {
        List<Instant> times = new ArrayList<>(closes.keySet());
        List<BigDecimal> prices = new ArrayList<>(closes.values());
        List<String> signals = new ArrayList<>();
        int above = 0;
        for (int i = longN - 1; i < prices.size(); i++) {
            int cmp = mean(prices.subList(i - shortN + 1, i + 1)).compareTo(mean(prices.subList(i - longN + 1, i + 1)));
            if (cmp != 0) {
                if (above != 0 && cmp != above) {
                    signals.add((cmp > 0 ? "BUY" : "SELL") + " " + times.get(i) + " " + plain(prices.get(i)));
                }
                above = cmp;
            }
        }
        return signals;
    }

    private static String plain(BigDecimal price) {
        return price.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128);
    }

    private SimAccount demoAccount() {
        return simulator.account(properties.simulator().accessKey());
    }

    private static JsonObject object(JsonObject json, String key) {
        return (JsonObject) json.get(key);
    }

    /** The first measurement of an /actuator/metrics/{name} answer. */
    private static double value(JsonObject metric) {
        JsonArray measurements = (JsonArray) metric.get("measurements");
        return ((JsonObject) measurements.get(0)).getDouble("value");
    }

    private JsonObject get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return (JsonObject) Jsoner.deserialize(response.body());
    }
}
