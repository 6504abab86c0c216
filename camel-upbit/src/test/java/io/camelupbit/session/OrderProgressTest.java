package io.camelupbit.session;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.StreamType;

import static io.camelupbit.session.Verdict.DELIVER;
import static io.camelupbit.session.Verdict.DUPLICATE;
import static io.camelupbit.session.Verdict.STALE;
import static org.assertj.core.api.Assertions.assertThat;

/** An order only moves forward for a route, whichever way reconciled states and realtime events interleave. */
class OrderProgressTest {

    private final OrderProgress progress = new OrderProgress();

    @Test
    void anOrderMovesForwardThroughItsStatesAndFills() {
        assertThat(progress.judge(event("o", OrderState.WATCH, "0"), false)).isEqualTo(DELIVER);
        assertThat(progress.judge(event("o", OrderState.WAIT, "0"), false)).isEqualTo(DELIVER);
        assertThat(progress.judge(event("o", OrderState.TRADE, "0.3"), false)).isEqualTo(DELIVER);
        assertThat(progress.judge(event("o", OrderState.TRADE, "0.5"), false)).isEqualTo(DELIVER);
        assertThat(progress.judge(event("o", OrderState.DONE, "1"), false)).isEqualTo(DELIVER);
    }

    @Test
    void aReconciledStateSuppressesTheRealtimeEventsItAlreadyHolds() {
        // reconciled after a gap: filled 0.5 of 1, still open, which REST reports as wait
        assertThat(progress.judge(event("o", OrderState.WAIT, "0.5"), true)).isEqualTo(DELIVER);

        // held realtime events from inside the gap arrive after it
        assertThat(progress.judge(event("o", OrderState.WAIT, "0"), false)).isEqualTo(STALE);
        assertThat(progress.judge(event("o", OrderState.TRADE, "0.2"), false)).isEqualTo(STALE);
        assertThat(progress.judge(event("o", OrderState.TRADE, "0.5"), false)).isEqualTo(DUPLICATE);
        // and the next real fill goes through
        assertThat(progress.judge(event("o", OrderState.TRADE, "0.7"), false)).isEqualTo(DELIVER);
    }

    @Test
    void aReconciledStateEqualToWhatTheRouteHasIsStillDelivered() {
        assertThat(progress.judge(event("o", OrderState.WAIT, "0"), false)).isEqualTo(DELIVER);

        assertThat(progress.judge(event("o", OrderState.WAIT, "0"), true)).isEqualTo(DELIVER);
        assertThat(progress.judge(event("o", OrderState.WAIT, "0"), false)).isEqualTo(DUPLICATE);
    }

    @Test
    void theOrdersLastSeenOpenAreTheOnesAGapMayHaveEnded() {
        progress.judge(event("watching", OrderState.WATCH, "0"), false);
        progress.judge(event("filled", OrderState.WAIT, "0"), false);
        progress.judge(event("partly", OrderState.TRADE, "0.2"), false);
        progress.judge(event("filled", OrderState.DONE, "1"), false);

        assertThat(progress.openOrders()).containsExactly("watching", "partly");
    }

    @Test
    void anEndedOrderStaysEndedButALaterFillOfItIsNotLost() {
        assertThat(progress.judge(event("o", OrderState.CANCEL, "0.4"), false)).isEqualTo(DELIVER);

        assertThat(progress.judge(event("o", OrderState.TRADE, "0.4"), false)).isEqualTo(STALE);
        assertThat(progress.judge(event("o", OrderState.WAIT, "0"), false)).isEqualTo(STALE);
        assertThat(progress.judge(event("o", OrderState.CANCEL, "0.4"), false)).isEqualTo(DUPLICATE);
        // a fill beyond what the end reported is news, whatever its state says
        assertThat(progress.judge(event("o", OrderState.TRADE, "0.6"), false)).isEqualTo(DELIVER);
    }

    @Test
    void ordersAreJudgedApartAndAnUnknownStateIsNeverHeldBack() {
        assertThat(progress.judge(event("a", OrderState.DONE, "1"), false)).isEqualTo(DELIVER);
        assertThat(progress.judge(event("b", OrderState.WAIT, "0"), false)).isEqualTo(DELIVER);
        assertThat(progress.judge(event("a", OrderState.UNKNOWN, "0"), false)).isEqualTo(DELIVER);
    }

    @Test
    void memoryIsBoundedToTheOrdersSeenLast() {
        for (int i = 0; i <= OrderProgress.MAX_ORDERS; i++) {
            progress.judge(event("o" + i, OrderState.DONE, "1"), false);
        }
        // the first one was forgotten: judged afresh
        assertThat(progress.judge(event("o0", OrderState.WAIT, "0"), false)).isEqualTo(DELIVER);
        assertThat(progress.judge(event("o" + OrderProgress.MAX_ORDERS, OrderState.WAIT, "0"), false))
                .isEqualTo(STALE);
    }

    private static MyOrderEvent event(String uuid, OrderState state, String executed) {
        return new MyOrderEvent("KRW-BTC", uuid, AskBid.BID, OrderType.LIMIT, state, null, null, null, null, null,
                new BigDecimal(executed), null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, 1L, StreamType.REALTIME);
    }
}
