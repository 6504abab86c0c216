package io.camelupbit.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.LogCapture;
import io.camelupbit.UpbitComponent;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing is left behind: 500 route start/stop cycles and 100 CamelContext start/stop cycles leave no thread and no
 * connection, and Netty's leak detector at PARANOID reports no buffer left unreleased — after first proving that it
 * reports a planted leak.
 */
class LeakTest {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    private static ResourceLeakDetector.Level previousLevel;
    private static LogCapture logs;

    @BeforeAll
    static void paranoid() {
        previousLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        logs = new LogCapture(false);
    }

    @AfterAll
    static void restore() {
        logs.close();
        ResourceLeakDetector.setLevel(previousLevel);
    }

    @Test
    void theLeakDetectorCatchesAPlantedLeak() {
        plantLeak();

        await().until(() -> {
            collectGarbageAndAllocate();
            return !leakReports().isEmpty();
        });
        logs.lines().clear();
    }

    @Test
    void routeAndContextCyclesLeaveNoThreadNoConnectionNoBuffer() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        UpbitSimulator simulator = upbit.simulator();

        try (DefaultCamelContext context = context()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit:ticker?codes=KRW-BTC").routeId("steady").to("mock:steady");
                    from("upbit:trade?codes=KRW-ETH").routeId("cycled").to("mock:cycled");
                }
            });
            context.start();
            MockEndpoint steady = context.getEndpoint("mock:steady", MockEndpoint.class);
            await().until(() -> steady.getReceivedCounter() > 5);
            for (int i = 0; i < 500; i++) {
                context.getRouteController().stopRoute("cycled");
                context.getRouteController().startRoute("cycled");
            }
            long now = steady.getReceivedCounter();
            await().until(() -> steady.getReceivedCounter() > now + 5);
            // with resubscribe=overlap a change opens a connection that takes the old one's place: once handed
            // over, one is left
            await().until(() -> simulator.connections().size() == 1);
        }
        await().until(() -> simulator.connections().isEmpty());

        for (int i = 0; i < 100; i++) {
            try (DefaultCamelContext context = context()) {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("upbit:ticker?codes=KRW-BTC").to("mock:cycle");
                    }
                });
                context.start();
                if (i % 10 == 0) {
                    MockEndpoint cycle = context.getEndpoint("mock:cycle", MockEndpoint.class);
                    await().until(() -> cycle.getReceivedCounter() > 0);
                }
            }
        }
        await().untilAsserted(() -> assertThat(simulator.connections()).extracting(c -> c.id() + " open=" + c.isOpen()
                + " silent=" + c.isSilent() + " subs=" + c.subscription()).isEmpty());
        await().untilAsserted(() -> assertThat(newThreads(before)).isEmpty());

        collectGarbageAndAllocate();
        assertThat(leakReports()).isEmpty();
    }

    private static DefaultCamelContext context() {
        DefaultCamelContext context = new DefaultCamelContext();
        UpbitComponent component = new UpbitComponent();
        component.setUrl(upbit.url());
        component.setShutdownQuietPeriod(0);
        component.setConnectionLinger(0);
        context.addComponent("upbit", component);
        return context;
    }

    private static void plantLeak() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        leaked.writeLong(42);
        // dropped without release(): exactly what the detector exists for
    }

    /** Leaks are reported when new buffers are tracked after the leaked ones were collected. */
    private static void collectGarbageAndAllocate() {
        System.gc();
        for (int i = 0; i < 100; i++) {
            PooledByteBufAllocator.DEFAULT.directBuffer(64).release();
        }
    }

    private static List<String> leakReports() {
        return logs.lines().stream().filter(line -> line.contains("LEAK:")).toList();
    }

    /** Threads started since, other than the JVM's helpers, Awaitility's poller and the simulator (still running). */
    private static Set<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .filter(name -> !name.startsWith("ForkJoinPool.commonPool") && !name.equals("Attach Listener")
                        && !name.startsWith("awaitility") && !name.startsWith(UpbitSimulator.THREAD_PREFIX))
                .collect(Collectors.toSet());
    }
}
