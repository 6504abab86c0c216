package io.camelupbit;

import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.session.SerialExecutor;

/**
 * {@code upbit:connection}: a passive listener that neither opens nor holds a session. On start it receives the
 * current state of every session, then each change, in order, off the I/O threads.
 */
public class UpbitConnectionConsumer extends DefaultConsumer {

    /** Lifecycle events that may wait for a slow route; a flood beyond it is refused and logged. */
    private static final int BACKLOG = 10_000;

    private final Consumer<ConnectionEvent> listener = this::onEvent;
    private SerialExecutor executor;
    private String channel;

    public UpbitConnectionConsumer(UpbitEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public UpbitEndpoint getEndpoint() {
        return (UpbitEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        channel = getEndpoint().getConfiguration().getChannel();
        executor = new SerialExecutor(getEndpoint().getComponent().deliveryExecutor(), BACKLOG);
        getEndpoint().getComponent().addLifecycleListener(listener);
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getComponent().removeLifecycleListener(listener);
        super.doStop();
    }

    private void onEvent(ConnectionEvent event) {
        if (channel != null && !channel.equals(event.channel())) {
            return;
        }
        executor.execute(() -> {
            Exchange exchange = createExchange(false);
            try {
                exchange.getMessage().setBody(event);
                exchange.getMessage().setHeader(UpbitConstants.CONNECTION_STATE, event.state());
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing Upbit connection event", exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        });
    }
}
