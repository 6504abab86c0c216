package io.camelupbit.session;

/**
 * One route's event accounting, read at one instant: {@code routed = filtered + conflated + dropped + delivered +
 * pending} always holds.
 *
 * @param routed    events the session's index routed to the route
 * @param filtered  turned away by the route's spec: snapshot mode, orderbook level, a snapshot it already had
 * @param conflated replaced by a newer event of their market ({@code delivery=latest}), or candles replaced within
 *                  their period ({@code closedOnly})
 * @param dropped   dropped by {@code overflow=dropOldest}, or left behind by a forced shutdown
 * @param delivered finished by the route
 * @param pending   waiting in the mailbox, in process, or held until their candle period ends
 */
public record DeliveryStats(long routed, long filtered, long conflated, long dropped, long delivered, long pending) {

    /** Whether every routed event is accounted for. */
    public boolean balanced() {
        return routed == filtered + conflated + dropped + delivered + pending;
    }
}
