package io.camelupbit.event;

/** Kind of order: {@code limit}, {@code price} (market buy by amount), {@code market} (market sell), {@code best} (best-price order). */
public enum OrderType {
    LIMIT,
    PRICE,
    MARKET,
    BEST,
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN;

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static OrderType of(String text) {
        return switch (text) {
            case "limit" -> LIMIT;
            case "price" -> PRICE;
            case "market" -> MARKET;
            case "best" -> BEST;
            default -> UNKNOWN;
        };
    }
}
