package io.camelupbit.examples.signals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What became of each signal behind the circuit breaker: delivered to the order gateway, or rejected (the gateway
 * failed, or the breaker was open and did not call it). Counted in the meters {@code signals.delivered} and
 * {@code signals.rejected} (tag {@code side}); the most recent ones are kept for inspection.
 */
public class SignalDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(SignalDeliveries.class);
    private static final int KEPT = 1000;

    private final MeterRegistry meters;
    private final Deque<Signal> delivered = new ArrayDeque<>();
    private final Deque<Rejection> rejected = new ArrayDeque<>();

    /**
     * @param meters where the counters go
     */
    public SignalDeliveries(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Records a signal the gateway took. */
    public synchronized void delivered(Signal signal) {
        meters.counter("signals.delivered", "side", signal.side().name()).increment();
        keep(delivered, signal);
    }

    /**
     * Records a signal the circuit breaker's fallback got.
     *
     * @param signal   the signal
     * @param exchange its exchange, which tells whether the breaker was open or the gateway failed
     */
    public synchronized void rejected(Signal signal, Exchange exchange) {
        // camel-resilience4j marks every fallback "short-circuited"; what tells an open breaker from a failed call is
        // the caught exception: a call the breaker did not permit never ran, so there is none
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        boolean open = failure == null;
        String reason = open ? Rejection.BREAKER_OPEN : String.valueOf(failure.getMessage());
        LOG.warn("Signal {} not delivered: {}", signal.id(), reason);
        meters.counter("signals.rejected", "side", signal.side().name()).increment();
        keep(rejected, new Rejection(signal, open, reason));
    }

    /** The signals delivered, oldest first (the most recent only). */
    public synchronized List<Signal> delivered() {
        return List.copyOf(delivered);
    }

    /** The signals rejected, oldest first (the most recent only). */
    public synchronized List<Rejection> rejected() {
        return List.copyOf(rejected);
    }

    private static <T> void keep(Deque<T> kept, T item) {
        kept.addLast(item);
        if (kept.size() > KEPT) {
            kept.removeFirst();
        }
    }

    /**
     * A signal that did not reach the gateway.
     *
     * @param signal      the signal
     * @param breakerOpen whether the open breaker turned it away without calling the gateway
     * @param reason      why
     */
    public record Rejection(Signal signal, boolean breakerOpen, String reason) {
        /** The reason of a signal the open breaker turned away. */
        public static final String BREAKER_OPEN = "circuit breaker open";
    }
}
