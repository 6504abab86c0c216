package io.camelupbit.test;

/** The {@code error.name} values of Upbit's error frame (upbit-protocol.md §5). */
final class ErrorNames {

    static final String INVALID_AUTH = "INVALID_AUTH";
    static final String WRONG_FORMAT = "WRONG_FORMAT";
    static final String NO_TICKET = "NO_TICKET";
    static final String NO_TYPE = "NO_TYPE";
    static final String NO_CODES = "NO_CODES";
    static final String INVALID_PARAM = "INVALID_PARAM";
    /** More than 100 indicator combinations in one request (research-new-streams.md §b.2). */
    static final String TOO_MANY_REQUEST = "TOO_MANY_REQUEST";
    /**
     * The simulator's own name for an over-limit message when {@link OverLimitBehavior#ERROR_FRAME} is chosen.
     * Upbit documents no rate-limit error name (upbit-protocol.md §5: even {@code TOO_MANY_SUBSCRIBE} appears
     * nowhere), so a client must not rely on this one.
     */
    static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";

    private ErrorNames() {
    }
}
