package io.camelupbit.examples.kafkagateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelupbit.UpbitComponent;
import io.camelupbit.test.UpbitSimulator;

/**
 * The whole pattern in one JVM, for a first look: two gateways (each with two redundant lines) publish the same
 * markets to Kafka, and a consumer logs each event once and the {@link EventDedupe#summary()} every 5 seconds.
 * <p>
 * It starts its own Kafka broker unless {@code -Dbootstrap.servers=host:port} names one, and watches the embedded Upbit
 * simulator unless {@code -Dgateway.live=true} (the real Upbit: needs network access). Deployed, the gateways and the
 * consumer are separate processes: {@link GatewayMain}, {@link ConsumerMain}.
 */
public final class KafkaGatewayDemo {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaGatewayDemo.class);
    private static final String CODES = "KRW-BTC,KRW-ETH,KRW-XRP";

    private KafkaGatewayDemo() {
    }

    public static void main(String[] args) throws Exception {
        List<AutoCloseable> open = new ArrayList<>();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // Ctrl+C: the JVM waits for its hooks, not for main, so this one waits until main has closed everything
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            String brokers = System.getProperty("bootstrap.servers");
            if (brokers == null) {
                EmbeddedKafka kafka = EmbeddedKafka.start();
                open.add(kafka);
                kafka.createTopics(List.of(GatewayRoutes.TRADES, GatewayRoutes.TICKERS, GatewayRoutes.ORDERBOOKS), 3);
                brokers = kafka.bootstrapServers();
                LOG.info("Started an embedded Kafka broker at {}", brokers);
            }
            UpbitSimulator simulator = null;
            if (!Boolean.getBoolean("gateway.live")) {
                simulator = UpbitSimulator.builder().seed(7).build().start();
                open.add(simulator::close);
            }
            for (String gateway : List.of("gateway-1", "gateway-2")) {
                open.add(start(context(brokers, simulator, gateway), new GatewayRoutes()));
            }
            EventDedupe dedupe = new EventDedupe();
            open.add(start(context(brokers, null, "consumer"), new ConsumerRoutes(dedupe,
                    "log:upbit.trade?groupInterval=5000", "log:upbit.ticker?groupInterval=5000",
                    "log:upbit.orderbook?groupInterval=5000"), new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("timer:summary?period=5000").routeId("summary").process(e -> LOG.info(dedupe.summary()));
                        }
                    }));
            LOG.info("Two gateways publish {} to Kafka; Ctrl+C stops", CODES);
            stop.await();
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
            LOG.info("Stopped");
            closed.countDown();
        }
    }

    private static CamelContext context(String brokers, UpbitSimulator simulator, String name) {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        Properties properties = new Properties();
        properties.setProperty("gateway.name", name);
        properties.setProperty("gateway.codes", CODES);
        properties.setProperty("gateway.routes-per-type", "3");
        properties.setProperty("consumer.group", "upbit-demo");
        context.getPropertiesComponent().setInitialProperties(properties);
        KafkaComponent kafka = new KafkaComponent();
        kafka.getConfiguration().setBrokers(brokers);
        context.addComponent("kafka", kafka);
        UpbitComponent upbit = new UpbitComponent();
        upbit.setRedundancy(2);
        if (simulator != null) {
            upbit.setUrl(simulator.url());
            upbit.setRestUrl(simulator.restUrl());
        }
        context.addComponent("upbit", upbit);
        return context;
    }

    private static AutoCloseable start(CamelContext context, RoutesBuilder... routes) throws Exception {
        for (RoutesBuilder r : routes) {
            context.addRoutes(r);
        }
        context.start();
        return context::stop;
    }
}
