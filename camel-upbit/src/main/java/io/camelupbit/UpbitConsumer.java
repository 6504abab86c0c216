package io.camelupbit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import io.camelupbit.event.UpbitEvent;
import io.camelupbit.session.Mailbox;
import io.camelupbit.session.ReceivedEvent;
import io.camelupbit.session.Subscriber;
import io.camelupbit.session.SubscriptionSpec;
import io.camelupbit.session.UpbitSession;

/**
 * Subscribes its endpoint's spec on the shared session and feeds each matching event into the route, on a worker
 * thread of the component's delivery pool (never on the WebSocket's I/O thread), in arrival order.
 */
public class UpbitConsumer extends DefaultConsumer implements Subscriber {

    private SubscriptionSpec spec;
    private UpbitSession session;
    private Mailbox<ReceivedEvent> mailbox;

    public UpbitConsumer(UpbitEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public UpbitEndpoint getEndpoint() {
        return (UpbitEndpoint) super.getEndpoint();
    }

    @Override
    public SubscriptionSpec spec() {
        return spec;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        UpbitComponent component = getEndpoint().getComponent();
        spec = getEndpoint().spec();
        mailbox = new Mailbox<>(component.deliveryExecutor(), this::deliver);
        session = component.publicSession();
        session.register(this);
    }

    @Override
    protected void doStop() throws Exception {
        if (session != null) {
            session.unregister(this);
            session = null;
        }
        super.doStop();
    }

    @Override
    public void onEvent(ReceivedEvent event) {
        mailbox.offer(event);
    }

    @Override
    public void onError(Throwable cause) {
        // the exception handler may route (bridgeErrorHandler): keep it off the I/O thread
        getEndpoint().getComponent().deliveryExecutor()
                .execute(() -> getExceptionHandler().handleException("Upbit reported an error", cause));
    }

    /** Mailbox outlet: one exchange per event, processed before the next one is taken. */
    private void deliver(ReceivedEvent received) {
        if (!isRunAllowed()) {
            return;
        }
        UpbitEvent event = received.event();
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setBody(event);
            message.setHeader(UpbitConstants.TYPE, event.type());
            message.setHeader(UpbitConstants.CODE, event.code());
            message.setHeader(UpbitConstants.STREAM_TYPE, event.streamType());
            message.setHeader(UpbitConstants.TIMESTAMP, event.timestamp());
            message.setHeader(UpbitConstants.RECEIVED_TIMESTAMP, received.receivedAt());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing Upbit event", exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
