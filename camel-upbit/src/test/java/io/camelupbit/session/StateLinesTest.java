package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.OrderbookUnit;
import io.camelupbit.event.StreamType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One route's states from two lines: newest wins, and a state a line brings out of step waits for the line in step,
 * so that a line ahead never makes the route skip a state the other line was about to bring (newest-wins would drop
 * it as stale).
 */
class StateLinesTest {

    private static final String CODE = "KRW-BTC";

    private final LineProgress[] lines = new LineProgress[Registration.MAX_LINES];
    private final Set<String> resyncDue = new HashSet<>();
    private final Delivery delivery = InlineDelivery.of(
            new SubscriptionSpec("orderbook", new TreeSet<>(List.of(CODE)), SnapshotMode.BOTH, 0, null));
    private final StateLines stateLines = new StateLines(new LineArbiter(TimeUnit.SECONDS.toNanos(60), 1000, 0), lines,
            delivery, resyncDue);
    /** What the route got, in order, with the marks it carried. */
    private final List<String> got = new ArrayList<>();

    StateLinesTest() {
        for (int slot = 0; slot < 2; slot++) {
            lines[slot] = new LineProgress();
            lines[slot].sent = true;
            lines[slot].acknowledged = true;
        }
    }

    @Test
    void aLineAheadWaitsForTheStateTheLineInStepBringsBeforeIt() {
        arrive(0, 10, StreamType.SNAPSHOT);
        // line 2 joined later and, ahead, brings 30 before line 1 brought 20
        arrive(1, 30);
        arrive(0, 20);
        arrive(0, 30);
        arrive(1, 40);

        assertThat(got).containsExactly("10", "20", "30", "40");
        assertThat(delivery.stats().duplicates()).as("line 2's 30").isEqualTo(1);
        assertThat(resyncDue).isEmpty();
    }

    @Test
    void aLineWhoseSnapshotTheRouteReachesLeadsFromThere() {
        arrive(0, 10, StreamType.SNAPSHOT);
        // line 2's snapshot repeats a market the route has: not delivered, but line 2's stream begins at 20
        stateLines.began(1, book(20, StreamType.SNAPSHOT));
        arrive(1, 30);
        assertThat(got).containsExactly("10");
        // line 1 brings 20: line 2's 30 follows it and goes at once, line 2 leads
        arrive(0, 20);
        assertThat(got).containsExactly("10", "20", "30");
        arrive(1, 40);
        arrive(0, 30);
        arrive(0, 40);
        assertThat(got).containsExactly("10", "20", "30", "40");
        assertThat(resyncDue).isEmpty();
    }

    @Test
    void aLineInStepThatGetsAheadLeadsAtOnceAndTheOtherOnlyRepeats() {
        arrive(0, 10, StreamType.SNAPSHOT);
        arrive(1, 10, StreamType.SNAPSHOT);
        arrive(1, 20);
        arrive(1, 30);
        arrive(0, 20);
        arrive(0, 30);

        assertThat(got).containsExactly("10", "20", "30");
        // line 1's 20 is older than the route's newest by then (only the newest time is kept): counted as stale
        assertThat(delivery.stats().duplicates()).isEqualTo(2);
        assertThat(delivery.staleSuppressed()).isEqualTo(1);
    }

    @Test
    void aLinesOwnOlderStatePassesAsWithOneLine() {
        arrive(0, 20, StreamType.SNAPSHOT);
        arrive(0, 10);
        arrive(0, 30);

        assertThat(got).containsExactly("20", "10", "30");
    }

    @Test
    void whenNoLineFeedsTheRouteTheWaitingStatesGoMarkedIfTheyDoNotFollow() {
        arrive(0, 10, StreamType.SNAPSHOT);
        stateLines.began(1, book(20, StreamType.SNAPSHOT));
        arrive(1, 30);
        arrive(1, 40);

        lines[0].reset();
        List<ReceivedEvent> released = new ArrayList<>();
        stateLines.releaseAll(0, released);
        released.forEach(this::received);

        // 20 never reached the route: the first state after it is marked
        assertThat(got).containsExactly("10", "30*", "40");
        assertThat(stateLines.waitingOn(1)).isFalse();
    }

    @Test
    void aLineWhoseStreamBeganAheadIsOutOfStepUntilTheRouteReachesIt() {
        arrive(0, 10, StreamType.SNAPSHOT);
        stateLines.began(1, book(30, StreamType.SNAPSHOT));
        assertThat(stateLines.waitingOn(1)).as("ahead at 30").isTrue();
        arrive(0, 20);
        assertThat(stateLines.waitingOn(1)).isTrue();
        arrive(0, 30);
        assertThat(stateLines.waitingOn(1)).as("the route reached it").isFalse();
    }

    @Test
    void aSnapshotRepeatingTheRoutesNewestStateIsInStepWhateverItsTime() {
        arrive(0, 10, StreamType.SNAPSHOT);
        OrderbookEvent ten = book(10, StreamType.SNAPSHOT);
        // the same book, stamped later
        stateLines.began(1, new OrderbookEvent(CODE, ten.totalAskSize(), ten.totalBidSize(), ten.units(), 15,
                BigDecimal.ZERO, StreamType.SNAPSHOT));
        assertThat(stateLines.waitingOn(1)).isFalse();
        arrive(1, 20);
        assertThat(got).containsExactly("10", "20");
    }

    @Test
    void aLineThatBeganAheadAndIsLeftAloneMarksItsFirstState() {
        arrive(0, 10, StreamType.SNAPSHOT);
        stateLines.began(1, book(30, StreamType.SNAPSHOT));
        // line 1 goes before it brought 20 and 30
        lines[0].reset();
        arrive(1, 40);

        assertThat(got).containsExactly("10", "40*");
    }

    private void arrive(int slot, long time) {
        arrive(slot, time, StreamType.REALTIME);
    }

    /** A book of this time arrives on a line; what the route gets is recorded, a waiting one held back. */
    private void arrive(int slot, long time, StreamType streamType) {
        OrderbookEvent book = book(time, streamType);
        List<ReceivedEvent> released = new ArrayList<>();
        ReceivedEvent event = new ReceivedEvent(book, 0, null, false);
        LineOutcome outcome = stateLines.arrived(slot, book, 0, released);
        released.forEach(this::received);
        released.clear();
        switch (outcome) {
            case DELIVER -> {
                received(event);
                stateLines.caughtUp(slot, book, 0, released);
                released.forEach(this::received);
            }
            case DUPLICATE -> delivery.duplicate();
            case STALE -> delivery.stale();
            case WAIT -> stateLines.hold(slot, event);
        }
    }

    private void received(ReceivedEvent event) {
        boolean marked = resyncDue.remove(CODE);
        got.add(event.event().timestamp() + (marked ? "*" : ""));
    }

    /** A book whose content differs with its time, so no two times repeat one state. */
    private static OrderbookEvent book(long time, StreamType streamType) {
        BigDecimal size = BigDecimal.valueOf(time);
        return new OrderbookEvent(CODE, size, size, List.of(new OrderbookUnit(new BigDecimal("101"),
                new BigDecimal("100"), size, size)), time, BigDecimal.ZERO, streamType);
    }
}
