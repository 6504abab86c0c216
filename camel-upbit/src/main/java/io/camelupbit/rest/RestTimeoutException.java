package io.camelupbit.rest;

import java.io.IOException;

/**
 * No complete answer came in time, or the connection ended before it: Upbit may or may not have processed the
 * request, so only a request that is safe to repeat (a read, or an order carrying an {@code identifier}) may be sent
 * again.
 */
public final class RestTimeoutException extends IOException {

    public RestTimeoutException(String message) {
        super(message);
    }
}
