package io.camelupbit.test;

/** The {@code error.name} values of Upbit's REST answers that the simulator sends (research-rest.md §4). */
final class RestErrorNames {

    static final String VALIDATION_ERROR = "validation_error";
    static final String INVALID_PARAMETER = "invalid_parameter";
    static final String NOT_FOUND_MARKET = "notfoundmarket";
    static final String CREATE_BID_ERROR = "create_bid_error";
    static final String CREATE_ASK_ERROR = "create_ask_error";
    static final String INVALID_TIME_IN_FORCE = "invalid_time_in_force";
    static final String INVALID_POST_ONLY = "invalid_post_only";
    static final String DUPLICATED_IDENTIFIER = "duplicated_identifier";
    static final String UNDER_MIN_TOTAL_BID = "under_min_total_bid";
    static final String UNDER_MIN_TOTAL_ASK = "under_min_total_ask";
    static final String OVER_KRW_FUNDS_BID = "over_krw_funds_bid";
    static final String INSUFFICIENT_FUNDS_BID = "insufficient_funds_bid";
    static final String INSUFFICIENT_FUNDS_ASK = "insufficient_funds_ask";
    static final String ORDER_NOT_FOUND = "order_not_found";
    static final String NO_AUTHORIZATION_TOKEN = "no_authorization_token";
    static final String JWT_VERIFICATION = "jwt_verification";
    static final String INVALID_QUERY_PAYLOAD = "invalid_query_payload";
    static final String NONCE_USED = "nonce_used";
    /** The brief's name for an over-limit answer: Upbit documents none (its 429 carries "no error code"). */
    static final String TOO_MANY_REQUESTS = "too_many_requests";
    /** CNEW's 500 example. */
    static final String INTERNAL_SERVER_ERROR = "internal_server_error";
    /** The simulator's name for a path it does not serve: Upbit's 404 row has no code. */
    static final String NOT_FOUND = "not_found";

    private RestErrorNames() {
    }
}
