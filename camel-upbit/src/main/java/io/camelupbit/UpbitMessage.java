package io.camelupbit;

import java.util.Map;

import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultMessage;

/**
 * The message of one Upbit event. Its headers are worked out from the event when the route first looks at a header
 * (as camel-jms does for JMS properties), so a route that reads only the body never pays for a header map.
 */
final class UpbitMessage extends DefaultMessage {

    private final UpbitEvent event;
    private final long receivedAt;
    private final long droppedBefore;
    private final boolean resync;
    private final boolean reconciled;

    UpbitMessage(Exchange exchange, Object body, UpbitEvent event, long receivedAt, long droppedBefore,
            boolean resync, boolean reconciled) {
        super(exchange);
        this.event = event;
        this.receivedAt = receivedAt;
        this.droppedBefore = droppedBefore;
        this.resync = resync;
        this.reconciled = reconciled;
        setBody(body);
    }

    @Override
    protected boolean isPopulateHeadersSupported() {
        return true;
    }

    @Override
    protected void populateInitialHeaders(Map<String, Object> headers) {
        headers.put(UpbitConstants.TYPE, event.type());
        if (event.code() != null) {
            headers.put(UpbitConstants.CODE, event.code());
        }
        headers.put(UpbitConstants.STREAM_TYPE, event.streamType());
        headers.put(UpbitConstants.TIMESTAMP, event.timestamp());
        headers.put(UpbitConstants.RECEIVED_TIMESTAMP, receivedAt);
        if (event instanceof TradeEvent trade) {
            headers.put(UpbitConstants.SEQUENTIAL_ID, trade.sequentialId());
        } else if (event instanceof MyOrderEvent order) {
            headers.put(UpbitConstants.ORDER_UUID, order.uuid());
            if (order.tradeUuid() != null) {
                headers.put(UpbitConstants.TRADE_UUID, order.tradeUuid());
            }
        } else if (event instanceof MyAssetEvent asset) {
            headers.put(UpbitConstants.ASSET_UUID, asset.assetUuid());
        }
        if (droppedBefore > 0) {
            headers.put(UpbitConstants.DROPPED, droppedBefore);
        }
        if (resync) {
            headers.put(UpbitConstants.RESYNC, true);
        }
        if (reconciled) {
            headers.put(UpbitConstants.RECONCILED, true);
        }
    }
}
