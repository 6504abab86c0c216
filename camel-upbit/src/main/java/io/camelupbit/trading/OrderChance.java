package io.camelupbit.trading;

import java.math.BigDecimal;

/**
 * What an order on a market would cost and may be ({@code GET /v1/orders/chance},
 * https://docs.upbit.com/kr/reference/available-order-information).
 *
 * @param bidFee      taker fee of a buy
 * @param askFee      taker fee of a sell
 * @param makerBidFee maker fee of a buy
 * @param makerAskFee maker fee of a sell
 * @param market      what the market allows
 * @param bidAccount  the balance a buy pays from
 * @param askAccount  the balance a sell takes from
 */
public record OrderChance(BigDecimal bidFee, BigDecimal askFee, BigDecimal makerBidFee, BigDecimal makerAskFee,
                          OrderRules market, Balance bidAccount, Balance askAccount) {
}
