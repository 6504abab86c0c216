package io.camelupbit;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.support.PollingConsumerSupport;

import io.camelupbit.event.AnnouncementEvent;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.UpbitEvent;
import io.camelupbit.session.ReceivedEvent;

/**
 * {@code pollEnrich}, {@code ConsumerTemplate} and other pollers of a stream endpoint: each poll answers the newest
 * event of the endpoint's codes (one code: the event; several: a {@code List}, one per code with data, in the codes'
 * order), never a queue of old ones. The endpoint's pollers share one {@link NewestEvents}.
 */
final class UpbitPollingConsumer extends PollingConsumerSupport {

    private final NewestEvents newest;
    private final boolean single;
    private final boolean json;
    private final int depth;

    UpbitPollingConsumer(UpbitEndpoint endpoint, NewestEvents newest, int codes) {
        super(endpoint);
        this.newest = newest;
        this.single = codes == 1;
        this.json = endpoint.getConfiguration().isJsonBody();
        this.depth = endpoint.spec().depth();
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
        if (single) {
            ReceivedEvent received = events.get(0);
            exchange.setIn(new UpbitMessage(exchange, body(received), received.event(), received.receivedAt(), 0,
                    false, false));
        } else {
            List<Object> bodies = new ArrayList<>(events.size());
            for (ReceivedEvent received : events) {
                bodies.add(body(received));
            }
            exchange.getIn().setBody(bodies);
        }
        return exchange;
    }

    private Object body(ReceivedEvent received) {
        if (json) {
            return received.json();
        }
        UpbitEvent event = received.event();
        if (event instanceof OrderbookEvent book) {
            return book.withDepth(depth);
        }
        return event instanceof AnnouncementEvent notice ? notice.withoutBody() : event;
    }

    @Override
    protected void doStart() {
    }

    @Override
    protected void doStop() {
    }
}
