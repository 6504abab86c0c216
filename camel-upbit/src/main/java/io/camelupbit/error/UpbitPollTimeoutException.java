package io.camelupbit.error;

/**
 * A producer on a stream type ({@code to("upbit:ticker?codes=KRW-BTC")}, {@code enrich(...)}) got no event of its
 * codes within {@code pollTimeout}: Upbit sent nothing for them yet (a market that does not trade, a code Upbit does
 * not list, a connection still opening).
 */
public class UpbitPollTimeoutException extends UpbitException {

    private final long timeoutMillis;

    public UpbitPollTimeoutException(String message, long timeoutMillis) {
        super(message);
        this.timeoutMillis = timeoutMillis;
    }

    /** The {@code pollTimeout} that passed, in milliseconds. */
    public long getTimeoutMillis() {
        return timeoutMillis;
    }
}
