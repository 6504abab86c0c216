package io.camelupbit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelupbit.session.Delivery;
import io.camelupbit.session.DeliveryPolicy;
import io.camelupbit.session.ReceivedEvent;
import io.camelupbit.session.UpbitSession;

/**
 * The newest event of each of an endpoint's codes, for polling: fed from the shared channel like a route, but holding
 * one event per code instead of a queue, so it never pauses the connection. The first poll subscribes; a check every
 * half {@code pollIdleTimeout} unsubscribes when no poll came for that long (and forgets the events: a later poll waits
 * for a fresh snapshot). Every poller of the endpoint shares it.
 */
final class NewestEvents implements Delivery.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(NewestEvents.class);

    private final UpbitEndpoint endpoint;
    /** The endpoint's codes in the order its URI gives them. */
    private final List<String> codes;
    private final long idleMillis;
    private final ScheduledExecutorService scheduler;

    // guarded by this
    private final Map<String, ReceivedEvent> newest = new LinkedHashMap<>();
    private Delivery delivery;
    private List<UpbitSession> sessions = List.of();
    private ScheduledFuture<?> idleCheck;
    private long lastPollNanos;
    private boolean stopped;

    NewestEvents(UpbitEndpoint endpoint, List<String> codes, long idleMillis, ScheduledExecutorService scheduler) {
        this.endpoint = endpoint;
        this.codes = codes;
        this.idleMillis = idleMillis;
        this.scheduler = scheduler;
    }

    /**
     * The newest event of each code that has one, in the codes' order, waiting up to {@code timeoutMillis} for every
     * code to have one (0: no wait); empty when none has.
     */
    synchronized List<ReceivedEvent> poll(long timeoutMillis) throws InterruptedException {
        if (stopped) {
            throw new IllegalStateException("upbit:" + endpoint.getConfiguration().getType() + " is stopped");
        }
        lastPollNanos = System.nanoTime();
        subscribe();
        // elapsed time against the wait, not a deadline: receive() waits Long.MAX_VALUE, which a deadline overflows
        long wait = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long start = System.nanoTime();
        long left;
        while (newest.size() < codes.size() && (left = wait - (System.nanoTime() - start)) > 0) {
            RuntimeException rejection = delivery.rejection();
            if (rejection != null) {
                throw rejection;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        List<ReceivedEvent> events = new ArrayList<>(newest.size());
        for (String code : codes) {
            ReceivedEvent event = newest.get(code);
            if (event != null) {
                events.add(event);
            }
        }
        return Collections.unmodifiableList(events);
    }

    /**
     * Puts the polled events on the exchange: one code, the event (or its JSON) with the usual headers; several, a
     * {@code List} of them.
     *
     * @param keepHeaders whether the exchange's message stays, with its headers (a producer in a route), or is replaced
     */
    void answer(Exchange exchange, List<ReceivedEvent> events, boolean keepHeaders) {
        if (codes.size() == 1) {
            ReceivedEvent received = events.get(0);
            UpbitMessage message = new UpbitMessage(exchange, body(received), received.event(),
                    received.receivedAt(), 0, false, false);
            if (keepHeaders) {
                exchange.getMessage().getHeaders().putAll(message.getHeaders());
                exchange.getMessage().setBody(message.getBody());
            } else {
                exchange.setIn(message);
            }
        } else {
            List<Object> bodies = new ArrayList<>(events.size());
            for (ReceivedEvent received : events) {
                bodies.add(body(received));
            }
            exchange.getMessage().setBody(bodies);
        }
    }

    private Object body(ReceivedEvent received) {
        UpbitConfiguration configuration = endpoint.getConfiguration();
        if (configuration.isJsonBody()) {
            return received.json();
        }
        return UpbitConsumer.trimmed(received.event(), endpoint.spec().depth(), configuration.isIncludeBody());
    }

    private void subscribe() {
        if (delivery != null) {
            return;
        }
        UpbitConfiguration configuration = endpoint.getConfiguration();
        // only the newest event per market waits, so the poll never holds up the connection
        delivery = new Delivery(endpoint.spec(), new DeliveryPolicy(true, false, 1), configuration.isJsonBody(), false,
                endpoint.getComponent().deliveryExecutor(), this);
        sessions = endpoint.getComponent().join(configuration, delivery, false);
        long period = Math.max(1, idleMillis / 2);
        idleCheck = scheduler.scheduleWithFixedDelay(this::leaveIfIdle, period, period, TimeUnit.MILLISECONDS);
        LOG.debug("Polling upbit:{} subscribed {}", configuration.getType(), codes);
    }

    private synchronized void leaveIfIdle() {
        if (delivery != null && System.nanoTime() - lastPollNanos >= TimeUnit.MILLISECONDS.toNanos(idleMillis)) {
            LOG.debug("Polling upbit:{} unsubscribes {}: no poll for {} ms", endpoint.getConfiguration().getType(),
                    codes, idleMillis);
            leave();
        }
    }

    private void leave() {
        endpoint.getComponent().leave(sessions, delivery);
        idleCheck.cancel(false);
        delivery = null;
        sessions = List.of();
        newest.clear();
    }

    synchronized void stop() {
        stopped = true;
        if (delivery != null) {
            leave();
        }
        notifyAll();
    }

    @Override
    public void process(ReceivedEvent event, long droppedBefore, Delivery.Completion completion) {
        synchronized (this) {
            if (delivery != null) {
                newest.put(event.event().code(), event);
                notifyAll();
            }
        }
        completion.completed(false);
    }

    @Override
    public void onError(Throwable cause) {
        LOG.warn("Polling upbit:{} {}: {}", endpoint.getConfiguration().getType(), codes, cause.getMessage());
    }

    @Override
    public void onFailure(ReceivedEvent event, Throwable cause) {
        LOG.warn("Polling upbit:{} could not keep an event of {}: {}", endpoint.getConfiguration().getType(),
                event.event().code(), cause.toString());
    }
}
