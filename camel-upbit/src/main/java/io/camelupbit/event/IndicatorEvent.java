package io.camelupbit.event;

import java.time.LocalDateTime;

/**
 * An indicator's value at the close of a candle ({@code indicator}, info channel, realtime only, sent once per closed
 * candle; https://docs.upbit.com/kr/reference/websocket-indicator).
 *
 * @param code              market code (KRW markets only)
 * @param timeframe         the candle period
 * @param indicator         which indicator
 * @param params            its parameters
 * @param value             its values
 * @param candleDateTimeUtc start of the closed candle the value is computed on, UTC
 * @param timestamp         message time, epoch milliseconds
 * @param streamType        realtime (Upbit sends no snapshot)
 */
public record IndicatorEvent(
        String code,
        IndicatorTimeframe timeframe,
        IndicatorType indicator,
        IndicatorParams params,
        IndicatorValues value,
        LocalDateTime candleDateTimeUtc,
        long timestamp,
        StreamType streamType) implements UpbitEvent {

    /** The Upbit type name of this event. */
    public static final String TYPE = "indicator";

    @Override
    public String type() {
        return TYPE;
    }
}
