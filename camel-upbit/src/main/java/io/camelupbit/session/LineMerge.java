package io.camelupbit.session;

import java.util.List;

import io.camelupbit.event.UpbitEvent;

/**
 * One route's events of one kind from several lines merged into one stream in Upbit's order: a line feeds the route
 * while it is in step with it, a line ahead holds its events back until the route reaches them, and when no line is in
 * step any more what waits goes. {@link TradeLines} for trades (each once), {@link StateLines} for states (newest
 * wins). Event-loop confined, one per route.
 */
interface LineMerge {

    /**
     * An event arrived on the line in {@code slot}. Events held back that must go first are added to
     * {@code released}, in order; the caller then delivers them, then this event when the outcome says so (and then
     * calls {@link #caughtUp}).
     */
    LineOutcome arrived(int slot, UpbitEvent event, long nowNanos, List<ReceivedEvent> released);

    /** Holds the event back on its line (after {@link LineOutcome#WAIT}). */
    void hold(int slot, ReceivedEvent event);

    /** The route got this event from the line in {@code slot}: what waits on other lines and now follows goes. */
    void caughtUp(int slot, UpbitEvent delivered, long nowNanos, List<ReceivedEvent> released);

    /** A line may be gone: what waits on other lines while no line is in step goes now. */
    void releaseAll(long nowNanos, List<ReceivedEvent> released);

    /** Whether events wait on the line in this slot: it is not in step with the route yet. */
    boolean waitingOn(int slot);
}
