package io.camelupbit.session;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import io.camelupbit.event.CandleEvent;
import io.camelupbit.event.CandleUnit;
import io.camelupbit.event.StreamType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClosedCandlesTest {

    private final ClosedCandles closed = new ClosedCandles();

    @Test
    void aPeriodIsReleasedOnceWithItsLastValuesWhenTheNextBegins() {
        assertThat(closed.offer(candle("KRW-BTC", 0, "100"))).isNull();
        assertThat(closed.offer(candle("KRW-BTC", 0, "101"))).isNull();
        ReceivedEvent last = candle("KRW-BTC", 0, "102");
        assertThat(closed.offer(last)).isNull();

        assertThat(closed.offer(candle("KRW-BTC", 1, "103"))).isSameAs(last);
        assertThat(closed.offer(candle("KRW-BTC", 1, "104"))).isNull();
    }

    @Test
    void marketsAreIndependentAndLateRepeatsOfAClosedPeriodAreDropped() {
        ReceivedEvent eth = candle("KRW-ETH", 0, "5");
        closed.offer(candle("KRW-BTC", 0, "100"));
        closed.offer(eth);
        closed.offer(candle("KRW-BTC", 1, "101"));

        assertThat(closed.offer(candle("KRW-BTC", 0, "99"))).isNull();
        assertThat(closed.offer(candle("KRW-ETH", 2, "6"))).isSameAs(eth);
    }

    private static ReceivedEvent candle(String code, int minute, String close) {
        BigDecimal price = new BigDecimal(close);
        LocalDateTime start = LocalDateTime.of(2026, 11, 28, 12, minute);
        return new ReceivedEvent(new CandleEvent(CandleUnit.MINUTE_1, code, start, start.plusHours(9), price, price,
                price, price, BigDecimal.ONE, price, 0, StreamType.REALTIME), 0, null, false);
    }
}
