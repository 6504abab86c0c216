package io.camelupbit.examples.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The delivery routes on a plain CamelContext: Camel's circuitBreaker EIP from camel-resilience4j 4.18.0 on the 4.22
 * runtime. A working gateway gets every signal; a failing one gets exactly the breaker's minimum number of calls, after
 * which the open breaker sends every signal to the fallback without calling it.
 */
class SignalDeliveryRoutesTest {

    private static final SignalsProperties.Breaker BREAKER =
            new SignalsProperties.Breaker(50, 4, 4, Duration.ofMinutes(10));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SignalDeliveries deliveries = new SignalDeliveries(meters);
    private final AtomicInteger calls = new AtomicInteger();
    private CamelContext camel;

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void aWorkingGatewayGetsEverySignal() throws Exception {
        start(signal -> calls.incrementAndGet());

        List<Signal> sent = send(3);

        assertThat(calls).hasValue(3);
        assertThat(deliveries.delivered()).containsExactlyElementsOf(sent);
        assertThat(deliveries.rejected()).isEmpty();
        assertThat(meters.get("signals.delivered").tag("side", "BUY").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("signals.delivered").tag("side", "SELL").counter().count()).isEqualTo(1.0);
    }

    @Test
    void afterTheMinimumFailedCallsTheOpenBreakerStopsCallingTheGateway() throws Exception {
        start(signal -> {
            calls.incrementAndGet();
            throw new IllegalStateException("exchange unavailable");
        });

        List<Signal> sent = send(10);

        assertThat(calls).hasValue(4);
        assertThat(deliveries.delivered()).isEmpty();
        List<SignalDeliveries.Rejection> rejected = deliveries.rejected();
        assertThat(rejected).extracting(SignalDeliveries.Rejection::signal).containsExactlyElementsOf(sent);
        assertThat(rejected.subList(0, 4)).allSatisfy(rejection -> {
            assertThat(rejection.breakerOpen()).isFalse();
            assertThat(rejection.reason()).isEqualTo("exchange unavailable");
        });
        assertThat(rejected.subList(4, 10)).allSatisfy(rejection -> {
            assertThat(rejection.breakerOpen()).isTrue();
            assertThat(rejection.reason()).isEqualTo(SignalDeliveries.Rejection.BREAKER_OPEN);
        });
        assertThat(meters.get("signals.rejected").tag("side", "BUY").counter().count()
                + meters.get("signals.rejected").tag("side", "SELL").counter().count()).isEqualTo(10.0);
    }

    private void start(OrderGateway gateway) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new SignalDeliveryRoutes(BREAKER, gateway, deliveries));
        camel.start();
    }

    /** Sends this many signals, BUY and SELL in turn, and returns them. */
    private List<Signal> send(int count) {
        ProducerTemplate template = camel.createProducerTemplate();
        List<Signal> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Signal signal = new Signal("KRW-BTC", i % 2 == 0 ? Signal.Side.BUY : Signal.Side.SELL,
                    Instant.parse("2026-01-05T00:00:00Z").plusSeconds(60L * i), BigDecimal.valueOf(100_000_000 + i),
                    BigDecimal.ONE, BigDecimal.ONE);
            template.sendBody(SignalDeliveryRoutes.SIGNALS, signal);
            sent.add(signal);
        }
        return sent;
    }
}
