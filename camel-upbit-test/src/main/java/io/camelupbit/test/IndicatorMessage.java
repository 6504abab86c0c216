package io.camelupbit.test;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * One {@code indicator} or {@code indicator_signal} item (research-new-streams.md §c.2, §c.3): the combination, its
 * values at a candle close, the start of that candle ({@code yyyy-MM-dd'T'HH:mm:ss}, UTC) and the simulated time it
 * was sent at.
 */
record IndicatorMessage(String type, String code, Timeframe timeframe, IndicatorChoice choice,
                        Map<IndicatorValueKey, BigDecimal> value, String candleDateTimeUtc, long timestamp)
        implements DataItem {

    private static final DateTimeFormatter CANDLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    static IndicatorMessage of(IndicatorCombination combination, CandleWindow window, long timestamp) {
        return new IndicatorMessage(combination.type(), combination.code(), combination.timeframe(),
                combination.choice(), window.values(combination.choice().spec()),
                CANDLE_TIME.format(window.candleStart().atOffset(ZoneOffset.UTC)), timestamp);
    }

    /** Whether this is an {@code indicator_signal}. */
    boolean signal() {
        return choice.trigger() != null;
    }
}
