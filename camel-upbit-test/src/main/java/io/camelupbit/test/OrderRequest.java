package io.camelupbit.test;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * An order to {@link SimAccount#place place}, with the parameters of Upbit's order API as the {@code myOrder} stream
 * reports them (upbit-protocol.md §4.5; docs.upbit.com/kr/reference/new-order):
 *
 * <ul>
 *   <li>{@code limit} ({@link #limit}): a unit price and a quantity;</li>
 *   <li>{@code price} ({@link #price}): a market buy for a total amount of the quote currency, no quantity;</li>
 *   <li>{@code market} ({@link #market}): a market sell of a quantity, no price;</li>
 *   <li>{@code best} ({@link #best}): a best-price order that needs {@code ioc} or {@code fok}; a bid gives the
 *       total amount (as {@code price}), an ask the quantity (as {@code volume}).</li>
 * </ul>
 *
 * <p>Options, each a wither: {@link #timeInForce} ({@code ioc} and {@code fok} for {@code limit} and {@code best},
 * {@code post_only} for {@code limit} only), {@link #smpType} (self-match prevention: {@code cancel_maker},
 * {@code cancel_taker}, {@code reduce} or {@code none}; {@code post_only} allows only {@code none}),
 * {@link #identifier} (the client's id) and {@link #stopPrice} (a stop-limit {@code limit} order: it waits in
 * state {@code watch} until {@link SimAccount#trigger triggered}). Combinations Upbit refuses are refused here with
 * an {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * account.place(OrderRequest.limit("KRW-BTC", Side.BID, new BigDecimal("100000000"), new BigDecimal("0.01"))
 *         .timeInForce(OrderRequest.POST_ONLY).smpType(OrderRequest.SMP_NONE).identifier("my-1"));
 * account.place(OrderRequest.best("KRW-ETH", Side.ASK, new BigDecimal("0.5"), OrderRequest.IOC));
 * }</pre>
 *
 * @param code        market, e.g. {@code KRW-BTC}
 * @param side        {@code BID} buys, {@code ASK} sells
 * @param orderType   {@code limit}, {@code price}, {@code market} or {@code best}
 * @param price       the unit price ({@code limit}), the total amount (a {@code price} order, a {@code best} bid),
 *                    else {@code null}
 * @param volume      the quantity ({@code limit}, {@code market}, a {@code best} ask), else {@code null}
 * @param timeInForce {@code ioc}, {@code fok}, {@code post_only} or {@code null}
 * @param smpType     the requested self-match prevention, or {@code null} for Upbit's default (see
 *                    {@link #appliedSmpType()})
 * @param identifier  the client's order id, or {@code null}
 * @param stopPrice   the trigger price of a stop-limit order, or {@code null}
 */
public record OrderRequest(String code, Side side, String orderType, BigDecimal price, BigDecimal volume,
                           String timeInForce, String smpType, String identifier, BigDecimal stopPrice) {

    /** {@code order_type} of a limit order. */
    public static final String LIMIT = "limit";
    /** {@code order_type} of a market buy by total amount. */
    public static final String PRICE = "price";
    /** {@code order_type} of a market sell by quantity. */
    public static final String MARKET = "market";
    /** {@code order_type} of a best-price order. */
    public static final String BEST = "best";
    /** {@code time_in_force}: fill what can be filled now, cancel the rest. */
    public static final String IOC = "ioc";
    /** {@code time_in_force}: fill all now or nothing. */
    public static final String FOK = "fok";
    /** {@code time_in_force}: only ever a maker; cancelled if it would take. */
    public static final String POST_ONLY = "post_only";
    /** {@code smp_type}: reduce both orders by the overlap. */
    public static final String SMP_REDUCE = "reduce";
    /** {@code smp_type}: cancel the resting (maker) order; Upbit's default since 2026-11-09. */
    public static final String SMP_CANCEL_MAKER = "cancel_maker";
    /** {@code smp_type}: cancel the incoming (taker) order. */
    public static final String SMP_CANCEL_TAKER = "cancel_taker";
    /** {@code smp_type}: no self-match prevention. */
    public static final String SMP_NONE = "none";

    private static final Set<String> ORDER_TYPES = Set.of(LIMIT, PRICE, MARKET, BEST);
    private static final Set<String> TIMES_IN_FORCE = Set.of(IOC, FOK, POST_ONLY);
    private static final Set<String> SMP_TYPES = Set.of(SMP_REDUCE, SMP_CANCEL_MAKER, SMP_CANCEL_TAKER, SMP_NONE);

    /**
     * Checks the combination as Upbit's order API does.
     *
     * @throws IllegalArgumentException for an invalid code, unknown value, missing or extra amount, or a refused
     *                                  combination of type, time in force, self-match prevention and stop price
     */
    public OrderRequest {
        MarketCodes.requireValid(code);
        Objects.requireNonNull(side, "side");
        require(ORDER_TYPES.contains(orderType), "order type must be one of " + ORDER_TYPES + ": " + orderType);
        require(timeInForce == null || TIMES_IN_FORCE.contains(timeInForce),
                "time in force must be one of " + TIMES_IN_FORCE + " or null: " + timeInForce);
        require(smpType == null || SMP_TYPES.contains(smpType),
                "smp type must be one of " + SMP_TYPES + " or null: " + smpType);
        require(!PRICE.equals(orderType) || side == Side.BID, "a price order is a market buy: side BID");
        require(!MARKET.equals(orderType) || side == Side.ASK, "a market order is a market sell: side ASK");
        if (LIMIT.equals(orderType)) {
            requirePositive(price, "a limit order's price");
            requirePositive(volume, "a limit order's volume");
        } else if (byAmount(orderType, side)) {
            requirePositive(price, "the total amount (price) of a " + orderType + " bid");
            require(volume == null, "a " + orderType + " bid gives no volume, only the total amount as price");
        } else {
            requirePositive(volume, "the volume of a " + orderType + " ask");
            require(price == null, "a " + orderType + " ask gives no price, only the volume");
        }
        require(!BEST.equals(orderType) || IOC.equals(timeInForce) || FOK.equals(timeInForce),
                "a best order needs time in force ioc or fok");
        require(timeInForce == null || LIMIT.equals(orderType) || BEST.equals(orderType),
                "time in force applies to limit and best orders only");
        require(!POST_ONLY.equals(timeInForce) || LIMIT.equals(orderType), "post_only applies to limit orders only");
        require(!POST_ONLY.equals(timeInForce) || smpType == null || SMP_NONE.equals(smpType),
                "post_only goes only with smp type none");
        if (stopPrice != null) {
            requirePositive(stopPrice, "stopPrice");
            require(LIMIT.equals(orderType), "a stop price makes a stop-limit order: limit only");
        }
    }

    /** A limit order of this quantity at this unit price. */
    public static OrderRequest limit(String code, Side side, BigDecimal price, BigDecimal volume) {
        return new OrderRequest(code, side, LIMIT, price, volume, null, null, null, null);
    }

    /** A market buy spending this total amount of the quote currency ({@code order_type=price}). */
    public static OrderRequest price(String code, BigDecimal funds) {
        return new OrderRequest(code, Side.BID, PRICE, funds, null, null, null, null, null);
    }

    /** A market sell of this quantity ({@code order_type=market}). */
    public static OrderRequest market(String code, BigDecimal volume) {
        return new OrderRequest(code, Side.ASK, MARKET, null, volume, null, null, null, null);
    }

    /**
     * A best-price order: a bid spends {@code amount} of the quote currency, an ask sells {@code amount} of the base
     * currency.
     *
     * @param timeInForce {@link #IOC} or {@link #FOK}
     */
    public static OrderRequest best(String code, Side side, BigDecimal amount, String timeInForce) {
        return side == Side.BID
                ? new OrderRequest(code, side, BEST, amount, null, timeInForce, null, null, null)
                : new OrderRequest(code, side, BEST, null, amount, timeInForce, null, null, null);
    }

    /** This order with this time in force ({@code ioc}, {@code fok}, {@code post_only}, or {@code null}). */
    public OrderRequest timeInForce(String value) {
        return new OrderRequest(code, side, orderType, price, volume, value, smpType, identifier, stopPrice);
    }

    /**
     * This order with this self-match prevention ({@code reduce}, {@code cancel_maker}, {@code cancel_taker},
     * {@code none}, or {@code null} for the default).
     */
    public OrderRequest smpType(String value) {
        return new OrderRequest(code, side, orderType, price, volume, timeInForce, value, identifier, stopPrice);
    }

    /** This order with this client-assigned id ({@code identifier}), or none. */
    public OrderRequest identifier(String value) {
        return new OrderRequest(code, side, orderType, price, volume, timeInForce, smpType, value, stopPrice);
    }

    /** This limit order as a stop-limit order: in state {@code watch} until triggered. */
    public OrderRequest stopPrice(BigDecimal value) {
        return new OrderRequest(code, side, orderType, price, volume, timeInForce, smpType, identifier, value);
    }

    /**
     * The {@code smp_type} the order carries: the requested one, else Upbit's default since 2026-11-09
     * (docs.upbit.com/kr/changelog/add-smp-type-default): {@code none} for a {@code post_only} order,
     * {@code cancel_maker} for any other. Every order carries one from that date.
     */
    public String appliedSmpType() {
        if (smpType != null) {
            return smpType;
        }
        return POST_ONLY.equals(timeInForce) ? SMP_NONE : SMP_CANCEL_MAKER;
    }

    /** Whether the order gives a total amount to spend ({@code price} orders, {@code best} bids), not a quantity. */
    boolean byAmount() {
        return byAmount(orderType, side);
    }

    /** Whether its fills take liquidity: everything but a plain or post-only limit order. */
    boolean taker() {
        return !LIMIT.equals(orderType) || IOC.equals(timeInForce) || FOK.equals(timeInForce);
    }

    private static boolean byAmount(String orderType, Side side) {
        return PRICE.equals(orderType) || (BEST.equals(orderType) && side == Side.BID);
    }

    private static void requirePositive(BigDecimal value, String name) {
        require(value != null && value.signum() > 0, name + " must be positive: " + value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
