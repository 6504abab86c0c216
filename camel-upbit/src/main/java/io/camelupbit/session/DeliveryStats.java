package io.camelupbit.session;

/**
 * One route's event accounting, read at one instant: {@code routed = filtered + conflated + dropped + delivered +
 * failed + pending} always holds.
 *
 * @param routed     events the session's index routed to the route
 * @param filtered   turned away by the route's spec: snapshot mode, orderbook level, a snapshot it already had, a trade
 *                   it already had
 * @param conflated  replaced by a newer event of their market ({@code delivery=latest}), or candles replaced within
 *                   their period ({@code closedOnly})
 * @param dropped    dropped by {@code overflow=dropOldest}, or left behind by a forced shutdown
 * @param delivered  finished by the route
 * @param failed     could not be built into an exchange, or ended with an exception the route did not handle (handed
 *                   to the route's exception handler; not delivered)
 * @param pending    waiting in the mailbox, in process, or held until their candle period ends
 * @param duplicates of the filtered ones: repeats of a trade the route already had ({@code duplicatesSuppressed})
 */
public record DeliveryStats(long routed, long filtered, long conflated, long dropped, long delivered, long failed,
        long pending, long duplicates) {

    /** Whether every routed event is accounted for. */
    public boolean balanced() {
        return routed == filtered + conflated + dropped + delivered + failed + pending;
    }
}
