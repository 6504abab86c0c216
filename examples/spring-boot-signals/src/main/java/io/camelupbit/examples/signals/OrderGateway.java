package io.camelupbit.examples.signals;

/** Where a signal goes: an order at the exchange, or just a log line. */
public interface OrderGateway {

    /**
     * Acts on a signal.
     *
     * @param signal the signal
     * @throws RuntimeException when the downstream refused or failed: the circuit breaker counts it
     */
    void submit(Signal signal);
}
