package io.camelupbit.examples.yamlroutes;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.camelupbit.event.TradeEvent;

/**
 * The trades of one summary period, added up per market: the body the {@code aggregate} step of
 * {@code trades.camel.yaml} builds with {@link TradedValueAggregation}. Filled by one aggregation at a time (the
 * aggregator serialises them), read once the period is complete.
 */
public final class TradeWindow {

    private final Map<String, MarketValue> markets = new TreeMap<>();

    /** Adds one trade to its market. */
    public void add(TradeEvent trade) {
        markets.merge(trade.code(), MarketValue.of(trade), MarketValue::plus);
    }

    /** The markets that traded in this period, by code. */
    public Map<String, MarketValue> markets() {
        return Collections.unmodifiableMap(markets);
    }

    @Override
    public String toString() {
        return "TradeWindow" + markets;
    }
}
