package io.camelupbit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.session.UpbitSession;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of frames reaching a route whose mailbox fills: reading stops before the next frame (the mailbox never holds
 * more than mailboxSize), health turns DOWN once the pause lasts pauseThreshold, and when the route catches up every
 * frame of the burst arrives, in order. Before the fix the rest of the network read went into the mailbox, and health
 * stayed UP however long the pause.
 */
class PausedReadingRouteTest extends UpbitRouteTestSupport {

    /** A market that trades once an hour: the only realtime trades are the test's. */
    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofHours(1)));

    private static final int MAILBOX = 5;
    private static final int BURST = 200;

    private final CountDownLatch gate = new CountDownLatch(1);

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setPauseThreshold(100);
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
                from("upbit:trade?codes=KRW-XRP&mailboxSize=" + MAILBOX).routeId("slow")
                        .process(e -> assertThat(gate.await(30, TimeUnit.SECONDS)).isTrue())
                        .to("mock:slow");
            }
        };
    }

    @Test
    void aFullMailboxStopsReadingAtOnceAndHealthSaysSoAfterThePauseThreshold() {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> getMockEndpoint("mock:slow").getReceivedCounter() == 0 && simulator.connections().size() == 1
                && simulator.connections().get(0).subscribedCodes("trade").contains("KRW-XRP"));
        SimConnection connection = simulator.connections().get(0);
        UpbitConsumer consumer = (UpbitConsumer) context.getRoute("slow").getConsumer();
        await().until(() -> consumer.getRouted() == 1);

        for (int i = 1; i <= BURST; i++) {
            connection.push(Fixtures.realtimeTrade("KRW-XRP", 1_730_336_862_082L + i, sid(i)));
        }
        UpbitSession session = upbitComponent().publicSession();
        await().until(session::isReadingPaused);
        assertThat(consumer.getMailboxDepth()).isLessThanOrEqualTo(MAILBOX);
        await().untilAsserted(() -> assertThat(health("slow").getState()).isEqualTo(HealthCheck.State.DOWN));
        assertThat(health("slow").getMessage()).hasValueSatisfying(m -> assertThat(m).contains("has not read for"));
        assertThat(consumer.getMailboxDepth()).isLessThanOrEqualTo(MAILBOX);

        gate.countDown();

        await().until(() -> getMockEndpoint("mock:slow").getReceivedCounter() == 1 + BURST);
        List<Long> received = getMockEndpoint("mock:slow").getReceivedExchanges().stream().skip(1)
                .map(e -> e.getMessage().getHeader(UpbitConstants.SEQUENTIAL_ID, Long.class)).toList();
        assertThat(received).isEqualTo(LongStream.rangeClosed(1, BURST).map(PausedReadingRouteTest::sid).boxed().toList());
        await().untilAsserted(() -> assertThat(health("slow").getState()).isEqualTo(HealthCheck.State.UP));
    }

    private static long sid(long i) {
        return 90_000_000_000_000L + i;
    }
}
