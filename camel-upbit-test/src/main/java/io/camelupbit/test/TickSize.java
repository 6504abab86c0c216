package io.camelupbit.test;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The price grid (order price unit) of a market.
 *
 * <p>KRW markets follow Upbit's KRW tick-size table ("원화 마켓 주문 가격 단위", docs.upbit.com KRW market info,
 * the table in force since the 2024 revision that widened the units below 1,000 KRW):
 * <pre>
 *   price >= 2,000,000          1,000      |  10 <= price < 100            0.1
 *   1,000,000 <= p < 2,000,000  1,000      |  1 <= p < 10                  0.01
 *   500,000 <= p < 1,000,000    500        |  0.1 <= p < 1                 0.001
 *   100,000 <= p < 500,000      100        |  0.01 <= p < 0.1              0.0001
 *   50,000 <= p < 100,000       50         |  0.001 <= p < 0.01            0.00001
 *   10,000 <= p < 50,000        10         |  0.0001 <= p < 0.001          0.000001
 *   5,000 <= p < 10,000         5          |  0.00001 <= p < 0.0001        0.0000001
 *   1,000 <= p < 5,000          1          |  p < 0.00001                  0.00000001
 *   100 <= p < 1,000            1          |
 * </pre>
 * BTC markets quote in satoshi steps (0.00000001). Other quote currencies (USDT, SGD, IDR, THB) have tables this
 * simulator does not model: it uses five significant digits as an approximation (never finer than 0.00000001).
 */
final class TickSize {

    private static final BigDecimal MIN_TICK = new BigDecimal("0.00000001");

    /** Lower bound of each KRW band, highest first, and its unit. */
    private static final BigDecimal[][] KRW = {
            {bd("2000000"), bd("1000")},
            {bd("1000000"), bd("1000")},
            {bd("500000"), bd("500")},
            {bd("100000"), bd("100")},
            {bd("50000"), bd("50")},
            {bd("10000"), bd("10")},
            {bd("5000"), bd("5")},
            {bd("1000"), bd("1")},
            {bd("100"), bd("1")},
            {bd("10"), bd("0.1")},
            {bd("1"), bd("0.01")},
            {bd("0.1"), bd("0.001")},
            {bd("0.01"), bd("0.0001")},
            {bd("0.001"), bd("0.00001")},
            {bd("0.0001"), bd("0.000001")},
            {bd("0.00001"), bd("0.0000001")},
    };

    private TickSize() {
    }

    /** The tick that applies at this price in this quote currency. */
    static BigDecimal of(String quote, BigDecimal price) {
        switch (quote) {
            case "KRW":
                for (BigDecimal[] band : KRW) {
                    if (price.compareTo(band[0]) >= 0) {
                        return band[1];
                    }
                }
                return MIN_TICK;
            case "BTC":
                return MIN_TICK;
            default:
                if (price.signum() <= 0) {
                    return MIN_TICK;
                }
                int magnitude = price.precision() - price.scale() - 1; // floor(log10(price))
                BigDecimal tick = BigDecimal.ONE.scaleByPowerOfTen(magnitude - 4);
                return tick.compareTo(MIN_TICK) < 0 ? MIN_TICK : tick;
        }
    }

    /** The price rounded onto the grid with this rounding; never below the smallest tick. */
    static BigDecimal snap(String quote, BigDecimal price, RoundingMode mode) {
        BigDecimal tick = of(quote, price.max(MIN_TICK));
        BigDecimal snapped = price.divide(tick, 0, mode).multiply(tick);
        if (snapped.signum() <= 0) {
            snapped = tick;
        }
        // Crossing a band boundary can change the unit: snap once more on the new band's grid.
        BigDecimal tick2 = of(quote, snapped);
        if (tick2.compareTo(tick) != 0) {
            snapped = snapped.divide(tick2, 0, mode).multiply(tick2);
        }
        return normalize(snapped);
    }

    /** The next grid price above this grid price. */
    static BigDecimal above(String quote, BigDecimal price) {
        return normalize(price.add(of(quote, price)));
    }

    /**
     * The next grid price below this grid price, or zero when there is none. The unit is the one just below the
     * price: below 100,000 KRW (unit 100) comes 99,950 (unit 50).
     */
    static BigDecimal below(String quote, BigDecimal price) {
        BigDecimal justBelow = price.subtract(MIN_TICK);
        if (justBelow.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal next = price.subtract(of(quote, justBelow));
        return next.signum() > 0 ? normalize(next) : BigDecimal.ZERO;
    }

    /** Whether the price lies on the grid. */
    static boolean onGrid(String quote, BigDecimal price) {
        return price.remainder(of(quote, price)).signum() == 0;
    }

    /** Plain form without exponent and without trailing zeros (but at least scale 0). */
    static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
