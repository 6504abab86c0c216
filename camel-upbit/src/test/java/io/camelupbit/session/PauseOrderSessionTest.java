package io.camelupbit.session;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.EventLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session on the simulator whose route's "mailbox full" notification is overtaken by its "drained" one, as happens
 * when the I/O thread is preempted right after the mailbox filled and a worker drains it meanwhile. The session must
 * act on the mailbox as it is, not on the order of the notifications: before the fix it applied the late "full"
 * last and never read again.
 */
class PauseOrderSessionTest extends SessionTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(5)));

    @Test
    void aDrainedNotificationThatOvertakesTheFullOneLeavesReadingOn() {
        EventLoop loop = group.next();
        session = session(upbit.url(), loop, loop);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicLong delivered = new AtomicLong();
        Delivery delivery = new Delivery(new SubscriptionSpec("ticker", new TreeSet<>(List.of("KRW-BTC")),
                SnapshotMode.BOTH, 0, null), new DeliveryPolicy(false, false, 4), false, false, workers,
                new Delivery.Sink() {
                    @Override
                    public void process(ReceivedEvent event, long droppedBefore, Delivery.Completion completion) {
                        awaitQuietly(gate);
                        delivered.incrementAndGet();
                        completion.completed(false);
                    }

                    @Override
                    public void onError(Throwable cause) {
                    }

                    @Override
                    public void onFailure(ReceivedEvent event, Throwable cause) {
                    }
                });
        CountDownLatch workerSpoke = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        session.register(delivery, false);
        // runs after the registration (the loop's tasks run in order) and before the connection exists
        loop.submit(() -> {
            Delivery.ReadControl sessionSide = delivery.readControls().get(0);
            delivery.removeReadControl(sessionSide);
            delivery.addReadControl(d -> {
                if (loop.inEventLoop() && first.compareAndSet(true, false)) {
                    // the I/O thread is preempted between filling the mailbox and telling the session
                    awaitQuietly(workerSpoke);
                } else if (!loop.inEventLoop()) {
                    sessionSide.pausingChanged(d);
                    workerSpoke.countDown();
                    return;
                }
                sessionSide.pausingChanged(d);
            });
        }).syncUninterruptibly();

        await().until(delivery::isPausing);
        gate.countDown();

        await().until(() -> delivered.get() > 100);
        SessionStats stats = session.stats();
        assertThat(stats.readingPaused() && stats.pausingRoutes() == 0).isFalse();
        assertThat(first.get()).isFalse();
    }
}
