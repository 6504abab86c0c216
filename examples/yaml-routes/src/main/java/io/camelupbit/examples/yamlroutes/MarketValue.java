package io.camelupbit.examples.yamlroutes;

import java.math.BigDecimal;

import io.camelupbit.event.TradeEvent;

/**
 * Trades of one market added up: how many, their volume and their traded value (the exact sum of price x volume),
 * and the sequential ids of the first and the last of them.
 */
public record MarketValue(String code, long trades, BigDecimal volume, BigDecimal value, long firstSequentialId,
                          long lastSequentialId) {

    /** One trade. */
    public static MarketValue of(TradeEvent trade) {
        return new MarketValue(trade.code(), 1, trade.tradeVolume(), trade.tradePrice().multiply(trade.tradeVolume()),
                trade.sequentialId(), trade.sequentialId());
    }

    /** These trades followed by {@code later} ones of the same market. */
    public MarketValue plus(MarketValue later) {
        if (!code.equals(later.code)) {
            throw new IllegalArgumentException("different markets: " + code + ", " + later.code);
        }
        return new MarketValue(code, trades + later.trades, volume.add(later.volume), value.add(later.value),
                firstSequentialId, later.lastSequentialId);
    }
}
