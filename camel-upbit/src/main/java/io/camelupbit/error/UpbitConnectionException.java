package io.camelupbit.error;

/** The connection to Upbit could not be (re-)established within the configured attempts. */
public class UpbitConnectionException extends UpbitException {

    public UpbitConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
