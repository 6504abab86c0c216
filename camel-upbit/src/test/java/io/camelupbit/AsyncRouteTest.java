package io.camelupbit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.TradeEvent;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Routes whose processing completes on another thread (Camel's {@code threads} EIP) still get their events one at a
 * time, in order, and the component counts every one: the drain must tell a completion that arrives later from one
 * that arrived before {@code process} returned.
 */
class AsyncRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.seed(5).tickInterval(Duration.ofMillis(2)));

    private final List<Long> sequence = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private volatile boolean inProcess;
    private volatile boolean overlapped;

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:trade?codes=KRW-BTC").routeId("async")
                        .threads(4)
                        .process(e -> {
                            if (inProcess) {
                                overlapped = true;
                            }
                            inProcess = true;
                            threads.add(Thread.currentThread().getName());
                            sequence.add(e.getMessage().getBody(TradeEvent.class).sequentialId());
                            inProcess = false;
                        });
            }
        };
    }

    @Test
    void anAsynchronousRouteGetsEveryEventInOrderOneAtATime() {
        await().until(() -> sequence.size() >= 300);

        assertThat(overlapped).isFalse();
        assertThat(threads).allSatisfy(name -> assertThat(name).contains("Threads"));
        assertThat(sequence).doesNotHaveDuplicates().isSorted();
        UpbitConsumer consumer = (UpbitConsumer) context.getRoute("async").getConsumer();
        await().untilAsserted(() -> assertThat(consumer.stats().delivered()).isGreaterThanOrEqualTo(300));
    }
}
