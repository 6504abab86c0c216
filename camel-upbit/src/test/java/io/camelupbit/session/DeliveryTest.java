package io.camelupbit.session;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executor;

import io.camelupbit.LogCapture;
import io.camelupbit.event.AskBid;
import io.camelupbit.event.Asset;
import io.camelupbit.event.CandleEvent;
import io.camelupbit.event.CandleUnit;
import io.camelupbit.event.Change;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TradeEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The mailbox disciplines and the accounting, with a hand-cranked executor: no threads, no timing. */
class DeliveryTest {

    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final Executor executor = tasks::add;
    private final List<ReceivedEvent> delivered = new ArrayList<>();
    private final List<Long> droppedHeaders = new ArrayList<>();
    private final List<String> readControl = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private Runnable pendingCompletion;
    private boolean async;
    /** Events with this id make the route throw this, outside any completion. */
    private long poisonId = -1;
    private Throwable poison;

    private final Delivery.Sink sink = new Delivery.Sink() {
        @Override
        public void process(ReceivedEvent event, long droppedBefore, Delivery.Completion completion) {
            if (event.event() instanceof TradeEvent trade && trade.sequentialId() == poisonId) {
                sneakyThrow(poison);
            }
            delivered.add(event);
            droppedHeaders.add(droppedBefore);
            if (async) {
                pendingCompletion = () -> completion.completed(false);
            } else {
                completion.completed(false);
            }
        }

        @Override
        public void onError(Throwable cause) {
        }

        @Override
        public void onFailure(ReceivedEvent event, Throwable cause) {
            failures.add(((TradeEvent) event.event()).sequentialId() + ": " + cause);
        }
    };

    @Test
    void queueKeepsEveryEventInOrderAndBalances() {
        Delivery delivery = delivery(new DeliveryPolicy(false, false, 100), false);
        for (int i = 0; i < 10; i++) {
            delivery.onEvent(trade("KRW-BTC", i));
            assertThat(delivery.stats().balanced()).isTrue();
        }
        runAll();

        assertThat(delivered).extracting(e -> ((TradeEvent) e.event()).sequentialId())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(delivery.stats()).isEqualTo(new DeliveryStats(10, 0, 0, 0, 10, 0, 0, 0));
    }

    @Test
    void latestKeepsOnlyTheNewestPerMarket() {
        Delivery delivery = delivery(new DeliveryPolicy(true, false, 100), false);
        delivery.onEvent(trade("KRW-BTC", 1));
        delivery.onEvent(trade("KRW-ETH", 2));
        delivery.onEvent(trade("KRW-BTC", 3));
        delivery.onEvent(trade("KRW-BTC", 4));

        runAll();

        assertThat(delivered).extracting(e -> ((TradeEvent) e.event()).sequentialId()).containsExactly(4L, 2L);
        assertThat(delivery.stats()).isEqualTo(new DeliveryStats(4, 0, 2, 0, 2, 0, 0, 0));
    }

    @Test
    void dropOldestCountsDropsAndTellsTheNextDeliveredEvent() {
        Delivery delivery = delivery(new DeliveryPolicy(false, true, 3), false);
        for (int i = 0; i < 7; i++) {
            delivery.onEvent(trade("KRW-BTC", i));
        }

        runAll();

        assertThat(delivered).extracting(e -> ((TradeEvent) e.event()).sequentialId()).containsExactly(4L, 5L, 6L);
        assertThat(droppedHeaders).containsExactly(4L, 0L, 0L);
        assertThat(delivery.stats()).isEqualTo(new DeliveryStats(7, 0, 0, 4, 3, 0, 0, 0));
        assertThat(readControl).isEmpty();
    }

    @Test
    void pauseAtCapacityAndResumeAtHalfLosesNothing() {
        Delivery delivery = delivery(new DeliveryPolicy(false, false, 4), false);
        for (int i = 0; i < 6; i++) {
            delivery.onEvent(trade("KRW-BTC", i));
        }
        assertThat(readControl).containsExactly("pause");
        assertThat(delivery.isPausing()).isTrue();

        runAll();

        assertThat(readControl).containsExactly("pause", "resume");
        assertThat(delivered).hasSize(6);
        assertThat(delivery.stats()).isEqualTo(new DeliveryStats(6, 0, 0, 0, 6, 0, 0, 0));
    }

    @Test
    void anAsynchronousRouteFinishesOneEventBeforeTheNextStarts() {
        async = true;
        Delivery delivery = delivery(new DeliveryPolicy(false, false, 100), false);
        delivery.onEvent(trade("KRW-BTC", 1));
        delivery.onEvent(trade("KRW-BTC", 2));

        runAll();
        assertThat(delivered).hasSize(1);
        assertThat(delivery.stats()).isEqualTo(new DeliveryStats(2, 0, 0, 0, 0, 0, 2, 0));

        pendingCompletion.run();
        runAll();
        assertThat(delivered).hasSize(2);
        pendingCompletion.run();
        runAll();
        assertThat(delivery.stats()).isEqualTo(new DeliveryStats(2, 0, 0, 0, 2, 0, 0, 0));
    }

