package io.camelupbit.test;

/**
 * The answer of an endpoint, before the headers.
 *
 * @param status    the HTTP status
 * @param json      the body
 * @param errorName the {@code error.name} of an error answer, else {@code null}
 */
record RestResponse(int status, String json, String errorName) {

    static RestResponse ok(String json) {
        return new RestResponse(200, json, null);
    }

    /** Upbit answers a new (or test) order with 201 Created. */
    static RestResponse created(String json) {
        return new RestResponse(201, json, null);
    }

    static RestResponse error(RestFailure failure) {
        return new RestResponse(failure.status(), RestJson.error(failure), failure.name());
    }
}
