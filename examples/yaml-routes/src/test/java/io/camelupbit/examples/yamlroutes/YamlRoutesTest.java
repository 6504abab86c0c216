package io.camelupbit.examples.yamlroutes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCreatedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;

import io.camelupbit.UpbitComponent;
import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.Subscription;
import io.camelupbit.test.Trade;
import io.camelupbit.test.UpbitSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the example as a user would, in simulator mode with a fixed seed and simulated start, and checks what its
 * YAML routes did against the simulator's own record: which alerts fired, what the traded-value ledger added up, and
 * that the placeholders and component options of application.properties reached the wire.
 */
class YamlRoutesTest {

    /** Not the application.properties list (KRW-XRP is left out), so the subscription shows the placeholder works. */
    private static final List<String> CODES = List.of("KRW-BTC", "KRW-ETH", "KRW-SOL", "KRW-DOGE");
    /**
     * Seed 7 from 2026-03-02T09:00Z starts ETH and SOL well above +0.1 %, BTC well below; DOGE sits at its previous
     * close, one 0.2 % tick from either side, so it may cross back and forth (re-arming the alert) while we watch.
     */
    private static final BigDecimal THRESHOLD = new BigDecimal("0.001");
    private static final BigDecimal REARM = new BigDecimal("-0.001");
    private static final int TRADES_PER_MARKET = 50;

    @Test
    void theYamlRoutesAlertSumAndSubscribeAsConfigured() throws Exception {
        Observer observer = new Observer();
        Main main = YamlRoutes.create();
        main.addOverrideProperty("yaml-routes.simulator.seed", "7");
        main.addOverrideProperty("yaml-routes.simulator.start", "2026-03-02T09:00:00Z");
        main.addOverrideProperty("yaml-routes.simulator.speed", "20");
        main.addOverrideProperty("watch.codes", String.join(",", CODES));
        main.addOverrideProperty("watch.alert.threshold", THRESHOLD.toPlainString());
        main.addOverrideProperty("watch.alert.rearm", REARM.toPlainString());
        main.addOverrideProperty("watch.summary.period", "100ms");
        // an EventNotifier in the registry is picked up by Camel Main: it records what the routes received and sent
        main.bind("observer", observer);
        main.start();
        UpbitSimulator simulator = null;
        try {
            CamelContext context = main.getCamelContext();
            simulator = context.getRegistry().lookupByNameAndType(YamlRoutes.SIMULATOR_BEAN, UpbitSimulator.class);
            assertThat(simulator).as("simulator mode by default").isNotNull();
            TradedValueLedger ledger = context.getRegistry().lookupByNameAndType("ledger", TradedValueLedger.class);

            // the summary route has added up completed periods with trades of every watched market
            await().untilAsserted(() -> {
                Map<String, MarketValue> totals = ledger.totals();
                assertThat(totals.keySet()).isEqualTo(Set.copyOf(CODES));
                assertThat(totals.values()).allSatisfy(v -> assertThat(v.trades()).isGreaterThan(TRADES_PER_MARKET));
            });

            // ---- the placeholders and component options reached the wire ----
            UpbitComponent upbit = context.getComponent("upbit", UpbitComponent.class);
            assertThat(upbit.getUrl()).isEqualTo(simulator.url());
            assertThat(upbit.getFormat()).isEqualTo("SIMPLE");
            assertThat(upbit.getSendLinger()).isEqualTo(100);
            assertThat(simulator.connections()).hasSize(1);
            SimConnection connection = simulator.connections().get(0);
            assertThat(connection.format()).isEqualTo("SIMPLE");
            assertThat(connection.subscribedCodes("ticker")).isEqualTo(Set.copyOf(CODES));
            assertThat(connection.subscribedCodes("trade")).isEqualTo(Set.copyOf(CODES));
            Map<String, Subscription> byType = new LinkedHashMap<>();
            connection.subscription().forEach(s -> byType.put(s.type(), s));
            assertThat(byType.keySet()).containsExactlyInAnyOrder("ticker", "trade");
            assertThat(byType.get("trade").onlyRealtime()).as("snapshotMode=realtimeOnly").isTrue();
            assertThat(byType.get("ticker").onlyRealtime()).isFalse();
            assertThat(byType.get("ticker").onlySnapshot()).isFalse();
            // both routes' subscriptions went out together, in one message (send-linger)
            assertThat(simulator.subscribeMessages()).hasSize(1);

            // the connection route saw the session come up
            assertThat(observer.connectionEvents()).extracting(ConnectionEvent::state)
                    .containsSubsequence(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                            ConnectionState.SUBSCRIBED);
            assertThat(observer.connectionEvents()).extracting(ConnectionEvent::channel).containsOnly("public");

            // stop the market routes (gracefully: the aggregator completes its open period) and compare. The trades
            // route first: stopping a route changes the shared subscription, and a replaced subscription restarts
            // every stream on the connection "from now" (replace semantics), which could skip a trade in between.
            context.getRouteController().stopRoute("trades");
            context.getRouteController().stopRoute("tickers");

            assertTradedValue(simulator, ledger, observer);
            assertAlerts(simulator, observer);
        } finally {
            main.stop();
        }
        assertThat(simulator.connections()).as("the app stops its simulator").isEmpty();
    }

