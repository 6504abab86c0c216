package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ShutdownTest {

    @Test
    void closeEndsConnectionsAndLeavesNoSimulatorThread() {
        UpbitSimulator sim = UpbitSimulator.builder().speed(10).build().start();
        WsClient client = WsClient.connect(sim.url());
        client.send(SimTestSupport.SUBSCRIBE_BTC_ETH);
        client.next(3);
        assertThat(simulatorThreads()).isNotEmpty();

        sim.close();

        assertThat(client.awaitClose()).isEqualTo(1001);
        assertThat(sim.connections()).isEmpty();
        await().until(() -> simulatorThreads().isEmpty());
        sim.close(); // idempotent
        client.close();
    }

    private static List<String> simulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(UpbitSimulator.THREAD_PREFIX))
                .toList();
    }
}
