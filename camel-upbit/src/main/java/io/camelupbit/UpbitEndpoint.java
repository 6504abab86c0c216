package io.camelupbit;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

import io.camelupbit.session.SubscriptionSpec;

/**
 * Receive real-time market data from Upbit's WebSocket API as typed events.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "upbit", title = "Upbit", syntax = "upbit:type",
             consumerOnly = true, remote = true, category = { Category.FINANCE, Category.MESSAGING },
             headersClass = UpbitConstants.class)
public class UpbitEndpoint extends DefaultEndpoint implements MultipleConsumersSupport {

    @UriParam
    private final UpbitConfiguration configuration;

    private SubscriptionSpec spec;

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

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        spec = new SubscriptionSpec(configuration.getType(), configuration.validatedCodes());
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("The upbit component is consumer only: use " + getEndpointUri()
                + " in from(...), not in to(...). Upbit's WebSocket API only streams data to clients.");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        UpbitConsumer consumer = new UpbitConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }
}
