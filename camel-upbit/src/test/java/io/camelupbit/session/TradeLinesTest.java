package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TradeEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One route's trades from two lines: each once, in the lines' order, whichever line is ahead; the trades a line brings
 * out of step wait for the line in step, and go, marked only when they do not follow, when no line feeds the route.
 * Trade numbers here fall on purpose (Upbit does not promise that they rise): order comes from the lines.
 */
class TradeLinesTest {

    private static final String CODE = "KRW-BTC";
    /** A market's trades in Upbit's order; their numbers fall. */
    private static final long[] STREAM = { 90, 80, 70, 60, 50, 40, 30, 20, 10 };

    private final LineProgress[] lines = new LineProgress[Registration.MAX_LINES];
    private final Set<String> resyncDue = new HashSet<>();
    private final Delivery delivery = InlineDelivery.of(
            new SubscriptionSpec("trade", new TreeSet<>(List.of(CODE)), SnapshotMode.BOTH, 0, null));
    private final TradeLines tradeLines = new TradeLines(new LineArbiter(TimeUnit.SECONDS.toNanos(60), 1000, 0), lines,
            delivery, resyncDue);
    /** What the route got, in order, with the marks it carried. */
    private final List<String> got = new ArrayList<>();

    TradeLinesTest() {
        for (int slot = 0; slot < 2; slot++) {
            lines[slot] = new LineProgress();
            lines[slot].sent = true;
            lines[slot].acknowledged = true;
        }
    }

    @Test
    void aLineBehindAnotherOnlyRepeatsWhatTheRouteHas() {
        arrive(0, 0, StreamType.SNAPSHOT);
        arrive(0, 1);
        arrive(0, 2);
        arrive(1, 0, StreamType.SNAPSHOT);
        arrive(1, 1);
        arrive(0, 3);
        arrive(1, 2);
        arrive(1, 3);

        assertThat(got).containsExactly("90", "80", "70", "60");
        assertThat(delivery.stats().duplicates()).isEqualTo(4);
        assertThat(resyncDue).isEmpty();
    }

    @Test
    void aLineThatJoinsAheadWaitsUntilTheRouteReachesItThenLeads() {
        arrive(0, 0, StreamType.SNAPSHOT);
        // line 2 joins later: its snapshot is newer than what line 1 brought so far
        arrive(1, 3, StreamType.SNAPSHOT);
        arrive(1, 4);
        arrive(0, 1);
        arrive(0, 2);
        arrive(0, 3);
        // the route reached line 2's snapshot: line 2 is in step and leads
        arrive(1, 5);
        arrive(0, 4);
        arrive(0, 5);

        assertThat(got).containsExactly("90", "80", "70", "60", "50", "40");
        assertThat(resyncDue).isEmpty();
    }

    @Test
    void aLineThatJoinsBehindTheRouteStartDeliversNothingOlder() {
        arrive(0, 3, StreamType.SNAPSHOT);
        arrive(1, 0, StreamType.SNAPSHOT);
        arrive(1, 1);
        arrive(1, 2);
        arrive(0, 4);
        arrive(1, 3);
        arrive(1, 4);
        arrive(1, 5);

        assertThat(got).containsExactly("60", "50", "40");
        assertThat(delivery.staleSuppressed()).as("older than the route's start").isEqualTo(3);
    }

    @Test
    void aLineInStepThatGetsAheadLeadsAtOnceAndTheOtherOnlyRepeats() {
        arrive(0, 0, StreamType.SNAPSHOT);
        arrive(1, 0, StreamType.SNAPSHOT);
        arrive(0, 1);
        arrive(1, 1);
        // line 2 is now ahead, and in step: its trades go as they come
        arrive(1, 2);
        arrive(1, 3);
        arrive(0, 2);
        lines[1].reset();
        arrive(0, 3);
        arrive(0, 4);

        assertThat(got).containsExactly("90", "80", "70", "60", "50");
        assertThat(resyncDue).isEmpty();
    }

    @Test
    void aLineAheadReleasesItsTradesWhenTheRouteReachesTheOneBefore() {
        arrive(0, 0, StreamType.SNAPSHOT);
        arrive(1, 0, StreamType.SNAPSHOT);
        // line 2 restarted and came back ahead: its snapshot does not follow what it brought before
        arrive(1, 3, StreamType.SNAPSHOT);
        arrive(1, 4);
        assertThat(got).containsExactly("90");

        arrive(0, 1);
        arrive(0, 2);
        assertThat(got).containsExactly("90", "80", "70");
        // line 1 brings 60, line 2's snapshot: what waited after it on line 2 follows now
        arrive(0, 3);
        assertThat(got).containsExactly("90", "80", "70", "60", "50");
        assertThat(resyncDue).isEmpty();
    }

    @Test
    void aRestartAmongTheWaitingTradesEndsWhatCanGoInStep() {
        arrive(0, 0, StreamType.SNAPSHOT);
        arrive(1, 0, StreamType.SNAPSHOT);
        // line 2 restarts: its old stream's 80 and 70 are still in flight, then its new stream begins past 60, lost to
        // it in the restart
        lines[1].streamsRestarted();
        arrive(1, 1);
        arrive(1, 2);
        arrive(1, 4, StreamType.SNAPSHOT);
        arrive(1, 5);
        // line 1 brings 80: line 2's 70 follows it and goes, its snapshot 50 does not follow 70 and waits
        arrive(0, 1);
        assertThat(got).containsExactly("90", "80", "70");
        arrive(0, 2);
        arrive(0, 3);
        arrive(0, 4);
        assertThat(got).containsExactly("90", "80", "70", "60", "50", "40");
        assertThat(resyncDue).isEmpty();
    }

    @Test
    void whenNoLineFeedsTheRouteTheWaitingTradesGoMarkedIfTheyDoNotFollow() {
        arrive(0, 0, StreamType.SNAPSHOT);
        arrive(1, 0, StreamType.SNAPSHOT);
        arrive(1, 4, StreamType.SNAPSHOT);
        arrive(1, 5);

        lines[0].reset();
        List<ReceivedEvent> released = new ArrayList<>();
        tradeLines.releaseAll(0, released);
        released.forEach(this::received);

        assertThat(got).containsExactly("90", "50*", "40");
    }

    private void arrive(int slot, int index) {
        arrive(slot, index, StreamType.REALTIME);
    }

    /** A trade of {@link #STREAM} arrives on a line; what the route gets is recorded, a waiting trade held back. */
    private void arrive(int slot, int index, StreamType streamType) {
        TradeEvent trade = trade(STREAM[index], streamType);
        List<ReceivedEvent> released = new ArrayList<>();
        ReceivedEvent event = new ReceivedEvent(trade, 0, null, false);
        switch (tradeLines.arrived(slot, trade, 0, released)) {
            case DELIVER -> {
                released.forEach(this::received);
                received(event);
                released.clear();
                tradeLines.caughtUp(slot, trade, 0, released);
                released.forEach(this::received);
            }
            case DUPLICATE -> delivery.duplicate();
            case WAIT -> tradeLines.hold(slot, event);
        }
    }

    private void received(ReceivedEvent event) {
        boolean marked = resyncDue.remove(CODE);
        got.add(((TradeEvent) event.event()).sequentialId() + (marked ? "*" : ""));
    }

    private static TradeEvent trade(long id, StreamType streamType) {
        BigDecimal one = BigDecimal.ONE;
        return new TradeEvent(CODE, one, one, AskBid.BID, one, null, BigDecimal.ZERO, null, null, id, id, id, one, one,
                one, one, streamType);
    }
}
