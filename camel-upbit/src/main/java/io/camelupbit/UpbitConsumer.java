package io.camelupbit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;
import io.camelupbit.session.ClosedCandles;
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
    private boolean jsonBody;
    private ClosedCandles closedCandles;
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
    public boolean wantsJson() {
        return jsonBody;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        UpbitEndpoint endpoint = getEndpoint();
        UpbitConfiguration configuration = endpoint.getConfiguration();
        spec = endpoint.spec();
        jsonBody = configuration.isJsonBody();
        closedCandles = configuration.isClosedOnly() ? new ClosedCandles() : null;
        mailbox = new Mailbox<>(endpoint.getComponent().deliveryExecutor(), this::deliver);
        session = endpoint.getComponent().session(configuration);
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
        if (closedCandles != null) {
            received = closedCandles.offer(received);
            if (received == null) {
                return;
            }
        }
        UpbitEvent event = received.event();
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setBody(jsonBody ? received.json() : trimmed(event));
            setHeaders(message, event, received.receivedAt());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing Upbit event", exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    /** An orderbook cut to this route's depth: the session asks Upbit for the deepest book any route wants. */
    private Object trimmed(UpbitEvent event) {
        return event instanceof OrderbookEvent book ? book.withDepth(spec.depth()) : event;
    }

    private static void setHeaders(Message message, UpbitEvent event, long receivedAt) {
        message.setHeader(UpbitConstants.TYPE, event.type());
        if (event.code() != null) {
            message.setHeader(UpbitConstants.CODE, event.code());
        }
        message.setHeader(UpbitConstants.STREAM_TYPE, event.streamType());
        message.setHeader(UpbitConstants.TIMESTAMP, event.timestamp());
        message.setHeader(UpbitConstants.RECEIVED_TIMESTAMP, receivedAt);
        if (event instanceof TradeEvent trade) {
            message.setHeader(UpbitConstants.SEQUENTIAL_ID, trade.sequentialId());
        } else if (event instanceof MyOrderEvent order) {
            message.setHeader(UpbitConstants.ORDER_UUID, order.uuid());
            if (order.tradeUuid() != null) {
                message.setHeader(UpbitConstants.TRADE_UUID, order.tradeUuid());
            }
        } else if (event instanceof MyAssetEvent asset) {
            message.setHeader(UpbitConstants.ASSET_UUID, asset.assetUuid());
        }
    }
}
