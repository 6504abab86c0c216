package io.camelupbit.test;

/**
 * An error answer, thrown where a check fails and written as Upbit's error body
 * <code>{"error":{"name":...,"message":...}}</code> (research-rest.md §4). The Quotation API writes its name as the
 * HTTP status, an integer ({@link #quotation}). Carries no stack trace: it is an answer, not a bug.
 */
final class RestFailure extends RuntimeException {

    private final int status;
    private final String name;
    private final boolean numericName;

    private RestFailure(int status, String name, boolean numericName, String message) {
        super(message, null, false, false);
        this.status = status;
        this.name = name;
        this.numericName = numericName;
    }

    RestFailure(int status, String name, String message) {
        this(status, name, false, message);
    }

    static RestFailure badRequest(String name, String message) {
        return new RestFailure(400, name, message);
    }

    static RestFailure unauthorized(String name, String message) {
        return new RestFailure(401, name, message);
    }

    /** Upbit's {@code validation_error}: a required parameter is missing (or the request cannot be read). */
    static RestFailure missing(String parameter) {
        return badRequest(RestErrorNames.VALIDATION_ERROR, parameter + " is missing");
    }

    /** Upbit's {@code invalid_parameter}: a value out of its format, set or range. */
    static RestFailure invalid(String detail) {
        return badRequest(RestErrorNames.INVALID_PARAMETER, "잘못된 파라미터: " + detail);
    }

    /** A 400 of the Quotation API, whose {@code name} is the integer 400 (error-quotation.json). */
    static RestFailure quotation(String message) {
        return new RestFailure(400, "400", true, message);
    }

    int status() {
        return status;
    }

    /** The {@code error.name}; the status's digits when {@link #numericName()}. */
    String name() {
        return name;
    }

    /** Whether {@code error.name} is written as a JSON number (the Quotation API). */
    boolean numericName() {
        return numericName;
    }
}
