package io.camelupbit.trading;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a market allows ({@code market} of {@code GET /v1/orders/chance}).
 *
 * @param code        market code
 * @param name        e.g. {@code BTC/KRW}
 * @param orderTypes  order types (Upbit's older list)
 * @param orderSides  {@code ask}, {@code bid}
 * @param bidTypes    what a buy may be: {@code limit}, {@code price}, {@code best_ioc}, ...
 * @param askTypes    what a sell may be: {@code limit}, {@code market}, {@code best_fok}, ...
 * @param bidCurrency the currency a buy pays
 * @param bidMinTotal the smallest buy, in {@code bidCurrency}
 * @param askCurrency the currency a sell gives
 * @param askMinTotal the smallest sell, in the quote currency
 * @param maxTotal    the largest order
 * @param state       the market's state, e.g. {@code active}
 */
public record OrderRules(String code, String name, List<String> orderTypes, List<String> orderSides,
                         List<String> bidTypes, List<String> askTypes, String bidCurrency, BigDecimal bidMinTotal,
                         String askCurrency, BigDecimal askMinTotal, BigDecimal maxTotal, String state) {

    public OrderRules {
        orderTypes = List.copyOf(orderTypes);
        orderSides = List.copyOf(orderSides);
        bidTypes = List.copyOf(bidTypes);
        askTypes = List.copyOf(askTypes);
    }
}
