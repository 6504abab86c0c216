package io.camelupbit.session;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.camelupbit.event.IndicatorParams;
import io.camelupbit.event.IndicatorTimeframe;
import io.camelupbit.event.IndicatorType;
import io.camelupbit.wire.IndicatorChoice;
import io.camelupbit.wire.TypeOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Upbit's 100 combinations per info connection, counted over the routes that share it. */
class IndicatorBudgetTest {

    private final IndicatorBudget budget = new IndicatorBudget();

    @Test
    void sharedCombinationsCountOnceAndARouteBeyondTheLimitHoldsNothing() {
        SubscriptionSpec sixty = spec("indicator", 6, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        budget.claim(sixty);
        budget.claim(spec("indicator", 6, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        assertThat(budget.size()).isEqualTo(60);

        // 5 codes x 9 periods, 45 of them new: 105 > 100
        SubscriptionSpec tooMany = spec("indicator_signal", 5, 7, 9, 14, 21, 25, 2, 3, 4, 5);
        assertThatThrownBy(() -> budget.claim(tooMany)).hasMessageContaining("45 of them new")
                .hasMessageContaining("more than Upbit's 100 per connection");
        assertThat(budget.size()).isEqualTo(60);

        budget.release(sixty);
        assertThat(budget.size()).isEqualTo(60);
        // 4 codes x 10 periods, 5 of them held already
        budget.claim(spec("indicator", 4, 12, 13, 14, 21, 25, 2, 3, 4, 5, 6));
        assertThat(budget.size()).isEqualTo(80);
        budget.claim(spec("indicator_signal", 4, 7, 9, 14, 21, 25));
        assertThat(budget.size()).isEqualTo(100);
        assertThatThrownBy(() -> budget.claim(spec("indicator", 1, 99))).hasMessageContaining("1 of them new");
    }

    private static SubscriptionSpec spec(String type, int codes, int... periods) {
        List<String> markets = new ArrayList<>();
        for (int i = 0; i < codes; i++) {
            markets.add("KRW-C" + i);
        }
        List<IndicatorChoice> choices = new ArrayList<>();
        for (int period : periods) {
            choices.add(new IndicatorChoice(IndicatorType.RSI,
                    new IndicatorParams(period, null, null, null, null, null, null, null), null, null));
        }
        return new SubscriptionSpec(type, new TreeSet<>(markets), SnapshotMode.BOTH, 0, null,
                new TypeOptions.Indicators(IndicatorTimeframe.MINUTE_5, choices));
    }
}
