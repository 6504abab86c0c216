package io.camelupbit.trading;

import java.math.BigDecimal;

/**
 * One currency of the account ({@code GET /v1/accounts}, https://docs.upbit.com/kr/reference/get-balance).
 *
 * @param currency            e.g. {@code KRW}, {@code BTC}
 * @param balance             available to order
 * @param locked              held by open orders or withdrawals
 * @param avgBuyPrice         average buy price, in {@code unitCurrency}
 * @param avgBuyPriceModified whether the average buy price was changed by hand
 * @param unitCurrency        the currency of the average buy price
 */
public record Balance(String currency, BigDecimal balance, BigDecimal locked, BigDecimal avgBuyPrice,
                      Boolean avgBuyPriceModified, String unitCurrency) {
}
