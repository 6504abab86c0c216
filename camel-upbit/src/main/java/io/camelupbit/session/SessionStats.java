package io.camelupbit.session;

/**
 * A session's counters at one instant.
 *
 * @param framesReceived        WebSocket data frames received
 * @param eventsDecoded         data items decoded into events
 * @param eventsUnrouted        decoded events no route wanted
 * @param subscriberVisits      routes the dispatch visited (only those that named the event's type and code)
 * @param decodeErrors          malformed frames and undeliverable items (a key malformed) skipped
 * @param fieldErrors           malformed fields read as {@code null} in events that were delivered
 * @param errorFrames           Upbit error frames received
 * @param subscribeMessagesSent subscribe requests sent
 * @param connects              connections established
 * @param routes                routes registered
 * @param readingPaused         whether the session has stopped reading for full mailboxes
 * @param pausingRoutes         routes whose full mailbox asks it to stop reading, as they are at this instant (reading
 *                              is off only while this is above 0, but for a notification still on its way)
 * @param pauses                times reading was paused
 * @param marketsTracked        the most markets one route holds per-market state for (at most 10,000)
 */
public record SessionStats(long framesReceived, long eventsDecoded, long eventsUnrouted, long subscriberVisits,
        long decodeErrors, long fieldErrors, long errorFrames, long subscribeMessagesSent, long connects, int routes,
        boolean readingPaused, int pausingRoutes, long pauses, int marketsTracked) {
}
