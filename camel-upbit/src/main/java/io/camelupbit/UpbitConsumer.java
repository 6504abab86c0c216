package io.camelupbit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.Suspendable;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.DefaultConsumer;

import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;
import io.camelupbit.session.Delivery;
import io.camelupbit.session.DeliveryStats;
import io.camelupbit.session.ReceivedEvent;
import io.camelupbit.session.UpbitSession;

/**
 * Subscribes its endpoint's spec on the shared session and feeds each matching event into the route, on a worker of
 * the component's delivery pool (never on the WebSocket's I/O thread), in arrival order; an asynchronous route
 * finishes one event before the next starts. Suspending the route takes its spec out of the subscription; stopping it
 * first drains its mailbox (within Camel's shutdown timeout).
 */
public class UpbitConsumer extends DefaultConsumer implements Suspendable, ShutdownAware, Delivery.Sink {

    private Delivery delivery;
    private UpbitSession session;
    private boolean jsonBody;
    private int depth;

    public UpbitConsumer(UpbitEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public UpbitEndpoint getEndpoint() {
        return (UpbitEndpoint) super.getEndpoint();
    }

    /** This route's event accounting. */
    public DeliveryStats stats() {
        return delivery.stats();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        UpbitEndpoint endpoint = getEndpoint();
        UpbitConfiguration configuration = endpoint.getConfiguration();
        jsonBody = configuration.isJsonBody();
        depth = endpoint.spec().depth();
        delivery = new Delivery(endpoint.spec(), configuration.deliveryPolicy(), jsonBody,
                configuration.isClosedOnly(), endpoint.getComponent().deliveryExecutor(), this);
        session = endpoint.getComponent().session(configuration);
        session.register(delivery);
    }

    @Override
    protected void doStop() throws Exception {
        session.unregister(delivery);
        super.doStop();
    }

    @Override
    protected void doSuspend() throws Exception {
        session.unregister(delivery);
    }

    @Override
    protected void doResume() throws Exception {
        session.register(delivery);
    }

    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        // Camel asks this first when the route stops or suspends, then waits for getPendingExchangesSize() to reach
        // zero and only then calls prepareShutdown: so take no new events from here on, and stay up to drain
        session.unregister(delivery);
        return true;
    }

    @Override
    public int getPendingExchangesSize() {
        return delivery == null ? 0 : delivery.deliverable();
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        session.unregister(delivery);
        if (forced) {
            delivery.discard();
        }
    }

    @Override
    public void onError(Throwable cause) {
        getExceptionHandler().handleException("Upbit reported an error", cause);
    }

    @Override
    public boolean process(ReceivedEvent received, long droppedBefore, Runnable asyncCompletion) {
        UpbitEvent event = received.event();
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(jsonBody ? received.json() : trimmed(event));
        setHeaders(message, event, received.receivedAt());
        if (droppedBefore > 0) {
            message.setHeader(UpbitConstants.DROPPED, droppedBefore);
        }
        return getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing Upbit event", exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
            if (!doneSync) {
                asyncCompletion.run();
            }
        });
    }

    /** An orderbook cut to this route's depth: the session asks Upbit for the deepest book any route wants. */
    private Object trimmed(UpbitEvent event) {
        return event instanceof OrderbookEvent book ? book.withDepth(depth) : event;
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
