package io.camelupbit.reliability;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelupbit.UpbitComponent;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Soak: a fast market, periodic faults and route churn for {@code -Dsoak.minutes} minutes (not part of the test
 * command; run it with {@code ./mvnw -B -pl camel-upbit -am verify -Dtest=SoakTest -Dsoak.minutes=30
 * -Dsurefire.failIfNoSpecifiedTests=false}). Samples the heap after a full GC, the live threads and the open file
 * descriptors every ten seconds; fails when the last quarter's heap exceeds the first quarter's by more than 10 %, or
 * when threads or descriptors end above where they started.
 */
@EnabledIfSystemProperty(named = "soak.minutes", matches = "\\d+")
class SoakTest {

    private static final Logger LOG = LoggerFactory.getLogger(SoakTest.class);
    private static final String[] MARKETS = { "KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE" };

    @Test
    void memoryThreadsAndDescriptorsStayFlat() throws Exception {
        long minutes = Long.getLong("soak.minutes");
        Random random = new Random(7);
        List<long[]> samples = new ArrayList<>();
        AtomicLong events = new AtomicLong();
        try (UpbitSimulator simulator = UpbitSimulator.builder().seed(7).tickInterval(Duration.ofMillis(2))
                .connectLimitPerSecond(50).build().start();
             DefaultCamelContext context = new DefaultCamelContext()) {
            UpbitComponent component = new UpbitComponent();
            component.setUrl(simulator.url());
            component.setShutdownQuietPeriod(0);
            component.setBaseDelay(50);
            component.setMaxDelay(500);
            context.addComponent("upbit", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (String market : MARKETS) {
                        from("upbit:ticker?codes=" + market).process(e -> events.incrementAndGet());
                        from("upbit:trade?codes=" + market).process(e -> events.incrementAndGet());
                        from("upbit:orderbook?depth=15&codes=" + market).process(e -> events.incrementAndGet());
                    }
                }
            });
            context.start();
            await().until(() -> events.get() > 1000);

            long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
            int churn = 0;
            while (System.nanoTime() < end) {
                long tick = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                // a fault, then route churn, then let it run until the next sample
                if (!simulator.connections().isEmpty()) {
                    SimConnection connection = simulator.connections().get(0);
                    if (random.nextBoolean()) {
                        connection.dropAbruptly();
                    } else {
                        connection.push("{\"type\":\"ticker\",\"code\":");
                    }
                }
                String id = "churn" + churn++;
                String market = MARKETS[random.nextInt(MARKETS.length)];
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("upbit:candle.1s?codes=" + market).routeId(id).process(e -> events.incrementAndGet());
                    }
                });
                context.getRouteController().stopRoute(id);
                context.removeRoute(id);
                await().atMost(Duration.ofSeconds(30)).until(() -> System.nanoTime() >= tick);
                samples.add(new long[] { heapAfterGc(), threadsBesidesDelivery(), openFileDescriptors(),
                        deliveryThreads() });
            }
            long firstQuarter = average(samples.subList(0, Math.max(1, samples.size() / 4)));
            long lastQuarter = average(samples.subList(samples.size() - Math.max(1, samples.size() / 4), samples.size()));
            // where it started: the first sample, taken under load (pools warm), not the idle moment before
            long[] first = samples.get(0);
            long[] last = samples.get(samples.size() - 1);
            // the delivery pool follows the load (a thread per route busy at once, idle ones leave after a minute, and
            // a hand-off that races a finishing thread starts another): its start level is its peak in the first quarter
            long deliveryAtStart = samples.subList(0, Math.max(1, samples.size() / 4)).stream()
                    .mapToLong(sample -> sample[3]).max().orElse(0);
            LOG.info("soak summary: {} min, {} events, {} connections, heap first quarter {} KiB, last quarter {} KiB, "
                    + "threads {} -> {}, delivery threads {} -> {}, descriptors {} -> {}", minutes, events.get(),
                    simulator.acceptedConnections(), firstQuarter / 1024, lastQuarter / 1024, first[1], last[1],
                    deliveryAtStart, last[3], first[2], last[2]);
            LOG.info("soak threads at the end: {}", threadNames());
            assertThat(lastQuarter).as("heap, last quarter vs first").isLessThanOrEqualTo(firstQuarter * 11 / 10);
            assertThat(last[1]).as("threads besides the delivery pool").isLessThanOrEqualTo(first[1]);
            assertThat(last[3]).as("delivery threads").isLessThanOrEqualTo(deliveryAtStart);
            assertThat(last[2]).as("file descriptors").isLessThanOrEqualTo(first[2]);
        }
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Live threads by name with the numbers taken out, e.g. {Camel (camel-1) thread # - UpbitDelivery=12}. */
    private static java.util.Map<String, Long> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().collect(java.util.stream.Collectors.groupingBy(
                t -> t.getName().replaceAll("\\d+", "#"), java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }

    /** Live threads other than the delivery pool's (checked separately: its size follows the load). */
    private static long threadsBesidesDelivery() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.getName().contains("UpbitDelivery")).count();
    }

    private static long deliveryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains("UpbitDelivery")).count();
    }

    private static int openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    private static long average(List<long[]> samples) {
        return (long) samples.stream().mapToLong(s -> s[0]).average().orElse(0);
    }
}
