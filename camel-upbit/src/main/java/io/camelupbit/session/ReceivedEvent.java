package io.camelupbit.session;

import io.camelupbit.event.UpbitEvent;

/**
 * A decoded event with the time its frame arrived. Built once per event and shared by every subscriber it goes to.
 *
 * @param event      the typed event
 * @param receivedAt wall-clock arrival time of its frame, epoch milliseconds
 * @param json       the item's JSON text as Upbit sent it, when a subscriber of it asked for that; else {@code null}
 * @param resync     whether this is the route's first event of its market after the connection was lost and restored
 * @param reconciled whether it was read over REST after a gap (a reconciliation), not received on the stream
 */
public record ReceivedEvent(UpbitEvent event, long receivedAt, String json, boolean resync, boolean reconciled) {

    /** An event received on the stream. */
    public ReceivedEvent(UpbitEvent event, long receivedAt, String json, boolean resync) {
        this(event, receivedAt, json, resync, false);
    }

    /** A state read over REST by a reconciliation at {@code readAt}. */
    static ReceivedEvent reconciled(UpbitEvent event, long readAt) {
        return new ReceivedEvent(event, readAt, null, false, true);
    }

    /** This event, marked as the first of its market after a gap. */
    ReceivedEvent resynced() {
        return new ReceivedEvent(event, receivedAt, json, true, reconciled);
    }
}
