package io.camelupbit.session;

/**
 * A receiver of events from a session (a Camel consumer implements it). The session calls it on its I/O thread, so
 * implementations hand events off and return at once.
 */
public interface Subscriber {

    /** What this subscriber wants; constant while it is registered. */
    SubscriptionSpec spec();

    /** Whether this subscriber wants each item's JSON text too ({@link ReceivedEvent#json()}). */
    default boolean wantsJson() {
        return false;
    }

    /** An event matching the spec. */
    void onEvent(ReceivedEvent event);

    /** A failure that concerns this subscriber, e.g. an Upbit error frame. */
    void onError(Throwable cause);
}
