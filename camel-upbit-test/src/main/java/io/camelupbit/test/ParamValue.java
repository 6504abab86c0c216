package io.camelupbit.test;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The kinds of value an indicator's {@code params} and {@code event_params} take, and how each is checked and
 * normalised (research-new-streams.md §b.2 "파라미터 입력 규칙"): numbers must be JSON numbers ({@code WRONG_FORMAT}
 * otherwise), equal values are equal ({@code 2}, {@code 2.0}, {@code 2.00}) and a value off the grid is refused, never
 * rounded ({@code INVALID_PARAM}).
 */
enum ParamValue {
    /** Periods and thresholds; {@code 14.0} is accepted as {@code 14} (an equal value), {@code 14.5} is not. */
    INTEGER,
    /** Multipliers, one decimal at most, written with exactly one ({@code 2.0}). */
    ONE_DECIMAL,
    /** The moving-average type. */
    TEXT;

    /** Far above every supported value: checked first, so that a huge exponent costs nothing to refuse. */
    private static final BigDecimal LIMIT = BigDecimal.valueOf(1_000_000);

    /** The normalised value: a {@link String}, or a {@link BigDecimal} of scale 0 or 1. */
    Object normalise(String name, Object raw) throws RequestException {
        if (this == TEXT) {
            if (!(raw instanceof String)) {
                throw new RequestException(ErrorNames.WRONG_FORMAT, name + " must be a string");
            }
            return raw;
        }
        if (!(raw instanceof BigDecimal)) {
            throw new RequestException(ErrorNames.WRONG_FORMAT, name + " must be a JSON number");
        }
        BigDecimal number = (BigDecimal) raw;
        int decimals = this == INTEGER ? 0 : 1;
        if (number.abs().compareTo(LIMIT) > 0 || number.stripTrailingZeros().scale() > decimals) {
            throw new RequestException(ErrorNames.INVALID_PARAM, name + " " + number.toPlainString()
                    + " is not supported");
        }
        return number.setScale(decimals, RoundingMode.UNNECESSARY);
    }
}
