package io.camelupbit.event;

/** Investment warning flag of a market (deprecated by Upbit, still sent). */
public enum MarketWarning {
    NONE,
    CAUTION,
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN;

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static MarketWarning of(String text) {
        return switch (text) {
            case "NONE" -> NONE;
            case "CAUTION" -> CAUTION;
            default -> UNKNOWN;
        };
    }
}
