package io.camelupbit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.session.UpbitSession;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A myOrder route without codes learns its markets from the server. A server sending orders of a million markets must
 * get every event delivered and must not grow the route's per-market state past 10,000 markets (before the bound it
 * held a million).
 */
class ManyMarketsRouteTest extends UpbitRouteTestSupport {

    private static final int MARKETS = 1_000_000;
    private static final int PER_FRAME = 1_000;

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(200))
            .apiKey("many-access", "many-secret"));

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey("many-access");
        component.setSecretKey("many-secret");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:myOrder").routeId("orders").process(e -> {
                    if ("KRW-PROBE".equals(e.getMessage().getBody(MyOrderEvent.class).code())) {
                        probes.incrementAndGet();
                    } else {
                        received.incrementAndGet();
                    }
                });
            }
        };
    }

    @Test
    void aMillionMarketsAreAllDeliveredAndTheRouteRemembersAtMostTenThousand() {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> simulator.connections().stream().anyMatch(c -> "many-access".equals(c.accessKey())
                && !c.subscription().isEmpty()));
        SimConnection connection = simulator.connections().stream()
                .filter(c -> "many-access".equals(c.accessKey())).findFirst().orElseThrow();
        // the route is subscribed once its first event arrives
        await().until(() -> {
            connection.push(order("KRW-PROBE"));
            return probes.get() > 0;
        });

        for (int frame = 0; frame < MARKETS / PER_FRAME; frame++) {
            StringBuilder list = new StringBuilder(PER_FRAME * 200).append('[');
            for (int i = 0; i < PER_FRAME; i++) {
                list.append(i == 0 ? "" : ",").append(order("KRW-M" + (frame * PER_FRAME + i)));
            }
            connection.push(list.append(']').toString());
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> received.get() == MARKETS);
        UpbitSession session = upbitComponent().sessions().iterator().next();
        assertThat(session.stats().marketsTracked()).isEqualTo(10_000);
        assertThat(session.decodeErrors()).isZero();
    }

    private static String order(String market) {
        return "{\"type\":\"myOrder\",\"code\":\"" + market + "\",\"uuid\":\"u-" + market
                + "\",\"ask_bid\":\"BID\",\"order_type\":\"limit\",\"state\":\"wait\",\"price\":1,\"volume\":1,"
                + "\"timestamp\":" + System.currentTimeMillis() + ",\"stream_type\":\"REALTIME\"}";
    }
}
