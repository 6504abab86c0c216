package io.camelupbit.session;

import io.camelupbit.event.UpbitEvent;

/**
 * A decoded event with the time its frame arrived. Built once per event and shared by every subscriber it goes to.
 *
 * @param event      the typed event
 * @param receivedAt wall-clock arrival time of its frame, epoch milliseconds
 * @param json       the item's JSON text as Upbit sent it, when a subscriber of it asked for that; else {@code null}
 */
public record ReceivedEvent(UpbitEvent event, long receivedAt, String json) {
}
