package io.camelupbit.event;

/**
 * An immutable event received from Upbit's WebSocket API.
 * <p>
 * Every event names its data type ({@code ticker}, {@code trade}, ...), the market it belongs to, whether it is part of
 * the one-off snapshot or the live stream, and the exchange's message time.
 */
public sealed interface UpbitEvent
        permits TickerEvent, TradeEvent, OrderbookEvent, CandleEvent, MyOrderEvent, MyAssetEvent, AnnouncementEvent,
        IndicatorEvent, IndicatorSignalEvent {

    /** The Upbit data type, for example {@code ticker} or {@code candle.1m}. */
    String type();

    /** The market code, for example {@code KRW-BTC}; {@code null} for {@code myAsset} and {@code announcement}, which have none. */
    String code();

    /** Whether this event is the snapshot sent on subscribe or part of the realtime stream. */
    StreamType streamType();

    /** The exchange's message time, epoch milliseconds. */
    long timestamp();
}
