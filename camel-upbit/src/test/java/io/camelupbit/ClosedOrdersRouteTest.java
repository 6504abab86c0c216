package io.camelupbit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.test.Side;
import io.camelupbit.test.SimAccount;
import io.camelupbit.test.UpbitSimulatorExtension;
import io.camelupbit.trading.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upbit pages closed orders by time only, 1,000 at most per request: 1,500 orders closed a second apart come back
 * whole, newest first, each once, over two requests, the second ending at the oldest order of the first.
 */
class ClosedOrdersRouteTest extends UpbitRouteTestSupport {

    private static final String ACCESS_KEY = "closed-access";
    private static final String SECRET_KEY = "closed-secret-0123456789";
    /** The simulator's wall clock, moved by the test: orders are stamped with it. */
    private static final AtomicLong NOW = new AtomicLong(Instant.parse("2026-12-01T00:00:00Z").toEpochMilli());

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.apiKey(ACCESS_KEY, SECRET_KEY)
            .clock(new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return Instant.ofEpochMilli(NOW.get());
                }
            }));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey(ACCESS_KEY);
        component.setSecretKey(SECRET_KEY);
        component.setRestUrl(upbit.restUrl());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:closed").to("upbit:closedOrders?codes=KRW-BTC");
            }
        };
    }

    @Test
    void everyClosedOrderOverPagesNewestFirstEachOnce() {
        SimAccount account = upbit.simulator().account(ACCESS_KEY);
        account.deposit("KRW", new BigDecimal("100000000000"));
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            String uuid = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("10000"), BigDecimal.ONE, null);
            account.cancel(uuid);
            placed.add(uuid);
            NOW.addAndGet(1000);
        }

        @SuppressWarnings("unchecked")
        List<Order> closed = template.requestBody("direct:closed", null, List.class);

        List<String> newestFirst = new ArrayList<>(placed);
        Collections.reverse(newestFirst);
        assertThat(closed).extracting(Order::uuid).containsExactlyElementsOf(newestFirst);
        assertThat(upbit.simulator().restCalls()).filteredOn(c -> c.path().equals("/v1/orders/closed")).hasSize(2)
                .last().satisfies(c -> assertThat(c.query()).contains("end_time="));
    }
}
