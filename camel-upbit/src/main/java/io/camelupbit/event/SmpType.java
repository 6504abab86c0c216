package io.camelupbit.event;

/** Self-match prevention mode of an order. */
public enum SmpType {
    REDUCE,
    CANCEL_MAKER,
    CANCEL_TAKER,
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN;

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static SmpType of(String text) {
        return switch (text) {
            case "reduce" -> REDUCE;
            case "cancel_maker" -> CANCEL_MAKER;
            case "cancel_taker" -> CANCEL_TAKER;
            default -> UNKNOWN;
        };
    }
}
