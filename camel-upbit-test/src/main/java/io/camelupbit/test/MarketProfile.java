package io.camelupbit.test;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The shape of one market: where its price starts, how much it moves in a day, how much is traded in a day (in the
 * quote currency).
 */
record MarketProfile(BigDecimal startPrice, double dailyVolatility, BigDecimal dailyTradedValue) {

    /** Rough figures of Upbit's main KRW markets. */
    private static final Map<String, MarketProfile> KNOWN = Map.of(
            "KRW-BTC", new MarketProfile(new BigDecimal("140000000"), 0.025, new BigDecimal("350000000000")),
            "KRW-ETH", new MarketProfile(new BigDecimal("5000000"), 0.035, new BigDecimal("200000000000")),
            "KRW-XRP", new MarketProfile(new BigDecimal("3000"), 0.045, new BigDecimal("400000000000")),
            "KRW-SOL", new MarketProfile(new BigDecimal("250000"), 0.045, new BigDecimal("80000000000")),
            "KRW-DOGE", new MarketProfile(new BigDecimal("500"), 0.05, new BigDecimal("120000000000")));

    /**
     * The profile of this code: known figures, or figures derived from the code's hash (stable across runs, since
     * {@link String#hashCode()} is specified), with an explicit starting price when one is given.
     */
    static MarketProfile of(String code, BigDecimal startingPrice) {
        MarketProfile known = KNOWN.get(code);
        MarketProfile base = known != null ? known : derived(code);
        if (startingPrice != null && startingPrice.signum() > 0) {
            // Keep the traded value in units of the base currency roughly as derived, at the new price.
            return new MarketProfile(startingPrice, base.dailyVolatility, base.dailyTradedValue);
        }
        return base;
    }

    private static MarketProfile derived(String code) {
        int h = code.hashCode() & 0x7fffffff;
        double mantissa = 1.0 + (h % 900) / 100.0;            // 1.00 .. 9.99
        double volatility = 0.03 + ((h >>> 10) % 50) / 1000.0;  // 3 % .. 8 % a day
        String quote = MarketCodes.quote(code);
        int exponent;
        double dailyValue;
        switch (quote) {
            case "KRW" -> {
                exponent = 1 + (h >>> 16) % 6;                   // 10 .. 9,990,000 KRW
                dailyValue = 2e9 + ((h >>> 8) % 58) * 1e9;       // 2 .. 60 billion KRW
            }
            case "BTC" -> {
                exponent = -7 + (h >>> 16) % 5;                  // 0.0000001 .. 0.0999 BTC
                dailyValue = 0.5 + ((h >>> 8) % 50);             // 0.5 .. 50 BTC
            }
            default -> {
                exponent = -1 + (h >>> 16) % 5;                  // 0.1 .. 9,990
                dailyValue = 1e5 + ((h >>> 8) % 100) * 1e5;      // 0.1 .. 10 million
            }
        }
        BigDecimal price = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent);
        return new MarketProfile(price, volatility, BigDecimal.valueOf(dailyValue));
    }
}
