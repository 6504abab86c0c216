package io.camelupbit.event;

/** Time-in-force condition of an order. */
public enum TimeInForce {
    IOC,
    FOK,
    POST_ONLY,
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN;

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static TimeInForce of(String text) {
        return switch (text) {
            case "ioc" -> IOC;
            case "fok" -> FOK;
            case "post_only" -> POST_ONLY;
            default -> UNKNOWN;
        };
    }
}
