package io.camelupbit.test;

/**
 * One item of market data the simulator sends (one object in a frame, or one element of a list frame). Trade,
 * orderbook and candle items join {@link Ticker} here as those streams are added.
 */
sealed interface DataItem permits Ticker {
}
