package io.camelupbit.test;

/** One market's candles of one indicator timeframe. */
record SeriesKey(String code, Timeframe timeframe) {
}
