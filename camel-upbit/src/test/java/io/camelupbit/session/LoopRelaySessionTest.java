package io.camelupbit.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import io.camelupbit.event.TradeEvent;
import io.camelupbit.test.SentItem;
import io.camelupbit.test.UpbitSimulatorExtension;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session whose line reads on a loop of its own ({@link LoopRelay}): while the session's loop is busy, the line stops
 * reading after a bounded number of reads instead of queueing them without limit (the rest wait in the socket), then
 * reads on once the loop is free; the route gets every trade the simulator sent, once, in order. A route that wants the
 * JSON text and joins while reads decoded without it wait for the session's loop gets none of those reads' events, and
 * every other event with its JSON.
 */
class LoopRelaySessionTest extends SessionTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(2)));

    @Test
    void aLineOnItsOwnLoopStopsReadingWhileTheSessionsLoopIsBusyAndLosesNothing() {
        Iterator<EventExecutor> loops = group.iterator();
        EventLoop sessionLoop = (EventLoop) loops.next();
        EventLoop lineLoop = (EventLoop) loops.next();
        session = session(upbit.url(), sessionLoop, lineLoop);
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        Delivery delivery = tradeDelivery(false, got, event -> { });
        session.register(delivery, false);
        await().until(() -> got.size() > 20);

        CountDownLatch busy = new CountDownLatch(1);
        sessionLoop.execute(() -> awaitQuietly(busy));
        // the line read on, handed its reads over, and stopped reading when too many waited
        await().until(session::isReadingPaused);
        assertThat(session.connection().tracker().readThread()).isNotNull();
        int before = got.size();
        busy.countDown();
        await().until(() -> !session.isReadingPaused() && got.size() > before + 200);
        session.unregister(delivery).syncUninterruptibly();

        assertEverySentFromTheFirst(got);
    }

    @Test
    void aRouteThatWantsJsonAndJoinsWhileReadsWaitGetsEveryEventWithItsJson() {
        Iterator<EventExecutor> loops = group.iterator();
        EventLoop sessionLoop = (EventLoop) loops.next();
        EventLoop lineLoop = (EventLoop) loops.next();
        session = session(upbit.url(), sessionLoop, lineLoop);
        List<String> plain = Collections.synchronizedList(new ArrayList<>());
        Delivery first = tradeDelivery(false, plain, event -> { });
        session.register(first, false);
        await().until(() -> plain.size() > 20);

        CountDownLatch busy = new CountDownLatch(1);
        sessionLoop.execute(() -> awaitQuietly(busy));
        // the registration waits behind the busy task, while the line decodes reads no route wants the JSON of
        List<String> withJson = Collections.synchronizedList(new ArrayList<>());
        List<ReceivedEvent> withoutJson = Collections.synchronizedList(new ArrayList<>());
        Delivery second = tradeDelivery(true, withJson, event -> {
            if (event.json() == null
                    || !event.json().contains(":" + ((TradeEvent) event.event()).sequentialId())) {
                withoutJson.add(event);
            }
        });
        session.register(second, false);
        await().until(session::isReadingPaused);
        busy.countDown();
        await().until(() -> withJson.size() > 200);
        session.unregister(second).syncUninterruptibly();
        session.unregister(first).syncUninterruptibly();

        assertThat(withoutJson).as("events without their JSON").isEmpty();
        assertEverySentFromTheFirst(plain);
        assertEverySentFromTheFirst(withJson);
    }

    /** A route over KRW-BTC's realtime trades that records their numbers, and hands each event to {@code check}. */
    private Delivery tradeDelivery(boolean wantsJson, List<String> got, Consumer<ReceivedEvent> check) {
        return new Delivery(new SubscriptionSpec("trade", new TreeSet<>(List.of("KRW-BTC")),
                SnapshotMode.REALTIME_ONLY, 0, null), new DeliveryPolicy(false, false, 1 << 20), wantsJson, false,
                workers, new Delivery.Sink() {
                    @Override
                    public void process(ReceivedEvent event, long droppedBefore, Delivery.Completion completion) {
                        check.accept(event);
                        got.add(Long.toString(((TradeEvent) event.event()).sequentialId()));
                        completion.completed(false);
                    }

                    @Override
                    public void onError(Throwable cause) {
                    }

                    @Override
                    public void onFailure(ReceivedEvent event, Throwable cause) {
                    }
                });
    }

    /** The route got every trade the simulator sent from the first it got on, once each, in order. */
    private static void assertEverySentFromTheFirst(List<String> got) {
        List<String> sent = upbit.simulator().sentLog().items("trade", "KRW-BTC").stream().map(SentItem::key)
                .toList();
        List<String> received = List.copyOf(got);
        int first = sent.indexOf(received.get(0));
        assertThat(first).as("the first trade received was sent").isNotNegative();
        assertThat(received).as("every trade sent from the first received on, once, in order")
                .isEqualTo(sent.subList(first, Math.min(sent.size(), first + received.size())));
    }
}
