package io.camelupbit.test;

/**
 * One combination a connection is subscribed to: data type, KRW market, timeframe and normalised choice. Upbit
 * keeps one of identical combinations per connection; so does the simulator (equal records).
 */
record IndicatorCombination(String type, String code, Timeframe timeframe, IndicatorChoice choice) {

    SeriesKey series() {
        return new SeriesKey(code, timeframe);
    }
}
