package io.camelupbit.session;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.camelupbit.wire.UpbitFormat;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.resolver.DefaultAddressResolverGroup;
import org.junit.jupiter.api.AfterEach;
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
class PauseOrderSessionTest {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(5)));

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private UpbitSession session;

    @AfterEach
    void stop() throws InterruptedException {
        if (session != null) {
            session.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        workers.shutdownNow();
    }

    @Test
    void aDrainedNotificationThatOvertakesTheFullOneLeavesReadingOn() {
        EventLoop loop = group.next();
        session = new UpbitSession("test", "1", 1, false, settings(), loop, List.of(loop),
                new RateLimitPolicy(RateLimitPolicy.Strategy.BALANCED, 3, 0.7, TimeUnit.SECONDS.toNanos(60),
                        System::nanoTime), new ConnectThrottle(System::nanoTime), e -> { }, () -> { });
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

    private static SessionSettings settings() {
        return new SessionSettings(URI.create(upbit.url()), "public", null, null,
                DefaultAddressResolverGroup.INSTANCE, false, 1 << 20, UpbitFormat.DEFAULT,
                Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30),
                new ReconnectBackoff(100, 2, 1000, 0.5, Math::random), -1, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ZERO, null);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
