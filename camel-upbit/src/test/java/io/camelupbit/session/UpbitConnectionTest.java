package io.camelupbit.session;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.UpbitEvent;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;
import io.camelupbit.wire.SubscriptionList;
import io.camelupbit.wire.UpbitError;
import io.camelupbit.wire.UpbitFormat;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.resolver.DefaultAddressResolverGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One connection against the simulator, no Camel and no routes: it opens, hands the owner what it decodes, sends what
 * it is given, holds and releases reading, reconnects after a drop, and reports its life to the lifecycle listener.
 */
class UpbitConnectionTest {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final List<ConnectionEvent> lifecycle = new CopyOnWriteArrayList<>();
    private final List<UpbitEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private UpbitConnection connection;

    @AfterEach
    void stop() throws InterruptedException {
        if (connection != null) {
            loop.submit(connection::close).syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void opensStreamsHoldsAndReconnects() {
        connection = new UpbitConnection("test", "1", 1, settings(), loop, loop, new RateLimitPolicy(
                RateLimitPolicy.Strategy.BALANCED, 3, 0.7, TimeUnit.SECONDS.toNanos(60), System::nanoTime),
                new ConnectThrottle(System::nanoTime), lifecycle::add, new RecordingOwner());
        UpbitSimulator simulator = upbit.simulator();

        loop.execute(connection::open);
        await().until(() -> opened.get() == 1 && connection.isConnected());
        loop.execute(() -> connection.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]}]"));
        await().until(() -> events.size() > 5);
        assertThat(events).allSatisfy(e -> assertThat(e).isInstanceOf(TickerEvent.class));

        loop.submit(connection::hold).syncUninterruptibly();
        assertThat(connection.isReadingPaused()).isTrue();
        loop.submit(connection::release).syncUninterruptibly();
        assertThat(connection.isReadingPaused()).isFalse();
        int before = events.size();
        await().until(() -> events.size() > before + 5);

        simulator.connections().get(0).dropAbruptly();
        await().until(() -> lost.get() == 1 && opened.get() == 2 && connection.isConnected());
        assertThat(connection.tracker().reconnects()).isEqualTo(1);
        assertThat(connection.connects()).isEqualTo(2);
        assertThat(lifecycle).extracting(ConnectionEvent::state).containsSubsequence(ConnectionState.CONNECTING,
                ConnectionState.CONNECTED, ConnectionState.DISCONNECTED, ConnectionState.RECONNECTING,
                ConnectionState.CONNECTING, ConnectionState.CONNECTED);
        assertThat(lifecycle).extracting(ConnectionEvent::connection).containsOnly("1");
        assertThat(connection.framesReceived()).isGreaterThanOrEqualTo(events.size());
    }

    private static SessionSettings settings() {
        return new SessionSettings(URI.create(upbit.url()), "public", null, null,
                DefaultAddressResolverGroup.INSTANCE, false, 1 << 20, UpbitFormat.DEFAULT,
                Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30),
                new ReconnectBackoff(10, 2, 50, 0.5, Math::random), -1, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ZERO, null);
    }

    /** The owner's side, recorded: a connection is always wanted. */
    private final class RecordingOwner implements UpbitConnection.Owner {

        @Override
        public boolean wantsConnection() {
            return true;
        }

        @Override
        public void onOpen() {
            opened.incrementAndGet();
        }

        @Override
        public void onLost() {
            lost.incrementAndGet();
        }

        @Override
        public void onFailure(RuntimeException failure) {
        }

        @Override
        public void onFrame(long receivedAt) {
        }

        @Override
        public void onReadComplete() {
        }

        @Override
        public void onEvent(UpbitEvent event, byte[] frame, int offset, int length) {
            events.add(event);
        }

        @Override
        public void onStatus(String status) {
        }

        @Override
        public void onError(UpbitError error) {
        }

        @Override
        public void onSubscriptionList(SubscriptionList list) {
        }

        @Override
        public void onIgnored(String what) {
        }
    }
}
