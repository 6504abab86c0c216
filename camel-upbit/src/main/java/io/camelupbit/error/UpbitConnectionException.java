package io.camelupbit.wire;

/** The connection to Upbit could not be (re-)established within the configured attempts. */
public class UpbitConnectionException extends RuntimeException {

    public UpbitConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
