package io.camelupbit.rest;

/**
 * A successful REST operation.
 *
 * @param value        the answer read into its record(s)
 * @param remainingReq Upbit's {@code Remaining-Req} header as sent (e.g. {@code group=default; min=1799; sec=29}), or
 *                     {@code null}
 * @param attempts     how many requests it took (more than 1 after a 429, a lost connection or a 5xx)
 */
public record RestResult<T>(T value, String remainingReq, int attempts) {
}
