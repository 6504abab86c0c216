package io.camelupbit.test;

/**
 * The outcome of reading one client message: a request or the error to answer with, and whether it was a subscribe
 * request at all (had data-type objects), which the recorder reports whether or not it was valid.
 */
record ParsedMessage(Request request, RequestException error, boolean subscribeRequest) {

    static ParsedMessage valid(Request request, boolean subscribeRequest) {
        return new ParsedMessage(request, null, subscribeRequest);
    }

    static ParsedMessage invalid(RequestException error, boolean subscribeRequest) {
        return new ParsedMessage(null, error, subscribeRequest);
    }
}
