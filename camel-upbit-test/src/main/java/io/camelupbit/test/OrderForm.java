package io.camelupbit.test;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Reads the body of {@code POST /v1/orders} (and {@code /v1/orders/test}) into an {@link OrderRequest}, refusing
 * what Upbit refuses (research-rest.md §2.3, §4), in this order:
 *
 * <ol>
 *   <li>{@code market}, {@code side}, {@code ord_type} missing: {@code validation_error}; a market code that is no
 *       code: {@code notfoundmarket}; a side, type, {@code time_in_force} or {@code smp_type} outside Upbit's set, or
 *       an amount that is no positive decimal (a string or a number): {@code invalid_parameter};</li>
 *   <li>the amount a type needs missing ({@code limit}: {@code price} and {@code volume}; {@code price}: the total
 *       as {@code price}; {@code market}: {@code volume}; {@code best}: a bid's total as {@code price}, an ask's
 *       {@code volume}): {@code validation_error}; an amount the type must not have, or a {@code price} order that
 *       sells or a {@code market} order that buys: {@code create_bid_error}/{@code create_ask_error} (Upbit's
 *       "order request information is not valid", e.g. a price on a market order);</li>
 *   <li>{@code best} without {@code ioc}/{@code fok}, or a time in force on {@code price}/{@code market} orders, or
 *       {@code post_only} on a {@code best} order: {@code invalid_time_in_force}; {@code post_only} with an
 *       {@code smp_type} other than {@code none}: {@code invalid_post_only}.</li>
 * </ol>
 *
 * Prices are not checked against the tick grid, and other members of the body are ignored.
 */
final class OrderForm {

    private static final Set<String> TYPES = Set.of(OrderRequest.LIMIT, OrderRequest.PRICE, OrderRequest.MARKET,
            OrderRequest.BEST);
    private static final Set<String> TIMES_IN_FORCE = Set.of(OrderRequest.IOC, OrderRequest.FOK,
            OrderRequest.POST_ONLY);
    private static final Set<String> SMP_TYPES = Set.of(OrderRequest.SMP_REDUCE, OrderRequest.SMP_CANCEL_MAKER,
            OrderRequest.SMP_CANCEL_TAKER, OrderRequest.SMP_NONE);

    private OrderForm() {
    }

    /** The order of this body, with this identifier (checked by the caller). */
    static OrderRequest read(RestParams body, String identifier) {
        String market = required(body, "market");
        String side = required(body, "side");
        String type = required(body, "ord_type");
        if (!MarketCodes.isValid(market)) {
            throw RestFailure.badRequest(RestErrorNames.NOT_FOUND_MARKET, "다음 마켓에 없는 종목입니다: " + market);
        }
        Side orderSide = switch (side) {
            case "bid" -> Side.BID;
            case "ask" -> Side.ASK;
            default -> throw RestFailure.invalid("side must be bid or ask: " + side);
        };
        oneOf(type, TYPES, "ord_type");
        String timeInForce = body.first("time_in_force");
        if (timeInForce != null) {
            oneOf(timeInForce, TIMES_IN_FORCE, "time_in_force");
        }
        String smpType = body.first("smp_type");
        if (smpType != null) {
            oneOf(smpType, SMP_TYPES, "smp_type");
        }
        BigDecimal price = amount(body, "price");
        BigDecimal volume = amount(body, "volume");
        checkAmounts(type, orderSide, price, volume);
        checkTimeInForce(type, timeInForce, smpType);
        return new OrderRequest(market, orderSide, type, price, volume, timeInForce, smpType, identifier, null);
    }

    private static void checkAmounts(String type, Side side, BigDecimal price, BigDecimal volume) {
        String createError = side == Side.BID ? RestErrorNames.CREATE_BID_ERROR : RestErrorNames.CREATE_ASK_ERROR;
        boolean byAmount = OrderRequest.PRICE.equals(type) || (OrderRequest.BEST.equals(type) && side == Side.BID);
        if ((OrderRequest.PRICE.equals(type) && side != Side.BID)
                || (OrderRequest.MARKET.equals(type) && side != Side.ASK)) {
            throw RestFailure.badRequest(createError, "주문 요청 정보가 올바르지 않습니다: a " + type + " order "
                    + (side == Side.BID ? "cannot buy" : "cannot sell"));
        }
        if (OrderRequest.LIMIT.equals(type)) {
            present(price, "price");
            present(volume, "volume");
        } else if (byAmount) {
            present(price, "price");
            absent(volume, "volume", type, createError);
        } else {
            present(volume, "volume");
            absent(price, "price", type, createError);
        }
    }

    private static void checkTimeInForce(String type, String timeInForce, String smpType) {
        boolean ok = switch (type) {
            case OrderRequest.LIMIT -> true;
            case OrderRequest.BEST -> OrderRequest.IOC.equals(timeInForce) || OrderRequest.FOK.equals(timeInForce);
            default -> timeInForce == null;
        };
        if (!ok) {
            throw RestFailure.badRequest(RestErrorNames.INVALID_TIME_IN_FORCE,
                    "주문조건을 다시 확인해 주세요. (" + type + " with time_in_force " + timeInForce + ")");
        }
        if (OrderRequest.POST_ONLY.equals(timeInForce) && smpType != null && !OrderRequest.SMP_NONE.equals(smpType)) {
            throw RestFailure.badRequest(RestErrorNames.INVALID_POST_ONLY,
                    "post_only goes only with smp_type none: " + smpType);
        }
    }

    private static String required(RestParams body, String name) {
        String value = body.first(name);
        if (value == null) {
            throw RestFailure.missing(name);
        }
        return value;
    }

    private static void oneOf(String value, Set<String> allowed, String name) {
        if (!allowed.contains(value)) {
            throw RestFailure.invalid(name + " must be one of " + allowed + ": " + value);
        }
    }

    /** A positive decimal, or {@code null} when absent. */
    private static BigDecimal amount(RestParams body, String name) {
        String text = body.first(name);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, as a non-positive value is
        }
        throw RestFailure.invalid(name + " must be a positive decimal: " + text);
    }

    private static void present(BigDecimal value, String name) {
        if (value == null) {
            throw RestFailure.missing(name);
        }
    }

    private static void absent(BigDecimal value, String name, String type, String createError) {
        if (value != null) {
            throw RestFailure.badRequest(createError, "주문 요청 정보가 올바르지 않습니다: a " + type
                    + " order takes no " + name);
        }
    }
}