    @Test
    void aRouteThatCallsBackBeforeReturningKeepsItsWorker() {
        // Camel's pipeline: doneSync=false, but the callback already ran on the calling thread
        Delivery delivery = delivery(new DeliveryPolicy(false, false, 100), false);
        for (int i = 0; i < 50; i++) {
            assertThat(delivery.enqueue(trade("KRW-BTC", i))).isEqualTo(i == 0);
        }
        delivery.scheduleDrain();

        assertThat(tasks).hasSize(1);
        tasks.poll().run();
        assertThat(tasks).isEmpty();
        assertThat(delivered).hasSize(50);
        assertThat(delivery.stats()).isEqualTo(new DeliveryStats(50, 0, 0, 0, 50, 0, 0, 0));
    }

    @Test
    void closedOnlyReleasesEachPeriodOnceAndCountsTheRepeats() {
        Delivery delivery = delivery(new DeliveryPolicy(false, false, 100), true);
        delivery.onEvent(candle(0, "1"));
        delivery.onEvent(candle(0, "2"));
        delivery.onEvent(candle(1, "3"));
        runAll();

        assertThat(delivered).extracting(e -> ((CandleEvent) e.event()).tradePrice()).containsExactly(new BigDecimal("2"));
        assertThat(delivery.stats()).isEqualTo(new DeliveryStats(3, 0, 1, 0, 1, 0, 1, 0));
    }

    @Test
    void filteredEventsAreCountedAndAForcedStopDropsWhatWaits() {
        Delivery delivery = delivery(new DeliveryPolicy(false, false, 100), false);
        delivery.filtered();
        delivery.onEvent(trade("KRW-BTC", 1));
        delivery.onEvent(trade("KRW-BTC", 2));

        delivery.discard();
        runAll();

        assertThat(delivered).isEmpty();
        assertThat(delivery.stats()).isEqualTo(new DeliveryStats(3, 1, 0, 2, 0, 0, 0, 0));
    }

    @Test
    void anEventThatCannotBeProcessedIsCountedAndTheNextOneFollows() {
        poisonId = 2;
        poison = new NullPointerException("no size");
        Delivery delivery = delivery(new DeliveryPolicy(false, false, 100), false);
        for (int i = 1; i <= 4; i++) {
            delivery.onEvent(trade("KRW-BTC", i));
        }
        runAll();

        assertThat(delivered).extracting(e -> ((TradeEvent) e.event()).sequentialId()).containsExactly(1L, 3L, 4L);
        assertThat(failures).containsExactly("2: java.lang.NullPointerException: no size");
        assertThat(delivery.stats()).isEqualTo(new DeliveryStats(4, 0, 0, 0, 3, 1, 0, 0));

        delivery.onEvent(trade("KRW-BTC", 5));
        runAll();
        assertThat(delivered).hasSize(4);
    }

    @Test
    void aFatalErrorIsRethrownAndTheRouteStillGetsTheEventsThatWait() {
        poisonId = 2;
        poison = new StackOverflowError("deep");
        Delivery delivery = delivery(new DeliveryPolicy(false, false, 100), false);
        for (int i = 1; i <= 3; i++) {
            delivery.onEvent(trade("KRW-BTC", i));
        }
        Runnable first = tasks.poll();
        assertThat(catchThrowable(first::run)).isInstanceOf(StackOverflowError.class);

        runAll();
        assertThat(delivered).extracting(e -> ((TradeEvent) e.event()).sequentialId()).containsExactly(1L, 3L);
        assertThat(delivery.stats()).isEqualTo(new DeliveryStats(3, 0, 0, 0, 2, 1, 0, 0));
    }

    @Test
    void anExchangeThatEndsWithAnExceptionCountsAsFailedNotDelivered() {
        Delivery delivery = new Delivery(spec(), new DeliveryPolicy(false, false, 100), false, false, executor,
                new Delivery.Sink() {
                    @Override
                    public void process(ReceivedEvent event, long droppedBefore, Delivery.Completion completion) {
                        completion.completed(((TradeEvent) event.event()).sequentialId() % 2 == 0);
                    }

                    @Override
                    public void onError(Throwable cause) {
                    }

                    @Override
                    public void onFailure(ReceivedEvent event, Throwable cause) {
                    }
                });
        for (int i = 1; i <= 5; i++) {
            delivery.onEvent(trade("KRW-BTC", i));
        }
        runAll();
        assertThat(delivery.stats()).isEqualTo(new DeliveryStats(5, 0, 0, 0, 3, 2, 0, 0));
    }

    @Test
    void aResyncMarkDroppedByTheOverflowGoesToTheNextEventOfItsMarket() {
        Delivery delivery = delivery(new DeliveryPolicy(false, true, 2), false);
        delivery.enqueue(trade("KRW-BTC", 1).resynced());
        delivery.enqueue(trade("KRW-ETH", 2));
        delivery.enqueue(trade("KRW-ETH", 3));
        delivery.enqueue(trade("KRW-BTC", 4));
        delivery.scheduleDrain();
        runAll();

        assertThat(delivered).extracting(e -> ((TradeEvent) e.event()).sequentialId()).containsExactly(3L, 4L);
        assertThat(delivered).extracting(ReceivedEvent::resync).containsExactly(false, true);
    }

