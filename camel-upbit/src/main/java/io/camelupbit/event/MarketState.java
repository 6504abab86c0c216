package io.camelupbit.event;

/** Trading state of a market. */
public enum MarketState {
    PREVIEW,
    ACTIVE,
    DELISTED,
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN;

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static MarketState of(String text) {
        return switch (text) {
            case "PREVIEW" -> PREVIEW;
            case "ACTIVE" -> ACTIVE;
            case "DELISTED" -> DELISTED;
            default -> UNKNOWN;
        };
    }
}
