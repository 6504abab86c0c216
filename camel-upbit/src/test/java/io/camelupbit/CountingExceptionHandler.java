package io.camelupbit;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/** A consumer exception handler that counts what it is handed (bind it and use {@code exceptionHandler=#name}). */
public final class CountingExceptionHandler implements ExceptionHandler {

    private final AtomicLong handled = new AtomicLong();

    /** Exceptions handed over so far. */
    public long handled() {
        return handled.get();
    }

    @Override
    public void handleException(Throwable exception) {
        handled.incrementAndGet();
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handled.incrementAndGet();
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        handled.incrementAndGet();
    }
}
