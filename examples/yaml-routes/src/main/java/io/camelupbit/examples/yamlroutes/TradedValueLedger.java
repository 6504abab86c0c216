package io.camelupbit.examples.yamlroutes;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The traded value per market since the app started: the {@code summary} route of {@code trades.camel.yaml} adds
 * every completed {@link TradeWindow} and prints what {@link #add} returns.
 */
public class TradedValueLedger {

    private final Map<String, MarketValue> totals = new TreeMap<>();

    /**
     * Adds the period to the totals.
     *
     * @return the summary: per market, the trades and traded value of the period and since start
     */
    public synchronized String add(TradeWindow window) {
        window.markets().forEach((code, value) -> totals.merge(code, value, MarketValue::plus));
        StringBuilder out = new StringBuilder(String.format("traded value%n%-10s %8s %22s %10s %24s%n",
                "market", "trades", "this period", "trades", "since start"));
        totals.forEach((code, total) -> {
            MarketValue period = window.markets().get(code);
            out.append(String.format("%-10s %8d %22s %10d %24s%n", code,
                    period == null ? 0 : period.trades(), amount(code, period == null ? BigDecimal.ZERO : period.value()),
                    total.trades(), amount(code, total.value())));
        });
        return out.toString();
    }

    /** The totals per market since start, by code. */
    public synchronized Map<String, MarketValue> totals() {
        return Map.copyOf(totals);
    }

    private static String amount(String code, BigDecimal value) {
        // KRW amounts in whole won, other quotes (BTC, USDT) with their decimals
        return new DecimalFormat(code.startsWith("KRW-") ? "#,##0" : "#,##0.########").format(value);
    }
}
