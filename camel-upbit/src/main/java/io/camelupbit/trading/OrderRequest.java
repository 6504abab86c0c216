package io.camelupbit.trading;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.SmpType;
import io.camelupbit.event.TimeInForce;

/**
 * An order to place ({@code POST /v1/orders}, https://docs.upbit.com/kr/reference/new-order). Build it with
 * {@link #limit}, {@link #price}, {@link #market} or {@link #best}, then {@link #timeInForce}, {@link #smpType},
 * {@link #identifier}; {@link #check()} says what Upbit would refuse, naming the field, before anything is sent.
 *
 * @param code        market code, e.g. {@code KRW-BTC}
 * @param side        bid (buy) or ask (sell)
 * @param orderType   limit; price (a market buy of an amount); market (a market sell of a volume); best (at the best
 *                    price, ioc or fok)
 * @param price       the limit price, or the amount of a price order and of a best buy
 * @param volume      the volume of a limit, market or best sell order
 * @param timeInForce ioc, fok or post_only; {@code null} for none
 * @param smpType     self-match prevention; {@code null} for Upbit's default
 * @param identifier  the client's id of the order, at most 64 characters, never reusable: with it, an order whose
 *                    answer was lost can be sent again safely; {@code null} for none
 */
public record OrderRequest(String code, AskBid side, OrderType orderType, BigDecimal price, BigDecimal volume,
                           TimeInForce timeInForce, SmpType smpType, String identifier) {

    private static final Pattern CODE = Pattern.compile("[A-Z]{2,5}-[A-Z0-9]{1,15}");

    /** A limit order: price and volume. */
    public static OrderRequest limit(String code, AskBid side, BigDecimal price, BigDecimal volume) {
        return new OrderRequest(code, side, OrderType.LIMIT, price, volume, null, null, null);
    }

    /** A market buy of an amount of the quote currency. */
    public static OrderRequest price(String code, BigDecimal amount) {
        return new OrderRequest(code, AskBid.BID, OrderType.PRICE, amount, null, null, null, null);
    }

    /** A market sell of a volume. */
    public static OrderRequest market(String code, BigDecimal volume) {
        return new OrderRequest(code, AskBid.ASK, OrderType.MARKET, null, volume, null, null, null);
    }

    /** At the best price: a buy of an amount, a sell of a volume; ioc or fok. */
    public static OrderRequest best(String code, AskBid side, BigDecimal amountOrVolume, TimeInForce timeInForce) {
        return side == AskBid.BID
                ? new OrderRequest(code, side, OrderType.BEST, amountOrVolume, null, timeInForce, null, null)
                : new OrderRequest(code, side, OrderType.BEST, null, amountOrVolume, timeInForce, null, null);
    }

    public OrderRequest timeInForce(TimeInForce value) {
        return new OrderRequest(code, side, orderType, price, volume, value, smpType, identifier);
    }

    public OrderRequest smpType(SmpType value) {
        return new OrderRequest(code, side, orderType, price, volume, timeInForce, value, identifier);
    }

    public OrderRequest identifier(String value) {
        return new OrderRequest(code, side, orderType, price, volume, timeInForce, smpType, value);
    }

    /**
     * What Upbit would refuse, checked here so that nothing is sent.
     *
     * @throws IllegalArgumentException naming the field and what it must be
     */
    public OrderRequest check() {
        require(code != null && CODE.matcher(code.toUpperCase(Locale.ROOT)).matches(),
                "code must be a market code such as KRW-BTC, got " + code);
        require(side == AskBid.BID || side == AskBid.ASK, "side must be bid or ask, got " + side);
        require(orderType != null && orderType != OrderType.UNKNOWN,
                "orderType must be limit, price, market or best, got " + orderType);
        positive(price, "price");
        positive(volume, "volume");
        switch (orderType) {
            case LIMIT -> {
                require(price != null, "a limit order needs a price");
                require(volume != null, "a limit order needs a volume");
            }
            case PRICE -> {
                require(side == AskBid.BID, "a price order (market buy by amount) is a bid");
                require(price != null, "a price order needs price, the amount to spend");
                require(volume == null, "a price order takes no volume (it buys for the amount in price)");
            }
            case MARKET -> {
                require(side == AskBid.ASK, "a market order (market sell) is an ask");
                require(volume != null, "a market order needs a volume");
                require(price == null, "a market order takes no price");
            }
            case BEST -> {
                require(timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK,
                        "a best order needs timeInForce ioc or fok");
                if (side == AskBid.BID) {
                    require(price != null && volume == null, "a best bid takes price (the amount) and no volume");
                } else {
                    require(volume != null && price == null, "a best ask takes volume and no price");
                }
            }
            default -> throw new IllegalStateException();
        }
        if (timeInForce == TimeInForce.POST_ONLY) {
            require(orderType == OrderType.LIMIT, "timeInForce post_only is for limit orders only");
            require(smpType == null || smpType == SmpType.NONE,
                    "timeInForce post_only cannot be combined with smpType "
                            + smpType.name().toLowerCase(Locale.ROOT));
        }
        require(timeInForce != TimeInForce.UNKNOWN, "timeInForce must be ioc, fok or post_only");
        require(smpType != SmpType.UNKNOWN, "smpType must be cancel_maker, cancel_taker, reduce or none");
        require(identifier == null || !identifier.isBlank() && identifier.length() <= 64,
                "identifier must be 1 to 64 characters");
        return this;
    }

    private static void positive(BigDecimal value, String field) {
        require(value == null || value.signum() > 0, field + " must be positive");
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("Order refused before sending: " + problem);
        }
    }
}
