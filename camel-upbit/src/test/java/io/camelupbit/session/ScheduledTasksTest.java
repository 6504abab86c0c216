package io.camelupbit.session;

import java.util.concurrent.TimeUnit;

import io.camelupbit.LogCapture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task scheduled on an event loop that throws: Netty keeps the exception in the task's future and logs nothing, so
 * the session's scheduled work goes through {@link ScheduledTasks#logged}, which says what failed.
 */
class ScheduledTasksTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @AfterEach
    void stop() throws InterruptedException {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void aScheduledTaskThatThrowsIsLoggedWithWhatItWasToDo() {
        try (LogCapture logs = new LogCapture(false)) {
            ScheduledFuture<?> raw = group.next().schedule(() -> {
                throw new IllegalStateException("raw bug");
            }, 1, TimeUnit.MILLISECONDS);
            raw.awaitUninterruptibly();
            assertThat(raw.cause()).hasMessage("raw bug");
            assertThat(logs.lines()).noneMatch(l -> l.contains("raw bug"));

            ScheduledFuture<?> logged = group.next().schedule(ScheduledTasks.logged("subscribe send", () -> {
                throw new IllegalStateException("a bug");
            }), 1, TimeUnit.MILLISECONDS);
            logged.awaitUninterruptibly();
            assertThat(logged.cause()).hasMessage("a bug");
            assertThat(logs.lines()).anyMatch(l -> l.contains("the scheduled subscribe send failed")
                    && l.contains("IllegalStateException: a bug"));
        }
    }
}
