package io.camelupbit.session;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.camelupbit.wire.UpbitFormat;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.resolver.DefaultAddressResolverGroup;
import org.junit.jupiter.api.AfterEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session of one line on the simulator, built by hand: two event loops (the session's and, for a line reading on a
 * thread of its own, the line's), workers for the routes' mailboxes, and everything closed after each test.
 */
abstract class SessionTestSupport {

    protected final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    protected final ExecutorService workers = Executors.newCachedThreadPool();
    protected UpbitSession session;

    @AfterEach
    void stop() throws InterruptedException {
        if (session != null) {
            session.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        workers.shutdownNow();
    }

    /** A public session on {@code url} whose one line reads on {@code lineLoop}. */
    static UpbitSession session(String url, EventLoop sessionLoop, EventLoop lineLoop) {
        return new UpbitSession("test", "1", 1, false, settings(url), sessionLoop, List.of(lineLoop),
                new RateLimitPolicy(RateLimitPolicy.Strategy.BALANCED, 3, 0.7, TimeUnit.SECONDS.toNanos(60),
                        System::nanoTime), new ConnectThrottle(System::nanoTime), e -> { }, () -> { });
    }

    private static SessionSettings settings(String url) {
        return new SessionSettings(URI.create(url), "public", null, null, DefaultAddressResolverGroup.INSTANCE, false,
                1 << 20, UpbitFormat.DEFAULT, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(30), new ReconnectBackoff(100, 2, 1000, 0.5, Math::random), -1,
                Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ZERO, null);
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
