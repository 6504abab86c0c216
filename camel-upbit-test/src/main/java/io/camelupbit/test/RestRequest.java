package io.camelupbit.test;

/**
 * One REST request as it arrived.
 *
 * @param method        the HTTP method
 * @param path          the path without the query
 * @param query         the raw query string without {@code ?}, empty when none
 * @param body          the body as UTF-8 text, empty when none
 * @param authorization the {@code Authorization} header, or {@code null}
 * @param clientIp      the address of the peer, which the Quotation limits count per
 */
record RestRequest(String method, String path, String query, String body, String authorization, String clientIp) {

    /** The parameters: the JSON body of a POST (Upbit takes no form bodies since 2022), else the query string. */
    RestParams params() {
        return "POST".equals(method) ? RestParams.ofJsonBody(body) : RestParams.ofQuery(query);
    }
}
