package io.camelupbit.error;

import org.apache.camel.RuntimeCamelException;

/**
 * The base of every exception camel-upbit raises: catch it with {@code onException(UpbitException.class)}.
 * <p>
 * A producer's failure (a REST operation, a poll that timed out) reaches the route's error handler as usual. A
 * consumer's (an error frame from Upbit, refused credentials, a connection that gave up) reaches it only with
 * {@code bridgeErrorHandler=true} on the endpoint; otherwise the consumer's exception handler logs it. Messages never
 * contain a key, a token or a REST answer's body.
 */
public class UpbitException extends RuntimeCamelException {

    public UpbitException(String message) {
        super(message);
    }

    public UpbitException(String message, Throwable cause) {
        super(message, cause);
    }
}
