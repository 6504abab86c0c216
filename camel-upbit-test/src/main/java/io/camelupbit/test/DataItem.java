package io.camelupbit.test;

/** One item of data the simulator sends (one object in a frame, or one element of a list frame). */
sealed interface DataItem permits Ticker, TradeMessage, OrderbookMessage, CandleMessage, MyOrderEvent, MyAssetEvent,
        AnnouncementMessage, IndicatorMessage {
}
