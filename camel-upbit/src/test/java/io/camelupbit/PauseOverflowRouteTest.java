package io.camelupbit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.TradeEvent;
import io.camelupbit.session.DeliveryStats;
import io.camelupbit.session.UpbitSession;
import io.camelupbit.test.Trade;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** overflow=pause: a full mailbox stops reading the socket; when the route catches up, not one trade is missing. */
class PauseOverflowRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(10)));

    private final CountDownLatch gate = new CountDownLatch(1);

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @AfterEach
    void openTheGate() {
        gate.countDown();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:trade?codes=KRW-XRP&mailboxSize=5").routeId("paused")
                        .process(e -> assertThat(gate.await(30, TimeUnit.SECONDS)).isTrue())
                        .to("mock:paused");
            }
        };
    }

    @Test
    void aFullMailboxPausesReadingAndNothingIsLost() throws Exception {
        await().until(() -> upbitComponent().publicSession() != null
                && upbitComponent().publicSession().isReadingPaused());
        UpbitSession session = upbitComponent().publicSession();
        await().until(() -> session.pausedMillis() > 0);

        gate.countDown();

        await().until(() -> !session.isReadingPaused() && getMockEndpoint("mock:paused").getReceivedCounter() > 50);
        List<Long> received = getMockEndpoint("mock:paused").getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(TradeEvent.class).sequentialId()).toList();
        List<Long> sent = upbit.simulator().market().tradesAfter("KRW-XRP", -1).stream()
                .map(Trade::sequentialId).toList();
        int first = sent.indexOf(received.get(0));
        assertThat(first).as("the first trade received was sent").isNotNegative();
        assertThat(received).as("every trade from the first one on, none missing, none twice")
                .isEqualTo(sent.subList(first, first + received.size()));
        DeliveryStats stats = ((UpbitConsumer) context.getRoute("paused").getConsumer()).stats();
        assertThat(stats.dropped()).isZero();
        assertThat(stats.conflated()).isZero();
    }
}
