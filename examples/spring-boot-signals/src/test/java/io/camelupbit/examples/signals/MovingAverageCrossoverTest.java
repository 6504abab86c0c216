package io.camelupbit.examples.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MovingAverageCrossoverTest {

    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void signalsEachCrossAfterTheFirstSideIsKnownAndTiesKeepTheSide() {
        MovingAverageCrossover crossover = new MovingAverageCrossover("KRW-BTC", 2, 3);
        // SMA2 vs SMA3 after each close:
        // 10, 11: too few closes; 12: 11.5 > 11 (first side, no signal); 9: 10.5 < 10.67 SELL; 9: 9 < 10;
        // 15: 12 > 11 BUY; 3: 9 = 9 (a tie keeps "above"); 20: 11.5 < 12.67 SELL
        List<Optional<Signal>> out = feed(crossover, 10, 11, 12, 9, 9, 15, 3, 20);

        List<String> signals = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            int minute = i;
            out.get(i).ifPresent(s -> signals.add(minute + " " + s.side() + " " + s.close().toPlainString()));
        }
        assertThat(signals).containsExactly("3 SELL 9", "5 BUY 15", "7 SELL 20");

        Signal last = out.get(7).orElseThrow();
        assertThat(last.code()).isEqualTo("KRW-BTC");
        assertThat(last.candleStart()).isEqualTo(T0.plusSeconds(7 * 60));
        assertThat(last.shortAverage()).isEqualByComparingTo("11.5");
        assertThat(last.longAverage()).isEqualByComparingTo("12.66666666666667");
        assertThat(last.id()).isEqualTo("signal-KRW-BTC-SELL-" + T0.plusSeconds(7 * 60).getEpochSecond());
    }

    @Test
    void windowsMustBeOrdered() {
        assertThatThrownBy(() -> new MovingAverageCrossover("KRW-BTC", 8, 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MovingAverageCrossover("KRW-BTC", 0, 8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Optional<Signal>> feed(MovingAverageCrossover crossover, int... closes) {
        List<Optional<Signal>> out = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            out.add(crossover.onClose(T0.plusSeconds(i * 60L), BigDecimal.valueOf(closes[i])));
        }
        return out;
    }
}
