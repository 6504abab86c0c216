package io.camelupbit;

import org.apache.camel.spi.Metadata;

/** Headers the Upbit consumer sets on every exchange. */
public final class UpbitConstants {

    @Metadata(description = "The Upbit data type of the event, e.g. ticker", javaType = "String")
    public static final String TYPE = "CamelUpbitType";

    @Metadata(description = "The market code of the event, e.g. KRW-BTC", javaType = "String")
    public static final String CODE = "CamelUpbitCode";

    @Metadata(description = "Whether the event is the snapshot sent on subscribe or part of the realtime stream",
              javaType = "io.camelupbit.event.StreamType", enums = "SNAPSHOT,REALTIME,UNKNOWN")
    public static final String STREAM_TYPE = "CamelUpbitStreamType";

    @Metadata(description = "The exchange's message time of the event, epoch milliseconds", javaType = "long")
    public static final String TIMESTAMP = "CamelUpbitTimestamp";

    @Metadata(description = "When the frame carrying the event arrived, epoch milliseconds (local clock)",
              javaType = "long")
    public static final String RECEIVED_TIMESTAMP = "CamelUpbitReceivedTimestamp";

    private UpbitConstants() {
    }
}
