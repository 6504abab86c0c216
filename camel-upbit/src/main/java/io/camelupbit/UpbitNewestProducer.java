package io.camelupbit;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

import io.camelupbit.error.UpbitPollTimeoutException;
import io.camelupbit.session.ReceivedEvent;

/**
 * {@code to("upbit:ticker?codes=KRW-BTC")} and {@code enrich(...)}: sets the body to the newest event of the endpoint's
 * codes, as a poll answers it (the message's other headers stay). The first call subscribes and waits up to
 * {@code pollTimeout} for an event of each code; when none came, the exchange fails with
 * {@link UpbitPollTimeoutException}.
 */
final class UpbitNewestProducer extends DefaultProducer {

    private final NewestEvents newest;
    private final long timeoutMillis;

    UpbitNewestProducer(UpbitEndpoint endpoint, NewestEvents newest, long timeoutMillis) {
        super(endpoint);
        this.newest = newest;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        List<ReceivedEvent> events = newest.poll(timeoutMillis);
        if (events.isEmpty()) {
            UpbitConfiguration configuration = ((UpbitEndpoint) getEndpoint()).getConfiguration();
            throw new UpbitPollTimeoutException("no upbit:" + configuration.getType() + " event of "
                    + configuration.getCodes() + " within pollTimeout (" + timeoutMillis + " ms)", timeoutMillis);
        }
        newest.answer(exchange, events, true);
    }
}
