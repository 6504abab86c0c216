package io.camelupbit.examples.kafkagateway;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelupbit.test.SentItem;
import io.camelupbit.test.UpbitSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway JVMs publish the simulator's trades, tickers and orderbooks to an in-process Kafka broker; one is
 * killed mid-stream ({@code destroyForcibly}) and started again. The consumer must get every trade the simulator sent
 * to the gateways in the window exactly once, counted against the simulator's own log by {@code sequential_id}, and no
 * ticker may go backwards.
 */
class KafkaGatewayClusterTest {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaGatewayClusterTest.class);
    private static final List<String> CODES = List.of("KRW-BTC", "KRW-ETH", "KRW-XRP");
    /** Connections per gateway: {@code camel.component.upbit.redundancy} of application.properties. */
    private static final int LINES = 2;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Process> gateways = new CopyOnWriteArrayList<>();
    private final List<String> trades = new CopyOnWriteArrayList<>();
    private final Map<String, List<Long>> tickerTimes = new ConcurrentHashMap<>();
    private UpbitSimulator simulator;
    private EmbeddedKafka kafka;

    @AfterEach
    void stopEverything() throws Exception {
        gateways.forEach(Process::destroyForcibly);
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void killingAGatewayMidStreamLosesNoTradeAndDeliversEachOnce() throws Exception {
        kafka = EmbeddedKafka.start();
        open.add(kafka);
        kafka.createTopics(List.of(GatewayRoutes.TRADES, GatewayRoutes.TICKERS, GatewayRoutes.ORDERBOOKS), 3);
        simulator = UpbitSimulator.builder().seed(21).markets(CODES.toArray(String[]::new))
                .tickInterval(Duration.ofMillis(20)).build().start();
        open.add(simulator::close);
        EventDedupe dedupe = new EventDedupe();
        open.add(consumer(dedupe));

        Process first = gateway("g1");
        gateway("g2");
        // both gateways subscribed: trades flow on all their connections; the window starts when the last began
        await().atMost(Duration.ofSeconds(60)).until(() -> connectionsWithTrades(Instant.MIN).size() == 2 * LINES);
        Instant windowStart = firstTradeOnEach(connectionsWithTrades(Instant.MIN));
        awaitTradesAfter(windowStart, 600);

        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Instant killed = Instant.now();
        awaitTradesAfter(killed, 100);
        Set<String> beforeRestart = connectionsWithTrades(Instant.MIN);
        gateway("g1");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> connectionsWithTrades(Instant.MIN).size() == beforeRestart.size() + LINES);
        Instant restarted = Instant.now();
        awaitTradesAfter(restarted, 600);
        Instant windowEnd = Instant.now();

        assertThat(simulator.sentLog().evicted()).as("the simulator's log kept every item of the window").isZero();
        Set<String> sent = simulator.sentLog().items().stream()
                .filter(i -> i.type().equals("trade") && !i.sentAt().isBefore(windowStart)
                        && !i.sentAt().isAfter(windowEnd))
                .map(i -> i.code() + "|" + i.key()).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(new HashSet<>(trades)).containsAll(sent));

        assertThat(trades).as("each trade once").doesNotHaveDuplicates();
        assertThat(dedupe.duplicatesPublished()).as("the gateways published copies").isPositive();
        assertThat(dedupe.duplicatesSuppressed()).isEqualTo(dedupe.duplicatesPublished());
        tickerTimes.forEach((code, times) -> assertThat(times).as(code).isSorted());
        assertThat(tickerTimes).containsOnlyKeys(CODES);
        LOG.info("{}; window {} ms with gateway g1 killed for {} ms, {} trades sent in it", dedupe.summary(),
                Duration.between(windowStart, windowEnd).toMillis(), Duration.between(killed, restarted).toMillis(),
                sent.size());
    }

    /** Starts a gateway JVM with this name; its output goes to target/gateway-NAME.log. */
    private Process gateway(String name) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "-Dgateway.name=" + name, "-Dgateway.codes=" + String.join(",", CODES),
                "-Dcamel.component.upbit.url=" + simulator.url(),
                "-Dcamel.component.upbit.rest-url=" + simulator.restUrl(),
                "-Dcamel.component.kafka.brokers=" + kafka.bootstrapServers(),
                GatewayMain.class.getName());
        builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/gateway-" + name + ".log")));
        Process process = builder.start();
        gateways.add(process);
        return process;
    }

    /** The consumer of the example, its deduplicated events collected here. */
    private AutoCloseable consumer(EventDedupe dedupe) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().addInitialProperty("consumer.group", "test-consumer");
        KafkaComponent component = new KafkaComponent();
        component.getConfiguration().setBrokers(kafka.bootstrapServers());
        context.addComponent("kafka", component);
        context.addRoutes(new ConsumerRoutes(dedupe, "direct:trades", "direct:tickers", "direct:orderbooks"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:trades").process(e -> trades.add(key(e) + "|" + id(e)));
                from("direct:tickers").process(e -> tickerTimes
                        .computeIfAbsent(key(e), k -> new CopyOnWriteArrayList<>()).add(Long.parseLong(id(e))));
                from("direct:orderbooks").log(org.apache.camel.LoggingLevel.TRACE, "orderbook");
            }
        });
        context.start();
        return context::stop;
    }

    private static String key(Exchange e) {
        return e.getMessage().getHeader(KafkaConstants.KEY, String.class);
    }

    private static String id(Exchange e) {
        return new String(e.getMessage().getHeader(GatewayRoutes.ID, byte[].class), StandardCharsets.UTF_8);
    }

    /** The simulator's connections that were sent a realtime trade since {@code since}. */
    private Set<String> connectionsWithTrades(Instant since) {
        return simulator.sentLog().items().stream()
                .filter(i -> i.type().equals("trade") && i.streamType().equals("REALTIME") && !i.sentAt().isBefore(since))
                .map(SentItem::connectionId).collect(Collectors.toSet());
    }

    /** The latest of the connections' first realtime trades. */
    private Instant firstTradeOnEach(Set<String> connections) {
        return connections.stream().map(c -> simulator.sentLog().items().stream()
                .filter(i -> i.connectionId().equals(c) && i.type().equals("trade") && i.streamType().equals("REALTIME"))
                .findFirst().orElseThrow().sentAt()).max(Instant::compareTo).orElseThrow();
    }

    /** Waits until the simulator has sent this many trades after {@code since} (each counted once, however many
     * connections it went to). */
    private void awaitTradesAfter(Instant since, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.sentLog().items().stream()
                .filter(i -> i.type().equals("trade") && i.sentAt().isAfter(since)).map(i -> i.code() + "|" + i.key())
                .distinct().count() >= count);
    }
}
