package io.camelupbit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.TradeEvent;
import io.camelupbit.session.UpbitSession;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code shards=2}: the public channel's codes are split over two connections by a stable hash of the code (KRW-BTC,
 * KRW-ETH and KRW-DOGE on one, KRW-XRP, KRW-SOL and KRW-ADA on the other); a route over codes of both gets each code's
 * events in order.
 */
class ShardsRouteTest extends UpbitRouteTestSupport {

    private static final List<String> FIRST = List.of("KRW-BTC", "KRW-DOGE", "KRW-ETH");
    private static final List<String> SECOND = List.of("KRW-ADA", "KRW-SOL", "KRW-XRP");

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.seed(23)
            .tickInterval(Duration.ofMillis(20)).speed(5).connectLimitPerSecond(50));

    /** Per code, the trade numbers the route got, in order. */
    private final Map<String, List<Long>> trades = new ConcurrentHashMap<>();

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setShards(2);
        component.setConnectionLinger(300);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:trade?codes=KRW-BTC,KRW-XRP,KRW-ETH,KRW-SOL").routeId("both")
                        .process(e -> {
                            TradeEvent trade = e.getMessage().getBody(TradeEvent.class);
                            trades.computeIfAbsent(trade.code(), c -> new CopyOnWriteArrayList<>())
                                    .add(trade.sequentialId());
                        });
            }
        };
    }

    @Test
    void theCodesAreSplitByTheirHashAndEachCodesTradesComeInOrder() throws Exception {
        assertThat(FIRST).allSatisfy(code -> assertThat(Shards.of(code, 2)).isZero());
        assertThat(SECOND).allSatisfy(code -> assertThat(Shards.of(code, 2)).isOne());
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> tradeCodesByConnection(simulator).equals(Set.of(Set.of("KRW-BTC", "KRW-ETH"),
                Set.of("KRW-SOL", "KRW-XRP"))));
        await().until(() -> trades.keySet().size() == 4 && trades.values().stream().allMatch(t -> t.size() >= 30));
        context.getRouteController().stopRoute("both");

        for (Map.Entry<String, List<Long>> code : trades.entrySet()) {
            // exactly a run of the trades the simulator generated for the market: each once, in order, none missing
            List<Long> generated = simulator.market().tradesAfter(code.getKey(), -1).stream()
                    .map(t -> t.sequentialId()).toList();
            List<Long> got = code.getValue();
            int start = generated.indexOf(got.get(0));
            assertThat(start).as(code.getKey()).isNotNegative();
            assertThat(got).as(code.getKey()).isEqualTo(generated.subList(start, start + got.size()));
        }
        UpbitConsumer consumer = consumer("both");
        assertThat(consumer.sessions()).hasSize(2);
        assertThat(consumer.getSessionName()).contains("public-shard1@", "public-shard2@");
    }

    @Test
    void aCodeKeepsItsShardWhicheverRouteAsksForIt() throws Exception {
        await().until(() -> consumer("both").isConnected());
        String shardOfBtc = consumer("both").sessions().stream().map(s -> s.name())
                .filter(name -> name.startsWith("public-shard1@")).findFirst().orElseThrow();
        addRoute("btc", "upbit:ticker?codes=KRW-BTC");
        addRoute("xrp", "upbit:ticker?codes=KRW-XRP");

        assertThat(consumer("btc").getSessionName()).isEqualTo(shardOfBtc);
        assertThat(consumer("xrp").getSessionName()).startsWith("public-shard2@");
    }

    @Test
    void aShardWhoseLastRouteStopsClosesItsConnectionAfterTheLinger() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        addRoute("ada", "upbit:ticker?codes=KRW-ADA");
        await().until(() -> simulator.connections().size() == 2);
        context.getRouteController().stopRoute("both");
        // KRW-ADA keeps the second shard's connection; the first one's last route left
        await().until(() -> simulator.connections().size() == 1);
        SimConnection left = simulator.connections().get(0);
        assertThat(left.subscribedCodes("ticker")).containsExactly("KRW-ADA");
        assertThat(consumer("ada").isConnected()).isTrue();

        context.getRouteController().stopRoute("ada");
        await().until(() -> simulator.connections().isEmpty());
    }

    @Test
    void aFullMailboxPausesEveryShardTheRouteIsOnAndReleasesThemAll() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit:trade?codes=KRW-BTC,KRW-XRP&mailboxSize=5").routeId("slow")
                            .process(e -> assertThat(gate.await(30, TimeUnit.SECONDS)).isTrue());
                }
            });
            List<UpbitSession> shards = consumer("slow").sessions();
            assertThat(shards).hasSize(2);
            // the route's full mailbox holds both connections' reading, whichever shard filled it
            await().until(() -> shards.stream().allMatch(UpbitSession::isReadingPaused));
            gate.countDown();
            await().until(() -> shards.stream().noneMatch(UpbitSession::isReadingPaused)
                    && consumer("slow").stats().delivered() > 50);
            assertThat(consumer("slow").stats().dropped()).isZero();
        } finally {
            gate.countDown();
        }
    }

    /** The trade codes each open connection is subscribed to. */
    private static Set<Set<String>> tradeCodesByConnection(UpbitSimulator simulator) {
        return simulator.connections().stream().map(c -> (Set<String>) new TreeSet<>(c.subscribedCodes("trade")))
                .collect(Collectors.toSet());
    }

    private UpbitConsumer consumer(String routeId) {
        return (UpbitConsumer) context.getRoute(routeId).getConsumer();
    }

    private void addRoute(String id, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(id).to("mock:" + id);
            }
        });
    }
}
