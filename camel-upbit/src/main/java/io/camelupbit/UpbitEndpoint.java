package io.camelupbit;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.PollingConsumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

import io.camelupbit.session.SubscriptionSpec;

/**
 * Receive Upbit's real-time market data and account events (tickers, trades, order books, candles, your orders and
 * balances, notices, indicators) as typed events over one shared WebSocket, and the connection's lifecycle
 * (upbit:connection); place, cancel and read orders and balances over Upbit's REST API (upbit:placeOrder and the
 * other operations, in to(...)).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "upbit", title = "Upbit", syntax = "upbit:type",
             remote = true, category = { Category.FINANCE, Category.MESSAGING },
             headersClass = UpbitConstants.class)
public class UpbitEndpoint extends DefaultEndpoint implements MultipleConsumersSupport, EndpointServiceLocation {

    /** The types a poll can answer (besides candle.*): their newest event is their state. */
    private static final Set<String> POLLABLE = Set.of("ticker", "trade", "orderbook");

    @UriParam
    private final UpbitConfiguration configuration;

    private SubscriptionSpec spec;
    /** For pollers; made by the first one. */
    private NewestEvents newest;

    public UpbitEndpoint(String uri, UpbitComponent component, UpbitConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public UpbitComponent getComponent() {
        return (UpbitComponent) super.getComponent();
    }

    public UpbitConfiguration getConfiguration() {
        return configuration;
    }

    /** What this endpoint's consumers subscribe to; valid once the endpoint is initialized. */
    SubscriptionSpec spec() {
        return spec;
    }

    /**
     * Checks the options and derives the subscription; called when the endpoint is created, so a bad URI fails the
     * route at start.
     *
     * @throws IllegalArgumentException naming the option and the allowed values
     */
    void validate() {
        spec = configuration.toSpec();
        if (configuration.needsKeys()) {
            getComponent().checkCredentials(configuration);
        }
    }

    /** The Upbit address this endpoint talks to: its channel's WebSocket, or the REST API for an operation. */
    @Override
    public String getServiceUrl() {
        return getComponent().serviceUrl(configuration);
    }

    /** The address's scheme: {@code wss} (or {@code ws}), {@code https} (or {@code http}). */
    @Override
    public String getServiceProtocol() {
        return URI.create(getServiceUrl()).getScheme();
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        String channel = configuration.operation() != null ? "rest"
                : configuration.isInfo() ? "info" : configuration.isPrivate() ? "private" : "public";
        return Map.of("channel", channel);
    }

    @Override
    public Producer createProducer() {
        if (configuration.operation() == null) {
            if (!pollable()) {
                throw new IllegalArgumentException("upbit:" + configuration.getType() + " is a stream that cannot "
                        + "answer in to(...): a producer answers the newest event and cannot promise every one; use it "
                        + "in from(...). The streams for to(...) and enrich(...) are ticker, trade (the last trade), "
                        + "orderbook and candle.*; the operations are " + UpbitOperation.NAMES);
            }
            return new UpbitNewestProducer(this, newestEvents(), configuration.getPollTimeout());
        }
        return new UpbitProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.operation() != null) {
            throw new IllegalArgumentException("upbit:" + configuration.getType() + " is a REST operation: use it in "
                    + "to(...). The streams for from(...) are ticker, trade, orderbook, candle.*, myOrder, myAsset, "
                    + "announcement, indicator, indicator_signal and connection");
        }
        Consumer consumer = configuration.isConnection()
                ? new UpbitConnectionConsumer(this, processor) : new UpbitConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * A poller of the newest event ({@code pollEnrich}, {@code ConsumerTemplate}): ticker, trade (the last trade),
     * orderbook and candle types only.
     */
    @Override
    public PollingConsumer createPollingConsumer() throws Exception {
        if (!pollable()) {
            String type = configuration.getType();
            throw new IllegalArgumentException("upbit:" + type + " cannot be polled: a poll answers the newest event "
                    + "and cannot promise every one" + (configuration.operation() != null ? " (and " + type
                    + " is a REST operation: use it in to(...))" : "; use it in from(...)")
                    + ". Polling takes ticker, trade (the last trade), orderbook and candle.* types");
        }
        PollingConsumer consumer = new UpbitPollingConsumer(this, newestEvents());
        configurePollingConsumer(consumer);
        return consumer;
    }

    private boolean pollable() {
        return POLLABLE.contains(configuration.getType()) || configuration.getType().startsWith("candle.");
    }

    /** The newest event of each code, shared by the endpoint's pollers and producers; made by the first. */
    private synchronized NewestEvents newestEvents() {
        if (newest == null) {
            newest = new NewestEvents(this, configuration.codesInOrder(), configuration.getPollIdleTimeout(),
                    getComponent().timer());
        }
        return newest;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (newest != null) {
            newest.stop();
            newest = null;
        }
        super.doStop();
    }

    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }
}
