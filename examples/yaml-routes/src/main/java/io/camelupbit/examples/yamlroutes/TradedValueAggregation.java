package io.camelupbit.examples.yamlroutes;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import io.camelupbit.event.TradeEvent;

/**
 * The aggregation strategy of the {@code aggregate} step in {@code trades.camel.yaml}: turns the {@link TradeEvent}
 * bodies of one period into one {@link TradeWindow}.
 */
public class TradedValueAggregation implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        TradeEvent trade = newExchange.getMessage().getBody(TradeEvent.class);
        if (oldExchange == null) {
            TradeWindow window = new TradeWindow();
            window.add(trade);
            newExchange.getMessage().setBody(window);
            return newExchange;
        }
        oldExchange.getMessage().getBody(TradeWindow.class).add(trade);
        return oldExchange;
    }
}
