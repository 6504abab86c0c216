package io.camelupbit.examples.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelupbit.UpbitConstants;
import io.camelupbit.event.AskBid;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.StreamType;
import io.camelupbit.trading.OrderRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The delivery routes on a plain CamelContext, with mock endpoints where the upbit ones would be: Camel's
 * circuitBreaker EIP from camel-resilience4j 4.18.0 on the 4.22 runtime. A working order endpoint gets every signal's
 * order; a failing one gets exactly the breaker's minimum number of calls, after which the open breaker sends every
 * signal to the fallback without calling it; the app's orders still open are cancelled before the next one goes.
 */
class SignalDeliveryRoutesTest {

    private static final SignalsProperties.Breaker BREAKER =
            new SignalsProperties.Breaker(50, 4, 4, Duration.ofMinutes(10));
    private static final BigDecimal VOLUME = new BigDecimal("0.001");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SignalDeliveries deliveries = new SignalDeliveries(meters);
    private final AccountActivity account = new AccountActivity();
    private CamelContext camel;

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void aWorkingOrderEndpointGetsEverySignalsOrder() throws Exception {
        MockEndpoint place = start(new OrderTarget("mock:place", null, "test"));

        List<Signal> sent = send(3);

        assertThat(place.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(OrderRequest.class))
                .containsExactlyElementsOf(sent.stream().map(s -> s.toOrder(VOLUME)).toList());
        assertThat(place.getReceivedExchanges().get(0).getMessage().getBody(OrderRequest.class)).satisfies(order -> {
            assertThat(order.identifier()).isEqualTo(sent.get(0).id()).startsWith(Signal.ID_PREFIX);
            assertThat(order.side()).isEqualTo(AskBid.BID);
            assertThat(order.orderType()).isEqualTo(OrderType.LIMIT);
            assertThat(order.price()).isEqualByComparingTo(sent.get(0).close());
            assertThat(order.volume()).isEqualByComparingTo(VOLUME);
        });
        assertThat(deliveries.delivered()).containsExactlyElementsOf(sent);
        assertThat(deliveries.rejected()).isEmpty();
        assertThat(meters.get("signals.delivered").tag("side", "BUY").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("signals.delivered").tag("side", "SELL").counter().count()).isEqualTo(1.0);
    }

    @Test
    void afterTheMinimumFailedCallsTheOpenBreakerStopsCallingTheOrderEndpoint() throws Exception {
        MockEndpoint place = start(new OrderTarget("mock:place", null, "test"));
        place.whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("exchange unavailable");
        });

        List<Signal> sent = send(10);

        assertThat(place.getReceivedCounter()).isEqualTo(4);
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

    @Test
    void theAppsOrdersStillOpenAreCancelledBeforeTheNextOneGoes() throws Exception {
        MockEndpoint place = start(new OrderTarget("mock:place", "mock:cancel", "test"));
        MockEndpoint cancel = camel.getEndpoint("mock:cancel", MockEndpoint.class);
        account.onOrder(order("o-open", "signal-KRW-BTC-BUY-1", OrderState.WAIT), null);
        account.onOrder(order("o-filled", "signal-KRW-BTC-SELL-2", OrderState.DONE), null);
        account.onOrder(order("o-mine", "placed-by-hand", OrderState.WAIT), null);

        send(1);

        assertThat(cancel.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(UpbitConstants.ORDER_UUID))
                .containsExactly("o-open");
        assertThat(place.getReceivedCounter()).isEqualTo(1);
        assertThat(deliveries.delivered()).hasSize(1);
    }

    private MockEndpoint start(OrderTarget target) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new SignalDeliveryRoutes(BREAKER, target, VOLUME, account, deliveries));
        camel.start();
        return camel.getEndpoint("mock:place", MockEndpoint.class);
    }

    private static MyOrderEvent order(String uuid, String identifier, OrderState state) {
        return new MyOrderEvent("KRW-BTC", uuid, AskBid.BID, OrderType.LIMIT, state, null, BigDecimal.ONE, null,
                BigDecimal.ONE, null, BigDecimal.ZERO, 0, null, null, null, null, null, null, null, null, identifier,
                null, null, null, null, null, 0, StreamType.REALTIME);
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
