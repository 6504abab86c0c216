package io.camelupbit.event;

import java.time.LocalDateTime;

/**
 * A condition on an indicator became true at the close of a candle ({@code indicator_signal}, info channel, realtime
 * only; sent when the condition goes from unmet to met, not again while it stays met;
 * https://docs.upbit.com/kr/reference/websocket-indicator-signal).
 *
 * @param code              market code (KRW markets only)
 * @param timeframe         the candle period
 * @param indicator         which indicator
 * @param params            its parameters
 * @param trigger           the condition
 * @param eventParams       the condition's parameters ({@link SignalParams#NONE} when it takes none)
 * @param value             the indicator's values when the condition became true
 * @param candleDateTimeUtc start of the closed candle, UTC
 * @param timestamp         message time, epoch milliseconds
 * @param streamType        realtime (Upbit sends no snapshot)
 */
public record IndicatorSignalEvent(
        String code,
        IndicatorTimeframe timeframe,
        IndicatorType indicator,
        IndicatorParams params,
        SignalTrigger trigger,
        SignalParams eventParams,
        IndicatorValues value,
        LocalDateTime candleDateTimeUtc,
        long timestamp,
        StreamType streamType) implements UpbitEvent {

    /** The Upbit type name of this event. */
    public static final String TYPE = "indicator_signal";

    @Override
    public String type() {
        return TYPE;
    }
}
