package io.camelupbit;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.session.SessionStats;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 1,000 routes of which one matches the live stream: each frame visits that one route only (the dispatch indexes
 * routes by type and code instead of asking every route). The 999 others hold snapshot-only subscriptions.
 */
class DispatchIndexRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < 999; i++) {
                    from("upbit:ticker?snapshotMode=snapshotOnly&codes=KRW-Q" + i).routeId("quiet" + i)
                            .to("mock:quiet");
                }
                from("upbit:ticker?snapshotMode=realtimeOnly&codes=KRW-BTC").routeId("live").to("mock:live");
            }
        };
    }

    @Test
    void eachFrameVisitsTheOneRouteThatWantsIt() {
        await().until(() -> getMockEndpoint("mock:quiet").getReceivedCounter() == 999
                && getMockEndpoint("mock:live").getReceivedCounter() > 0);
        SessionStats before = upbitComponent().publicSession().stats();
        long liveBefore = routed();

        await().until(() -> routed() >= liveBefore + 50);

        SessionStats after = upbitComponent().publicSession().stats();
        long decoded = after.eventsDecoded() - before.eventsDecoded();
        assertThat(after.routes()).isEqualTo(1000);
        assertThat(after.subscriberVisits() - before.subscriberVisits()).isEqualTo(decoded);
        assertThat(after.eventsUnrouted()).isEqualTo(before.eventsUnrouted());
        assertThat(decoded).isGreaterThanOrEqualTo(50);
    }

    private long routed() {
        return ((UpbitConsumer) context.getRoute("live").getConsumer()).stats().routed();
    }
}
