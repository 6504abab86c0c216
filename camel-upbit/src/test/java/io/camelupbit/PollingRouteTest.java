package io.camelupbit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.error.UpbitPollTimeoutException;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.test.MutableClock;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Polling a stream endpoint ({@code ConsumerTemplate}, {@code pollEnrich}) answers the newest event, against a
 * simulator whose clock stands still until the test moves it: nothing trades in between, so "the newest" is exact.
 */
class PollingRouteTest extends UpbitRouteTestSupport {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-06T00:00:00Z"));

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.clock(CLOCK)
            .markets("KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL"));

    private final List<Long> streamed = new CopyOnWriteArrayList<>();

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey("poll-access");
        component.setSecretKey("poll-secret");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-BTC").routeId("stream")
                        .process(e -> streamed.add(e.getMessage().getBody(TickerEvent.class).timestamp()));
                from("direct:price").pollEnrich("upbit:ticker?codes=KRW-SOL", 5000);
                from("direct:now").to("upbit:ticker?codes=krw-eth");
                from("direct:never").to("upbit:trade?codes=KRW-DOGE&pollTimeout=0");
            }
        };
    }

    @Test
    void aPollAnswersTheSimulatorsNewestTickerAndNeverGoesBack() {
        ConsumerTemplate polls = context.createConsumerTemplate();
        TickerEvent first = polls.receiveBody("upbit:ticker?codes=KRW-ETH", 5000, TickerEvent.class);
        assertThat(first.timestamp()).isEqualTo(newestSent("ticker", "KRW-ETH"));

        long previous = first.timestamp();
        for (int step = 0; step < 10; step++) {
            CLOCK.advance(Duration.ofSeconds(1));
            // the simulator trades the second that passed; the poll catches up with what it sent, never backwards
            long sent = awaitNewerSent("ticker", "KRW-ETH", previous);
            await().untilAsserted(() -> assertThat(polls.receiveBody("upbit:ticker?codes=KRW-ETH", 1000,
                    TickerEvent.class).timestamp()).isEqualTo(sent));
            assertThat(sent).isGreaterThan(previous);
            previous = sent;
        }
    }

    @Test
    void aStreamingRouteOnTheSameCodeGetsEverythingWhileAHundredPollsRun() {
        ConsumerTemplate polls = context.createConsumerTemplate();
        long last = polls.receiveBody("upbit:ticker?codes=KRW-BTC", 5000, TickerEvent.class).timestamp();
        for (int step = 0; step < 10; step++) {
            CLOCK.advance(Duration.ofSeconds(1));
            awaitNewerSent("ticker", "KRW-BTC", last);
            for (int i = 0; i < 10; i++) {
                long polled = polls.receiveBody("upbit:ticker?codes=KRW-BTC", 5000, TickerEvent.class).timestamp();
                assertThat(polled).isGreaterThanOrEqualTo(last);
                last = polled;
            }
        }
        List<Long> realtime = upbit.simulator().sentLog().items("ticker", "KRW-BTC").stream()
                .filter(i -> i.streamType().equals("REALTIME")).map(i -> Long.parseLong(i.key())).toList();
        assertThat(realtime).isNotEmpty();
        await().untilAsserted(() -> assertThat(streamed).containsAll(realtime));
        UpbitConsumer stream = (UpbitConsumer) context.getRoute("stream").getConsumer();
        assertThat(stream.getPausedMillis()).isZero();
    }

    @Test
    void severalCodesAnswerAListInTheCodesOrderAndPollEnrichTakesTheNewest() {
        List<?> both = context.createConsumerTemplate().receiveBody("upbit:orderbook?codes=KRW-XRP,KRW-BTC", 5000,
                List.class);
        assertThat(both).extracting(b -> ((OrderbookEvent) b).code()).containsExactly("KRW-XRP", "KRW-BTC");

        TickerEvent sol = template.requestBody("direct:price", null, TickerEvent.class);
        assertThat(sol.code()).isEqualTo("KRW-SOL");
        assertThat(sol.timestamp()).isEqualTo(newestSent("ticker", "KRW-SOL"));
    }

    @Test
    void aProducerOnAStreamSetsTheNewestEventAndKeepsTheMessagesHeaders() {
        Exchange answered = template.request("direct:now", e -> e.getMessage().setHeader("asked-by", "test"));
        TickerEvent eth = answered.getMessage().getBody(TickerEvent.class);
        assertThat(eth.code()).isEqualTo("KRW-ETH");
        assertThat(eth.timestamp()).isEqualTo(newestSent("ticker", "KRW-ETH"));
        assertThat(answered.getMessage().getHeaders()).containsEntry("asked-by", "test")
                .containsEntry(UpbitConstants.CODE, "KRW-ETH");
    }

    @Test
    void aProducerThatGetsNoEventInItsPollTimeoutFailsTheExchangeSayingSo() {
        Exchange failed = template.request("direct:never", e -> { });
        assertThat(failed.getException()).isInstanceOf(UpbitPollTimeoutException.class)
                .hasMessageContaining("no upbit:trade event of KRW-DOGE within pollTimeout");
    }

    @Test
    void receiveNoWaitBeforeAnyDataAnswersNothingThenTheSnapshotComes() {
        ConsumerTemplate polls = context.createConsumerTemplate();
        assertThat(polls.receiveNoWait("upbit:trade?codes=KRW-XRP")).isNull();
        Exchange lastTrade = polls.receive("upbit:trade?codes=KRW-XRP");
        assertThat(lastTrade).isNotNull();
        assertThat(lastTrade.getMessage().getHeader(UpbitConstants.CODE)).isEqualTo("KRW-XRP");
    }

    @Test
    void anEndpointPolledNoMoreUnsubscribesAfterPollIdleTimeout() {
        String uri = "upbit:ticker?codes=KRW-XRP&pollIdleTimeout=300";
        assertThat(context.createConsumerTemplate().receive(uri, 5000)).isNotNull();
        assertThat(subscribed("KRW-XRP")).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> !subscribed("KRW-XRP"));
        // the streaming route's code stays
        assertThat(subscribed("KRW-BTC")).isTrue();
        // a later poll subscribes again
        assertThat(context.createConsumerTemplate().receive(uri, 5000)).isNotNull();
    }

    @Test
    void privateTypesAndOperationsRefuseToBePolledSayingWhy() {
        ConsumerTemplate polls = context.createConsumerTemplate();
        assertThatThrownBy(() -> polls.receive("upbit:myOrder", 100))
                .hasMessageContaining("upbit:myOrder cannot be polled")
                .hasMessageContaining("cannot promise every one; use it in from(...)")
                .hasMessageContaining("ticker, trade (the last trade), orderbook and candle.*");
        assertThatThrownBy(() -> polls.receive("upbit:markets", 100))
                .hasMessageContaining("upbit:markets cannot be polled")
                .hasMessageContaining("is a REST operation");
        assertThatThrownBy(() -> polls.receive("upbit:ticker?codes=KRW-BTC&pollIdleTimeout=0", 100))
                .hasMessageContaining("pollIdleTimeout must be positive");
    }

    /** The timestamp of the newest item of this type and code that the simulator sent to any connection. */
    private static long newestSent(String type, String code) {
        return Long.parseLong(upbit.simulator().sentLog().newest(type, code).orElseThrow().key());
    }

    private static long awaitNewerSent(String type, String code, long than) {
        AtomicReference<Long> newest = new AtomicReference<>();
        await().until(() -> {
            newest.set(newestSent(type, code));
            return newest.get() > than;
        });
        return newest.get();
    }

    private static boolean subscribed(String code) {
        return upbit.simulator().connections().stream().map(c -> c.subscribedCodes("ticker"))
                .anyMatch(codes -> codes.contains(code));
    }
}
