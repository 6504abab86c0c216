package io.camelupbit;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.support.PollingConsumerSupport;

import io.camelupbit.session.ReceivedEvent;

/**
 * {@code pollEnrich}, {@code ConsumerTemplate} and other pollers of a stream endpoint: each poll answers the newest
 * event of the endpoint's codes (one code: the event; several: a {@code List}, one per code with data, in the codes'
 * order), never a queue of old ones. The endpoint's pollers share one {@link NewestEvents}.
 */
final class UpbitPollingConsumer extends PollingConsumerSupport {

    private final NewestEvents newest;

    UpbitPollingConsumer(UpbitEndpoint endpoint, NewestEvents newest) {
        super(endpoint);
        this.newest = newest;
    }

    @Override
    public Exchange receive() {
        // no timeout: wait until the endpoint's every code has an event
        return receive(Long.MAX_VALUE);
    }

    @Override
    public Exchange receiveNoWait() {
        return receive(0);
    }

    @Override
    public Exchange receive(long timeout) {
        List<ReceivedEvent> events;
        try {
            events = newest.poll(Math.max(0, timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (events.isEmpty()) {
            return null;
        }
        Exchange exchange = getEndpoint().createExchange();
        newest.answer(exchange, events, false);
        return exchange;
    }

    @Override
    protected void doStart() {
    }

    @Override
    protected void doStop() {
    }
}
