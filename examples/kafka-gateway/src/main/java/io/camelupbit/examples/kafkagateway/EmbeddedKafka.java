package io.camelupbit.examples.kafkagateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * A one-node Kafka (KRaft, broker and controller in one) in this JVM, from Kafka's own test kit, for the demo and the
 * test: one partition per topic unless told, replication factor 1, no rebalance delay. It brings the broker's jars; a
 * deployment against a real cluster leaves this class and {@code kafka-test-common-runtime} out.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts a broker on a free loopback port, with a log directory of its own that it deletes on close. */
    public static EmbeddedKafka start() throws Exception {
        // the kit deletes its directories from JVM shutdown hooks, which on Ctrl+C would pull them from under the
        // running broker (a burst of errors) before the application closes it; close() deletes them instead
        Exit.setShutdownHookAdder((name, hook) -> { });
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build());
        Map.of("group.initial.rebalance.delay.ms", "0",
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "default.replication.factor", "1").forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return new EmbeddedKafka(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics, each with this many partitions. */
    public void createTopics(List<String> names, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList()).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
