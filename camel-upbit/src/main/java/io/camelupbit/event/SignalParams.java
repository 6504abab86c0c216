package io.camelupbit.event;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The condition's own parameters ({@code event_params}); both {@code null} for triggers that take none.
 *
 * @param threshold  rsi overbought and oversold: the RSI level
 * @param multiplier volume_spike: how many times the average volume
 */
public record SignalParams(Integer threshold, BigDecimal multiplier) {

    /** None: the parameters of a trigger that takes none. */
    public static final SignalParams NONE = new SignalParams(null, null);

    /** Whether both name the same parameters; multipliers compare by value. */
    public boolean sameAs(SignalParams other) {
        return other != null && Objects.equals(threshold, other.threshold)
                && (multiplier == null ? other.multiplier == null
                        : other.multiplier != null && multiplier.compareTo(other.multiplier) == 0);
    }
}
