package io.camelupbit.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Order, failure isolation and the bound of the serial executor, with a hand-cranked pool. */
class SerialExecutorTest {

    private final ArrayDeque<Runnable> pool = new ArrayDeque<>();
    private final Executor executor = pool::add;
    private final List<Integer> ran = new ArrayList<>();

    @Test
    void aTaskThatThrowsDoesNotStopTheOnesAfterIt() {
        SerialExecutor serial = new SerialExecutor(executor, 10);
        serial.execute(() -> ran.add(1));
        serial.execute(() -> {
            throw new IllegalStateException("planted");
        });
        serial.execute(() -> ran.add(3));
        runPool();
        assertThat(ran).containsExactly(1, 3);

        serial.execute(() -> ran.add(4));
        runPool();
        assertThat(ran).containsExactly(1, 3, 4);
    }

    @Test
    void anErrorIsRethrownAndTheRestStillRuns() {
        SerialExecutor serial = new SerialExecutor(executor, 10);
        serial.execute(() -> {
            throw new AssertionError("planted");
        });
        serial.execute(() -> ran.add(2));
        assertThat(catchThrowable(() -> pool.poll().run())).isInstanceOf(AssertionError.class);
        runPool();
        assertThat(ran).containsExactly(2);
    }

    @Test
    void tasksBeyondTheCapacityAreRefusedAndCounted() {
        SerialExecutor serial = new SerialExecutor(executor, 3);
        for (int i = 0; i < 5; i++) {
            int n = i;
            serial.execute(() -> ran.add(n));
        }
        runPool();
        assertThat(ran).containsExactly(0, 1, 2);
        assertThat(serial.refused()).isEqualTo(2);
    }

    private void runPool() {
        Runnable task;
        while ((task = pool.poll()) != null) {
            task.run();
        }
    }
}
