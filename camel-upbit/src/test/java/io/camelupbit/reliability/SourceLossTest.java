package io.camelupbit.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.camelupbit.reliability.SourceLoss.Received;
import io.camelupbit.reliability.SourceLoss.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** The loss check itself: it must see a gap, a duplicate and an unmarked window, and excuse only marked ones. */
class SourceLossTest {

    private static final List<String> SENT = List.of("10", "11", "12", "13", "14", "15");

    @Test
    void everythingBetweenFirstAndLastReceivedIsCounted() {
        assertThat(SourceLoss.walk(SENT, received("11", "12", "13"))).isEqualTo(new Result(3, 3, 0, 0, 0));
    }

    @Test
    void aGapIsLossUnlessTheEventAfterItIsMarked() {
        assertThat(SourceLoss.walk(SENT, received("10", "13", "14"))).isEqualTo(new Result(5, 3, 0, 2, 0));
        assertThat(SourceLoss.walk(SENT, List.of(new Received("10", false), new Received("13", true),
                new Received("14", false)))).isEqualTo(new Result(5, 3, 2, 0, 0));
    }

    @Test
    void aGapClosedByReconciledStatesIsMarkedAndTheyAreNotWalked() {
        // 11 and 12 were held during a reconciliation and suppressed: the reconciled state already had them
        assertThat(SourceLoss.walk(SENT, List.of(new Received("10", false), new Received("state", false, true),
                new Received("13", false), new Received("14", false)))).isEqualTo(new Result(5, 3, 2, 0, 0));
        // the mark covers only the gap just before the next stream event
        assertThat(SourceLoss.walk(SENT, List.of(new Received("10", false), new Received("state", false, true),
                new Received("11", false), new Received("14", false)))).isEqualTo(new Result(5, 3, 0, 2, 0));
    }

    @Test
    void anEventReceivedTwiceOrOutOfOrderIsADuplicate() {
        assertThat(SourceLoss.walk(SENT, received("10", "11", "11", "12")).duplicates()).isEqualTo(1);
        assertThat(SourceLoss.walk(SENT, received("10", "12", "11")).duplicates()).isEqualTo(1);
    }

    @Test
    void theLogsOrderCountsNotTheNumbers() {
        List<String> sent = List.of("30", "10", "20");
        assertThat(SourceLoss.walk(sent, received("30", "10", "20"))).isEqualTo(new Result(3, 3, 0, 0, 0));
    }

    @Test
    void aSnapshotRepeatingATradeAfterAGapIsMatchedAfterTheGap() {
        // 12 was lost with 13 and 14 when the connection dropped; the new connection's snapshot repeats 14
        List<String> sent = List.of("10", "11", "12", "13", "14", "14", "15");
        Result result = SourceLoss.walk(sent, List.of(new Received("10", false), new Received("11", false),
                new Received("14", true), new Received("15", false)));
        assertThat(result.unmarked()).isZero();
        assertThat(result.marked()).isEqualTo(3);
    }

    @Test
    void aRepeatOfAnItemTheRouteHasIsNoLoss() {
        List<String> sent = List.of("10", "11", "11", "12");
        assertThat(SourceLoss.walk(sent, received("10", "11", "12"))).isEqualTo(new Result(4, 3, 0, 0, 0));
    }

    @Test
    void aSnapshotSentToAConnectionThatJoinedLaterIsNotOwedToARouteThatHadTheMarket() {
        // a new connection's snapshot (state at 15) between two realtime states the route got from the old one
        List<String> sent = List.of("10", "20", "15", "30");
        assertThat(SourceLoss.walk(sent, Set.of(2), null, received("10", "20", "30"), new ArrayList<>()))
                .isEqualTo(new Result(4, 3, 0, 0, 0));
        // a realtime state is owed all the same
        assertThat(SourceLoss.walk(sent, Set.of(2), null, received("10", "15", "30"), new ArrayList<>()).unmarked())
                .isEqualTo(1);
    }

    @Test
    void aRouteThatJoinsOnANewConnectionIsOwedWhatThatConnectionSentFromItsFirstEvent() {
        // the route's first event is c2's snapshot 15; 20 went only to c1, which the route is not on, and shows
        // nothing newer than 15 (c2 left it out); 30 came on both
        List<String> sent = List.of("10", "15", "20", "30", "30", "40");
        List<String> on = List.of("c1", "c2", "c1", "c1", "c2", "c2");
        assertThat(SourceLoss.walk(sent, Set.of(), on, received("15", "30", "40"), new ArrayList<>()).unmarked())
                .isZero();
        // from the second event on, every item is owed, whichever connection sent it
        assertThat(SourceLoss.walk(List.of("15", "30", "35", "40"), Set.of(), List.of("c2", "c2", "c1", "c2"),
                received("15", "30", "40"), new ArrayList<>()).unmarked()).isEqualTo(1);
    }

    private static List<Received> received(String... keys) {
        return java.util.Arrays.stream(keys).map(k -> new Received(k, false)).toList();
    }
}
