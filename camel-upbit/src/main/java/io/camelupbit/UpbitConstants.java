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

    @Metadata(description = "myOrder events: the order's id (uuid)", javaType = "String")
    public static final String ORDER_UUID = "CamelUpbitOrderUuid";

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

    @Metadata(description = "upbit:connection: what happened to the connection (CONNECTING, CONNECTED, SUBSCRIBED, "
            + "DISCONNECTED, RECONNECTING, FAILED)", javaType = "io.camelupbit.event.ConnectionState")
    public static final String CONNECTION_STATE = "CamelUpbitConnectionState";

    private UpbitConstants() {
    }
}
