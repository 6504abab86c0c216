package io.camelupbit.test;

/**
 * The side of an order of a {@link SimAccount}, as Upbit's {@code ask_bid}: {@code BID} buys the base currency
 * (pays the quote currency), {@code ASK} sells it.
 */
public enum Side {
    /** A sell order. */
    ASK,
    /** A buy order. */
    BID
}
