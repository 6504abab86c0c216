package io.camelupbit.examples.signals;

import java.math.BigDecimal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Live mode's gateway: signals are only logged, no order is ever sent to Upbit. */
public class PaperOrderGateway implements OrderGateway {

    private static final Logger LOG = LoggerFactory.getLogger(PaperOrderGateway.class);

    private final BigDecimal volume;

    /**
     * @param volume the quantity an order would have
     */
    public PaperOrderGateway(BigDecimal volume) {
        this.volume = volume;
    }

    @Override
    public void submit(Signal signal) {
        LOG.info("Paper trade {}: would {} {} {} at {} (no order is sent)", signal.id(), signal.side(), volume,
                signal.code(), signal.close());
    }
}