    /** The ledger holds exactly the trades the route received, and those are the simulator's trades, none missed. */
    private static void assertTradedValue(UpbitSimulator simulator, TradedValueLedger ledger, Observer observer) {
        Map<String, List<TradeEvent>> received = byCode(observer.trades(), TradeEvent::code);
        assertThat(received.keySet()).isEqualTo(Set.copyOf(CODES));
        // the last period reaches the ledger when the trades route stops (forceCompletionOnStop)
        await().untilAsserted(() -> assertThat(ledger.totals()).allSatisfy((code, total) ->
                assertThat(total.trades()).isEqualTo(received.get(code).size())));

        Map<String, MarketValue> totals = ledger.totals();
        for (String code : CODES) {
            List<TradeEvent> trades = received.get(code);
            MarketValue total = totals.get(code);
            BigDecimal receivedValue = trades.stream().map(t -> t.tradePrice().multiply(t.tradeVolume()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total.value()).as(code).isEqualByComparingTo(receivedValue);
            assertThat(total.firstSequentialId()).isEqualTo(trades.get(0).sequentialId());
            assertThat(total.lastSequentialId()).isEqualTo(trades.get(trades.size() - 1).sequentialId());

            // the simulator's own trades from the first to the last one received: the same ones, in order, none
            // missing (realtimeOnly + delivery=queue), and their price x volume adds up to the ledger's value
            List<Trade> simulated = simulator.market().tradesAfter(code, -1).stream()
                    .filter(t -> t.sequentialId() >= total.firstSequentialId()
                            && t.sequentialId() <= total.lastSequentialId())
                    .toList();
            assertThat(trades).extracting(TradeEvent::sequentialId)
                    .as(code).containsExactlyElementsOf(simulated.stream().map(Trade::sequentialId).toList());
            BigDecimal simulatedValue = simulated.stream().map(t -> t.price().multiply(t.volume()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total.value()).as(code).isEqualByComparingTo(simulatedValue);
            assertThat(total.volume()).as(code).isEqualByComparingTo(
                    simulated.stream().map(Trade::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    /**
     * The alert route fired exactly for the tickers where a market rose above the threshold while armed (first time,
     * or after falling below the re-arm level), computed from the tickers the route received.
     */
    private static void assertAlerts(UpbitSimulator simulator, Observer observer) {
        Map<String, List<TickerEvent>> tickers = byCode(observer.tickers(), TickerEvent::code);
        assertThat(tickers.keySet()).isEqualTo(Set.copyOf(CODES));

        Map<String, List<TickerEvent>> expected = new TreeMap<>();
        tickers.forEach((code, list) -> {
            boolean armed = true;
            for (TickerEvent ticker : list) {
                if (ticker.signedChangeRate().compareTo(THRESHOLD) > 0) {
                    if (armed) {
                        expected.computeIfAbsent(code, c -> new ArrayList<>()).add(ticker);
                        armed = false;
                    }
                } else if (ticker.signedChangeRate().compareTo(REARM) < 0) {
                    armed = true;
                }
            }
        });
        assertThat(byCode(observer.alerts(), TickerEvent::code)).isEqualTo(expected);

        // not vacuous: some markets alerted, at least one never got above the threshold
        assertThat(expected).isNotEmpty();
        assertThat(CODES).anySatisfy(code -> assertThat(expected).doesNotContainKey(code));

        // each alert shows a real trade of the simulator: the price of that market's trade at the ticker's trade time
        expected.values().stream().flatMap(List::stream).forEach(alert ->
                assertThat(simulator.market().tradesAfter(alert.code(), -1))
                        .filteredOn(t -> t.time().toEpochMilli() == alert.tradeTimestamp())
                        .extracting(Trade::price)
                        .singleElement()
                        .satisfies(price -> assertThat(price).isEqualByComparingTo(alert.tradePrice())));
    }

    private static <T> Map<String, List<T>> byCode(List<T> events, Function<T, String> code) {
        Map<String, List<T>> out = new TreeMap<>();
        events.forEach(e -> out.computeIfAbsent(code.apply(e), c -> new ArrayList<>()).add(e));
        return out;
    }

    /**
     * Records what each route received and ran to the end, in order (the bodies as the consumer created the
     * exchanges), and the alerts sent to direct:alert. An exchange that failed (e.g. an event delivered while its
     * route was stopping) is not counted as received.
     */
    static final class Observer extends EventNotifierSupport {

        private final Map<String, Object> created = new LinkedHashMap<>();
        private final Map<String, Object> completed = new LinkedHashMap<>();
        private final List<TickerEvent> alerts = new CopyOnWriteArrayList<>();

        @Override
        public void notify(CamelEvent event) {
            if (event instanceof ExchangeCreatedEvent e && isConsumerRoute(e.getExchange())) {
                synchronized (this) {
                    created.put(e.getExchange().getExchangeId(), e.getExchange().getMessage().getBody());
                }
            } else if (event instanceof ExchangeCompletedEvent e && isConsumerRoute(e.getExchange())) {
                synchronized (this) {
                    Object body = created.remove(e.getExchange().getExchangeId());
                    if (body != null) {
                        completed.put(e.getExchange().getExchangeId(), body);
                    }
                }
            } else if (event instanceof ExchangeSentEvent sent
                    && "direct://alert".equals(sent.getEndpoint().getEndpointUri())) {
                alerts.add(sent.getExchange().getMessage().getBody(TickerEvent.class));
            }
        }

        private static boolean isConsumerRoute(Exchange exchange) {
            // the routes fed by the upbit consumers (the aggregator's completed periods are exchanges too: not these)
            return Set.of("tickers", "trades", "connection").contains(exchange.getFromRouteId())
                    && !(exchange.getMessage().getBody() instanceof TradeWindow);
        }

        synchronized <T> List<T> received(Class<T> type) {
            return completed.values().stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<TickerEvent> tickers() {
            return received(TickerEvent.class);
        }

        List<TradeEvent> trades() {
            return received(TradeEvent.class);
        }

        List<ConnectionEvent> connectionEvents() {
            return received(ConnectionEvent.class);
        }

        List<TickerEvent> alerts() {
            return List.copyOf(alerts);
        }
    }
}
