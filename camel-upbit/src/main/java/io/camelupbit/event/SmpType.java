package io.camelupbit.event;

/**
 * Self-match prevention mode of an order. Since 2026-11-09 every order carries one: {@code cancel_maker} when none was
 * asked for, {@code none} for no prevention (https://docs.upbit.com/kr/changelog/add-smp-type-default).
 */
public enum SmpType {
    /** No self-match prevention: orders of one account may fill each other. */
    NONE,
    REDUCE,
    CANCEL_MAKER,
    CANCEL_TAKER,
    /** A value this version does not know; kept so a new value from Upbit never breaks a route. */
    UNKNOWN;

    /** Maps Upbit's text to a constant, {@link #UNKNOWN} for anything unexpected. */
    public static SmpType of(String text) {
        return switch (text) {
            case "none" -> NONE;
            case "reduce" -> REDUCE;
            case "cancel_maker" -> CANCEL_MAKER;
            case "cancel_taker" -> CANCEL_TAKER;
            default -> UNKNOWN;
        };
    }
}
