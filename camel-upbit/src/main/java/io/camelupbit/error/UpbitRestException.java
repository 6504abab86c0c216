package io.camelupbit.error;

/**
 * Upbit refused a REST request, or no usable answer came: the HTTP status (0 when none came), Upbit's error name (e.g.
 * {@code insufficient_funds_bid}, {@code invalid_query_payload}; {@code null} when the answer had none) and its
 * message. Never carries a key, a token or an answer's body.
 */
public final class UpbitRestException extends UpbitException {

    private final int status;
    private final String errorName;

    public UpbitRestException(String request, int status, String errorName, String message, Throwable cause) {
        super(request + " failed" + (status > 0 ? " with HTTP " + status : "")
                + (errorName != null ? " " + errorName : "") + (message != null ? ": " + message : ""), cause);
        this.status = status;
        this.errorName = errorName;
    }

    /** The HTTP status, 0 when no answer came. */
    public int getStatus() {
        return status;
    }

    /** Upbit's error name, {@code null} when the answer had none. */
    public String getErrorName() {
        return errorName;
    }
}
