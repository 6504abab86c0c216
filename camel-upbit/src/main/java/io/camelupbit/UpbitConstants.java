package io.camelupbit;

import org.apache.camel.spi.Metadata;

/** Headers the Upbit consumer sets on every exchange. */
public final class UpbitConstants {

    @Metadata(description = "The Upbit data type of the event, e.g. ticker or candle.1m", javaType = "String")
    public static final String TYPE = "CamelUpbitType";

    @Metadata(description = "The market code of the event, e.g. KRW-BTC (not set for myAsset)", javaType = "String")
    public static final String CODE = "CamelUpbitCode";

    @Metadata(description = "Whether the event is the snapshot sent on subscribe or part of the realtime stream",
              javaType = "io.camelupbit.event.StreamType", enums = "SNAPSHOT,REALTIME,UNKNOWN")
    public static final String STREAM_TYPE = "CamelUpbitStreamType";

    @Metadata(description = "The exchange's message time of the event, epoch milliseconds", javaType = "long")
    public static final String TIMESTAMP = "CamelUpbitTimestamp";

    @Metadata(description = "When the frame carrying the event arrived, epoch milliseconds (local clock)",
              javaType = "long")
    public static final String RECEIVED_TIMESTAMP = "CamelUpbitReceivedTimestamp";

    @Metadata(description = "Trade events: Upbit's unique trade number (sequential_id), for the Idempotent Consumer",
              javaType = "long")
    public static final String SEQUENTIAL_ID = "CamelUpbitSequentialId";

    @Metadata(description = "myOrder events, and the answer of the order operations: the order's id (uuid); the "
            + "input of cancelOrder and getOrder, so a myOrder event's order can be cancelled as it comes",
              javaType = "String")
    public static final String ORDER_UUID = "CamelUpbitOrderUuid";

    @Metadata(label = "producer", description = "placeOrder, testOrder, orderChance: the market, e.g. KRW-BTC (named "
            + "apart from CamelUpbitCode, so a route from a ticker never trades its market by accident)",
              javaType = "String")
    public static final String ORDER_CODE = "CamelUpbitOrderCode";

    @Metadata(label = "producer", description = "placeOrder, testOrder: bid or ask", javaType = "String")
    public static final String ORDER_SIDE = "CamelUpbitOrderSide";

    @Metadata(label = "producer", description = "placeOrder, testOrder: limit, price, market or best",
              javaType = "String")
    public static final String ORDER_TYPE = "CamelUpbitOrderType";

    @Metadata(label = "producer", description = "placeOrder, testOrder: the limit price, or the amount of a price order "
            + "or a best buy (text or BigDecimal)", javaType = "java.math.BigDecimal")
    public static final String ORDER_PRICE = "CamelUpbitOrderPrice";

    @Metadata(label = "producer", description = "placeOrder, testOrder: the volume (text or BigDecimal)",
              javaType = "java.math.BigDecimal")
    public static final String ORDER_VOLUME = "CamelUpbitOrderVolume";

    @Metadata(label = "producer", description = "placeOrder, testOrder: ioc, fok or post_only", javaType = "String")
    public static final String ORDER_TIME_IN_FORCE = "CamelUpbitOrderTimeInForce";

    @Metadata(label = "producer", description = "placeOrder, testOrder: cancel_maker, cancel_taker, reduce or none",
              javaType = "String")
    public static final String ORDER_SMP_TYPE = "CamelUpbitOrderSmpType";

    @Metadata(label = "producer", description = "placeOrder, testOrder: the client's id of the order; cancelOrder, "
            + "getOrder: the order to act on when CamelUpbitOrderUuid is not set", javaType = "String")
    public static final String ORDER_IDENTIFIER = "CamelUpbitOrderIdentifier";

    @Metadata(label = "producer", description = "The answer of every REST operation: Upbit's Remaining-Req header as "
            + "sent, e.g. group=default; min=1799; sec=29", javaType = "String")
    public static final String REMAINING_REQ = "CamelUpbitRemainingReq";

    @Metadata(description = "myOrder fill events: the fill's id (trade_uuid), unique per fill", javaType = "String")
    public static final String TRADE_UUID = "CamelUpbitTradeUuid";

    @Metadata(description = "myAsset events: the id of the balance change (asset_uuid)", javaType = "String")
    public static final String ASSET_UUID = "CamelUpbitAssetUuid";

    @Metadata(description = "With overflow=dropOldest: how many events were dropped just before this one because the "
            + "route's mailbox was full (absent when none)", javaType = "long")
    public static final String DROPPED = "CamelUpbitDropped";

    @Metadata(description = "True on the route's first event of a market after events may have been lost: after a "
            + "reconnect, after the route was suspended and resumed, and after a subscribe message sent for another "
            + "route restarted Upbit's streams (from the first event of the new stream on); absent otherwise. Carried "
            + "to the next event when the marked one is dropped or conflated", javaType = "boolean")
    public static final String RESYNC = "CamelUpbitResync";

    @Metadata(description = "myOrder and myAsset: true on a state read over REST after a gap (the route's start, a "
            + "reconnect, a resume, a restarted stream) rather than received on the stream: one myAsset event with "
            + "every balance, one myOrder event per open order and per order that ended inside the gap. Its stream "
            + "type is SNAPSHOT; absent on stream events", javaType = "boolean")
    public static final String RECONCILED = "CamelUpbitReconciled";

    @Metadata(description = "upbit:connection: what happened to the connection (CONNECTING, CONNECTED, SUBSCRIBED, "
            + "DISCONNECTED, RECONNECTING, FAILED), or to a private route's reconciliation (RECONCILED, "
            + "RECONCILE_FAILED)", javaType = "io.camelupbit.event.ConnectionState")
    public static final String CONNECTION_STATE = "CamelUpbitConnectionState";

    private UpbitConstants() {
    }
}
