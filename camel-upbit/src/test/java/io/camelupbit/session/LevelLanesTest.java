package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.TreeSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lanes keep one market at one orderbook level per connection; other types always ride lane 0. */
class LevelLanesTest {

    private final LevelLanes lanes = new LevelLanes();

    @Test
    void aMarketAtASecondLevelTakesTheNextLaneAndItsReleaseFreesIt() {
        SubscriptionSpec plain = orderbook(null, "KRW-BTC");
        SubscriptionSpec grouped = orderbook("10000", "KRW-BTC");
        SubscriptionSpec sameLevelWritten = orderbook("1E+4", "KRW-BTC");
        SubscriptionSpec coarser = orderbook("100000", "KRW-BTC");

        assertThat(lanes.claim(plain)).isZero();
        assertThat(lanes.claim(grouped)).isEqualTo(1);
        assertThat(lanes.claim(sameLevelWritten)).isEqualTo(1);
        assertThat(lanes.claim(coarser)).isEqualTo(2);

        lanes.release(1, grouped);
        assertThat(lanes.claim(orderbook("1000000", "KRW-BTC"))).as("lane 1 still holds 1E+4").isEqualTo(3);
        lanes.release(1, sameLevelWritten);
        assertThat(lanes.claim(orderbook("1000000", "KRW-BTC"))).as("lane 1 is free again").isEqualTo(1);
    }

    @Test
    void aRouteOfSeveralMarketsTakesALaneWhereNoneOfThemConflicts() {
        assertThat(lanes.claim(orderbook(null, "KRW-BTC"))).isZero();
        assertThat(lanes.claim(orderbook("10000", "KRW-ETH"))).isZero();
        assertThat(lanes.claim(orderbook("10000", "KRW-BTC", "KRW-ETH"))).isEqualTo(1);
        assertThat(lanes.claim(orderbook("10000", "KRW-XRP"))).isZero();
    }

    @Test
    void otherTypesStayOnLaneZero() {
        lanes.claim(orderbook("10000", "KRW-BTC"));
        SubscriptionSpec ticker = new SubscriptionSpec("ticker", new TreeSet<>(List.of("KRW-BTC")), SnapshotMode.BOTH,
                0, null);
        assertThat(lanes.claim(ticker)).isZero();
        lanes.release(0, ticker);
    }

    private static SubscriptionSpec orderbook(String level, String... codes) {
        return new SubscriptionSpec("orderbook", new TreeSet<>(List.of(codes)), SnapshotMode.BOTH, 0,
                level == null ? null : new BigDecimal(level));
    }
}
