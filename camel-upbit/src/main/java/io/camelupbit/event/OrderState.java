package io.camelupbit.event;

/** State an order event reports; {@code TRADE} means the event is a fill. */
public enum OrderState {
    /** Open, waiting in the book. */
    WAIT,
    /** A reserved (stop) order waiting for its trigger. */
    WATCH,
    /** This event reports a fill. */
    TRADE,
    /** Fully filled. */
    DONE,
    /** Cancelled. */
    CANCEL,
    /** Stopped by self-trade prevention. */
    PREVENTED,
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN;

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static OrderState of(String text) {
        return switch (text) {
            case "wait" -> WAIT;
            case "watch" -> WATCH;
            case "trade" -> TRADE;
            case "done" -> DONE;
            case "cancel" -> CANCEL;
            case "prevented" -> PREVENTED;
            default -> UNKNOWN;
        };
    }
}
