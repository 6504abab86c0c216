package io.camelupbit.test;

/**
 * Told of every trade the market model generates ({@link MarketState}), market by market in the order of the trade
 * sequence, as each is generated: on whichever thread advanced the market (a connection's event loop, a REST
 * request, the test) and while that market's lock is held. So it must only hand the trade over (queue it) and
 * return: never block, never take another lock that someone may hold while reading the market.
 */
@FunctionalInterface
interface TradeListener {

    /** A listener that does nothing: the default. */
    TradeListener NONE = trade -> { };

    /** This trade was just generated: it is now the market's last trade. */
    void traded(Trade trade);
}
