package io.camelupbit.event;

/** Side of a trade or order: {@code ASK} sells, {@code BID} buys. */
public enum AskBid {
    ASK,
    BID,
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN;

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static AskBid of(String text) {
        return switch (text) {
            case "ASK" -> ASK;
            case "BID" -> BID;
            default -> UNKNOWN;
        };
    }
}
