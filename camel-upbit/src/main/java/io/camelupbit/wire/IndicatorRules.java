package io.camelupbit.wire;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import io.camelupbit.event.IndicatorType;
import io.camelupbit.event.SignalTrigger;

/**
 * The parameter values Upbit accepts per indicator, as its reference pages list them (websocket-indicator and
 * websocket-indicator-signal, revision 2026-09-23): closed sets, narrower for signals. Upbit refuses anything else with
 * {@code INVALID_PARAM} and closes the connection, so a request is checked against them before it is sent.
 */
public final class IndicatorRules {

    /** Most combinations (codes x indicators, both types together) one connection may hold. */
    public static final int MAX_COMBINATIONS = 100;

    /** The crossover pairs, short and long period, both types. */
    public static final List<List<Integer>> CROSSOVER_PAIRS = List.of(List.of(5, 20), List.of(20, 60),
            List.of(30, 90), List.of(50, 200));
    /** The macd triples, fast, slow and signal period, both types. */
    public static final List<List<Integer>> MACD_TRIPLES = List.of(List.of(12, 26, 9), List.of(8, 17, 9),
            List.of(5, 35, 5));

    private IndicatorRules() {
    }

    /** The periods allowed for the indicator ({@code null} when it takes none). */
    public static List<Integer> periods(IndicatorType indicator, boolean signal) {
        return switch (indicator) {
            case VOLUME -> signal ? List.of(10, 20, 50) : List.of(5, 10, 15, 20, 25, 30, 35, 40, 45, 50);
            case RSI -> signal ? List.of(7, 9, 14, 21, 25)
                    : List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 21, 25);
            case MOVING_AVERAGE -> signal ? List.of(5, 10, 20, 30, 60, 90, 120, 200)
                    : List.of(3, 5, 7, 10, 15, 20, 25, 30, 50, 60, 90, 99, 100, 120, 200);
            case BOLLINGER_BANDS -> signal ? List.of(20) : List.of(10, 20, 50);
            default -> null;
        };
    }

    /** The bollinger standard-deviation multipliers allowed. */
    public static List<BigDecimal> bandMultipliers(boolean signal) {
        return signal ? decimals("1.5", "2.0", "2.5") : decimals("1.0", "1.5", "2.0", "2.5", "3.0");
    }

    /** The conditions a signal of this indicator can report. */
    public static List<SignalTrigger> triggers(IndicatorType indicator) {
        return switch (indicator) {
            case VOLUME -> List.of(SignalTrigger.VOLUME_SPIKE);
            case RSI -> List.of(SignalTrigger.OVERBOUGHT, SignalTrigger.OVERSOLD);
            case MOVING_AVERAGE, BOLLINGER_BANDS -> List.of(SignalTrigger.PRICE_CROSS_ABOVE,
                    SignalTrigger.PRICE_CROSS_BELOW);
            case MA_CROSSOVER -> List.of(SignalTrigger.GOLDEN_CROSS, SignalTrigger.DEAD_CROSS);
            case MACD -> List.of(SignalTrigger.GOLDEN_CROSS, SignalTrigger.DEAD_CROSS, SignalTrigger.ZERO_CROSS_ABOVE,
                    SignalTrigger.ZERO_CROSS_BELOW);
            case UNKNOWN -> List.of();
        };
    }

    /** The RSI levels allowed for overbought and oversold; {@code null} for other triggers. */
    public static List<Integer> thresholds(SignalTrigger trigger) {
        return switch (trigger) {
            case OVERBOUGHT -> List.of(70, 80);
            case OVERSOLD -> List.of(20, 30);
            default -> null;
        };
    }

    /** The volume-spike multipliers allowed. */
    public static List<BigDecimal> spikeMultipliers() {
        return decimals("2.0", "3.0", "5.0");
    }

    private static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