    @Test
    void aResyncMarkConflatedAwayStaysWithTheNewestEvent() {
        Delivery delivery = delivery(new DeliveryPolicy(true, false, 100), false);
        delivery.enqueue(trade("KRW-BTC", 1).resynced());
        delivery.enqueue(trade("KRW-BTC", 2));
        delivery.scheduleDrain();
        runAll();

        assertThat(delivered).extracting(ReceivedEvent::resync).containsExactly(true);
    }

    @Test
    void aForcedStopLetsGoOfThePauseAndSaysWhatItDropped() {
        Delivery delivery = delivery(new DeliveryPolicy(false, false, 2), false);
        delivery.onEvent(trade("KRW-BTC", 1));
        delivery.onEvent(trade("KRW-BTC", 2));
        assertThat(delivery.isPausing()).isTrue();

        try (LogCapture logs = new LogCapture(false)) {
            delivery.discard();
            assertThat(logs.lines()).anyMatch(l -> l.contains("stopped by force with 2 event(s) not delivered"));
        }

        assertThat(delivery.isPausing()).isFalse();
        assertThat(readControl).containsExactly("pause", "resume");
        assertThat(delivery.stats().dropped()).isEqualTo(2);
    }

    @Test
    void heldEventsFollowTheReconciledStateAndABalanceTheReadAlreadyHasIsStale() {
        Delivery delivery = new Delivery(new SubscriptionSpec("myAsset", new TreeSet<>(), SnapshotMode.BOTH, 0, null),
                new DeliveryPolicy(false, false, 4), false, false, executor, sink);
        delivery.addReadControl(d -> readControl.add(d.isPausing() ? "pause" : "resume"));
        delivery.onEvent(asset("before-gap", 50));
        delivery.hold();
        delivery.onEvent(asset("before-read", 100));
        delivery.onEvent(asset("during-read", 300));
        delivery.onEvent(asset("during-read-2", 310));
        runAll();
        assertThat(delivered).extracting(e -> ((MyAssetEvent) e.event()).assetUuid()).containsExactly("before-gap");
        // the mailbox and what is held behind it make four: reading pauses as with a full mailbox
        assertThat(delivery.isPausing()).isTrue();

        delivery.release(List.of(ReceivedEvent.reconciled(((MyAssetEvent) asset("read", 200).event()), 200)), 200);
        runAll();

        assertThat(delivered).extracting(e -> ((MyAssetEvent) e.event()).assetUuid())
                .containsExactly("before-gap", "read", "during-read", "during-read-2");
        assertThat(delivered).extracting(ReceivedEvent::reconciled).containsExactly(false, true, false, false);
        assertThat(delivery.staleSuppressed()).isEqualTo(1);
        assertThat(delivery.isHolding()).isFalse();
        assertThat(readControl).containsExactly("pause", "resume");
        assertThat(delivery.stats()).isEqualTo(new DeliveryStats(5, 1, 0, 0, 4, 0, 0, 0));
    }

    private static ReceivedEvent asset(String id, long receivedAt) {
        return new ReceivedEvent(new MyAssetEvent(id, List.of(new Asset("KRW", BigDecimal.TEN, BigDecimal.ZERO)),
                receivedAt, receivedAt, StreamType.REALTIME), receivedAt, null, false);
    }

    private static SubscriptionSpec spec() {
        return new SubscriptionSpec("trade", new TreeSet<>(List.of("KRW-BTC")), SnapshotMode.BOTH, 0, null);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    private Delivery delivery(DeliveryPolicy policy, boolean closedOnly) {
        Delivery delivery = new Delivery(new SubscriptionSpec("trade", new TreeSet<>(List.of("KRW-BTC")),
                SnapshotMode.BOTH, 0, null), policy, false, closedOnly, executor, sink);
        delivery.addReadControl(d -> readControl.add(d.isPausing() ? "pause" : "resume"));
        return delivery;
    }

    private void runAll() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    private static ReceivedEvent trade(String code, long id) {
        BigDecimal one = BigDecimal.ONE;
        return new ReceivedEvent(new TradeEvent(code, one, one, AskBid.BID, one, Change.EVEN, BigDecimal.ZERO,
                LocalDate.EPOCH, LocalTime.MIDNIGHT, id, id, id, one, one, one, one, StreamType.REALTIME), id, null, false);
    }

    private static ReceivedEvent candle(int minute, String close) {
        BigDecimal price = new BigDecimal(close);
        LocalDateTime start = LocalDateTime.of(2026, 11, 28, 12, minute);
        return new ReceivedEvent(new CandleEvent(CandleUnit.MINUTE_1, "KRW-BTC", start, start.plusHours(9), price,
                price, price, price, BigDecimal.ONE, price, 0, StreamType.REALTIME), 0, null, false);
    }
}
