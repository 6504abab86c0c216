package io.camelupbit.reliability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelupbit.reliability.SourceLoss.Received;
import io.camelupbit.reliability.SourceLoss.Result;
import io.camelupbit.test.SentItem;

import static org.assertj.core.api.Assertions.assertThat;

/** The loss check itself: it must see a gap, a duplicate and an unmarked window, and excuse only marked ones. */
class SourceLossTest {

    private static final List<String> SENT = List.of("10", "11", "12", "13", "14", "15");
    private static final Comparator<String> BY_NUMBER = Comparator.comparingLong(Long::parseLong);

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
    void acrossConnectionsTheStreamsOrderCountsNotTheOrderOfWrites() {
        // c2 joined ahead of c1, which was still writing older items: every item came, in the stream's order
        List<SentItem> sent = List.of(item("c2", "13"), item("c1", "10"), item("c1", "11"), item("c1", "12"),
                item("c2", "14"), item("c1", "13"), item("c1", "14"));
        assertThat(SourceLoss.walkAcross(sent, BY_NUMBER, received("10", "11", "12", "13", "14"), new ArrayList<>()))
                .isEqualTo(new Result(5, 5, 0, 0, 0));
        // what one connection alone sent is owed all the same
        assertThat(SourceLoss.walkAcross(sent, BY_NUMBER, received("10", "11", "13", "14"), new ArrayList<>()))
                .isEqualTo(new Result(5, 4, 0, 1, 0));
        // and an item older than the one before is out of order
        assertThat(SourceLoss.walkAcross(sent, BY_NUMBER, received("10", "11", "13", "12", "14"), new ArrayList<>())
                .duplicates()).isEqualTo(1);
    }

    @Test
    void aSnapshotSentToAConnectionThatJoinedLaterIsNotOwedToARouteThatHadTheMarket() {
        // a new connection's snapshot (state at 15) between two realtime states the route got from the old one
        List<SentItem> sent = List.of(item("c1", "10"), item("c1", "20"), snapshot("c2", "15"), item("c1", "30"));
        assertThat(SourceLoss.walkAcross(sent, BY_NUMBER, received("10", "20", "30"), new ArrayList<>()))
                .isEqualTo(new Result(4, 3, 0, 0, 0));
        // a realtime state is owed all the same
        List<SentItem> realtime = List.of(item("c1", "10"), item("c1", "15"), item("c1", "20"), item("c1", "30"));
        assertThat(SourceLoss.walkAcross(realtime, BY_NUMBER, received("10", "20", "30"), new ArrayList<>())
                .unmarked()).isEqualTo(1);
    }

    @Test
    void aRouteThatJoinsOnANewConnectionIsOwedWhatThatConnectionSentFromItsFirstEvent() {
        // the route's first event is c2's snapshot 15; 20 went only to c1, which the route is not on, and shows
        // nothing newer than 15 (c2 left it out); 30 came on both
        List<SentItem> sent = List.of(item("c1", "10"), snapshot("c2", "15"), item("c1", "20"), item("c1", "30"),
                item("c2", "30"), item("c2", "40"));
        assertThat(SourceLoss.walkAcross(sent, BY_NUMBER, received("15", "30", "40"), new ArrayList<>()).unmarked())
                .isZero();
        // from the second event on, every item is owed, whichever connection sent it
        List<SentItem> later = List.of(snapshot("c2", "15"), item("c2", "30"), item("c1", "35"), item("c2", "40"));
        assertThat(SourceLoss.walkAcross(later, BY_NUMBER, received("15", "30", "40"), new ArrayList<>()).unmarked())
                .isEqualTo(1);
    }

    @Test
    void twoStatesOfOneMillisecondAreNoDuplicate() {
        List<SentItem> sent = List.of(item("c1", "10"), item("c1", "10"), item("c2", "10"), item("c1", "11"));
        assertThat(SourceLoss.walkAcross(sent, BY_NUMBER, received("10", "10", "11"), new ArrayList<>()))
                .isEqualTo(new Result(2, 3, 0, 0, 0));
        assertThat(SourceLoss.walkAcross(sent, BY_NUMBER, received("10", "10", "10", "11"), new ArrayList<>())
                .duplicates()).isEqualTo(1);
    }

    private static SentItem item(String connection, String key) {
        return new SentItem(connection, 0, Instant.EPOCH, "ticker", "KRW-BTC", "REALTIME", key);
    }

    private static SentItem snapshot(String connection, String key) {
        return new SentItem(connection, 0, Instant.EPOCH, "ticker", "KRW-BTC", "SNAPSHOT", key);
    }

    private static List<Received> received(String... keys) {
        return java.util.Arrays.stream(keys).map(k -> new Received(k, false)).toList();
    }
}
