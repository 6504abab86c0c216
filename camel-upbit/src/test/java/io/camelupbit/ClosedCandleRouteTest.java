package io.camelupbit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.CandleEvent;
import io.camelupbit.test.Trade;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** closedOnly: each 1-minute candle exactly once, with the values of all its period's trades. */
class ClosedCandleRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(
            b -> b.seed(3).speed(120).tickInterval(Duration.ofMillis(500)));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:candle.1m?codes=KRW-BTC&closedOnly=true").to("mock:closed");
            }
        };
    }

    @Test
    void eachPeriodArrivesOnceWithItsFinalValues() throws Exception {
        MockEndpoint closed = getMockEndpoint("mock:closed");
        closed.expectedMinimumMessageCount(3);
        closed.assertIsSatisfied();

        List<CandleEvent> candles = closed.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(CandleEvent.class)).toList();
        for (int i = 1; i < candles.size(); i++) {
            assertThat(candles.get(i).candleDateTimeUtc()).isAfter(candles.get(i - 1).candleDateTimeUtc());
        }
        List<Trade> trades = upbit.simulator().market().tradesAfter("KRW-BTC", -1);
        // the first candle may be the snapshot of a period that began before the subscription: check the later ones
        for (CandleEvent candle : candles.subList(1, candles.size())) {
            var start = candle.candleDateTimeUtc().toInstant(ZoneOffset.UTC);
            List<Trade> period = trades.stream()
                    .filter(t -> !t.time().isBefore(start) && t.time().isBefore(start.plus(candle.unit().period())))
                    .toList();
            assertThat(period).as("trades of %s", candle.candleDateTimeUtc()).isNotEmpty();
            assertThat(candle.openingPrice()).isEqualByComparingTo(period.get(0).price());
            assertThat(candle.tradePrice()).isEqualByComparingTo(period.get(period.size() - 1).price());
            assertThat(candle.highPrice()).isEqualByComparingTo(
                    period.stream().map(Trade::price).max(BigDecimal::compareTo).orElseThrow());
            assertThat(candle.lowPrice()).isEqualByComparingTo(
                    period.stream().map(Trade::price).min(BigDecimal::compareTo).orElseThrow());
            assertThat(candle.candleAccTradeVolume()).isEqualByComparingTo(
                    period.stream().map(Trade::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }
}
