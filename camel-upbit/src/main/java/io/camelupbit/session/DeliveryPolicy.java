package io.camelupbit.session;

/**
 * How a subscriber's events wait for its route.
 *
 * @param latest      conflate per market: only the newest event of each market waits (ticker, orderbook, candle)
 * @param dropOldest  when the queue is full, drop its oldest event instead of pausing the connection
 * @param mailboxSize how many events may wait (queue mode)
 */
public record DeliveryPolicy(boolean latest, boolean dropOldest, int mailboxSize) {

    public DeliveryPolicy {
        if (mailboxSize < 1) {
            throw new IllegalArgumentException("mailboxSize must be at least 1");
        }
    }
}
