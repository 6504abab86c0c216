package io.camelupbit.test;

import java.math.BigDecimal;

/**
 * {@code POST /v1/orders} and {@code POST /v1/orders/test} on an account: the identifier first, then
 * {@link OrderForm}, the order size ({@link OrderRules}) and the funds.
 *
 * <p>An identifier (at most 64 characters, else {@code invalid_parameter}) is claimed by the key as soon as the
 * request is authenticated and within its limit, before anything else is checked, so that reusing it fails with
 * {@code duplicated_identifier} even when the first request failed (Upbit: "주문의 성공 / 실패 여부와 관계없이").
 * A test order checks it but claims nothing: Upbit does not say, and a dry run that burns ids would make the real
 * order that follows it fail.
 *
 * <p>Size: the order's value (price x volume for {@code limit}, the total for {@code price} and {@code best} bids,
 * volume x the market's last trade price for {@code market} and {@code best} asks) below {@code min_total} gets
 * {@code under_min_total_bid}/{@code _ask}; a KRW bid above {@code max_total} gets {@code over_krw_funds_bid}.
 * Funds: what the order locks ({@link SimAccount#place}) above the available balance gets
 * {@code insufficient_funds_bid}/{@code _ask}.
 */
final class OrderPlacement {

    private static final int MAX_IDENTIFIER = 64;

    private final Market market;

    OrderPlacement(Market market) {
        this.market = market;
    }

    /** Places the order ({@code test}: checks it and answers a made-up one); returns it as placed. */
    SimOrder place(SimAccount account, RestParams body, boolean test) {
        String identifier = body.first("identifier");
        if (identifier != null) {
            if (identifier.isEmpty() || identifier.length() > MAX_IDENTIFIER) {
                throw RestFailure.invalid("identifier must have 1 to " + MAX_IDENTIFIER + " characters");
            }
            boolean fresh = test ? !account.identifierUsed(identifier) : account.claimIdentifier(identifier);
            if (!fresh) {
                throw RestFailure.badRequest(RestErrorNames.DUPLICATED_IDENTIFIER,
                        "이미 사용 중인 identifier입니다: " + identifier);
            }
        }
        OrderRequest request = OrderForm.read(body, identifier);
        checkSize(request);
        SimOrder order = test ? (account.covers(request) ? account.preview(request) : null)
                : account.placeIfCovered(request);
        if (order == null) {
            throw insufficient(request);
        }
        return order;
    }

    private void checkSize(OrderRequest request) {
        String quote = MarketCodes.quote(request.code());
        OrderRules rules = OrderRules.of(quote);
        BigDecimal value = switch (request.orderType()) {
            case OrderRequest.LIMIT -> request.price().multiply(request.volume());
            case OrderRequest.PRICE -> request.price();
            default -> request.side() == Side.BID ? request.price()
                    : request.volume().multiply(market.lastPrice(request.code()));
        };
        boolean bid = request.side() == Side.BID;
        if (value.compareTo(rules.minTotal()) < 0) {
            throw RestFailure.badRequest(bid ? RestErrorNames.UNDER_MIN_TOTAL_BID : RestErrorNames.UNDER_MIN_TOTAL_ASK,
                    "최소주문금액 이상으로 주문해주세요 (" + rules.minTotal().toPlainString() + " " + quote + ")");
        }
        if (bid && "KRW".equals(quote) && value.compareTo(rules.maxTotal()) > 0) {
            throw RestFailure.badRequest(RestErrorNames.OVER_KRW_FUNDS_BID, "최대 주문 가능 금액 "
                    + rules.maxTotal().toPlainString() + " KRW 보다 작은 주문을 입력해 주세요.");
        }
    }

    private static RestFailure insufficient(OrderRequest request) {
        return request.side() == Side.BID
                ? RestFailure.badRequest(RestErrorNames.INSUFFICIENT_FUNDS_BID,
                "주문 가능한 금액(" + MarketCodes.quote(request.code()) + ")이 부족합니다.")
                : RestFailure.badRequest(RestErrorNames.INSUFFICIENT_FUNDS_ASK,
                "주문 가능한 수량(" + MarketCodes.base(request.code()) + ")이 부족합니다.");
    }
}
