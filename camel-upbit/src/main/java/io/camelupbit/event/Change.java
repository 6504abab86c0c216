package io.camelupbit.event;

/** Direction of the price change against the previous close. */
public enum Change {
    RISE,
    EVEN,
    FALL,
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN;

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static Change of(String text) {
        return switch (text) {
            case "RISE" -> RISE;
            case "EVEN" -> EVEN;
            case "FALL" -> FALL;
            default -> UNKNOWN;
        };
    }
}
