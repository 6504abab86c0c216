package io.camelupbit.event;

/** How a moving average weighs its candles. */
public enum MovingAverageType {
    /** Simple: every close of the period counts the same. */
    SMA,
    /** Exponential: recent closes count more. */
    EMA,
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN;

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static MovingAverageType of(String text) {
        return switch (text) {
            case "SMA" -> SMA;
            case "EMA" -> EMA;
            default -> UNKNOWN;
        };
    }
}
