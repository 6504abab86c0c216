package io.camelupbit.test;

import java.math.BigDecimal;

/**
 * The order-size limits of a quote currency, which {@code GET /v1/orders/chance} reports ({@code min_total},
 * {@code max_total}) and {@code POST /v1/orders} enforces. KRW is Upbit's documented example (5,000 and
 * 1,000,000,000 KRW). Upbit's example shows no other market: the simulator's choice is 0.00005 and 20 for BTC
 * markets, 0.5 and 1,000,000 for any other quote (USDT).
 *
 * @param minTotal the least order value, in the quote currency
 * @param maxTotal the largest order value, in the quote currency
 */
record OrderRules(BigDecimal minTotal, BigDecimal maxTotal) {

    private static final OrderRules KRW = new OrderRules(new BigDecimal("5000"), new BigDecimal("1000000000"));
    private static final OrderRules BTC = new OrderRules(new BigDecimal("0.00005"), new BigDecimal("20"));
    private static final OrderRules OTHER = new OrderRules(new BigDecimal("0.5"), new BigDecimal("1000000"));

    static OrderRules of(String quote) {
        return switch (quote) {
            case "KRW" -> KRW;
            case "BTC" -> BTC;
            default -> OTHER;
        };
    }
}
