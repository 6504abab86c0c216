package io.camelupbit;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** No thread and no connection outlives the component. */
class ResourceLeakTest {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    @Test
    void stoppingTheContextLeavesNoThreadAndNoConnection() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        for (int round = 0; round < 3; round++) {
            try (DefaultCamelContext context = new DefaultCamelContext()) {
                UpbitComponent component = new UpbitComponent();
                component.setUrl(upbit.url());
                component.setShutdownQuietPeriod(0);
                context.addComponent("upbit", component);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("upbit:ticker?codes=KRW-BTC").to("mock:t");
                        from("upbit:trade?codes=KRW-BTC,KRW-ETH").to("mock:t");
                        from("upbit:orderbook?codes=KRW-ETH&depth=5").delay(5).to("mock:t");
                    }
                });
                context.start();
                MockEndpoint mock = context.getEndpoint("mock:t", MockEndpoint.class);
                await().until(() -> mock.getReceivedCounter() > 20);
            }
            await().until(() -> upbit.simulator().connections().isEmpty());
        }

        await().untilAsserted(() -> assertThat(newThreads(before)).isEmpty());
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
