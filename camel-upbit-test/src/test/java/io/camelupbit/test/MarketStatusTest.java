package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketStatusTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-09");

    @Test
    void wellKnownMarketsStayActiveAndTheOthersVaryWithSeedAndCode() {
        for (String code : MarketStatus.WELL_KNOWN) {
            assertThat(MarketStatus.derived(15, code, DAY)).isEqualTo(MarketStatus.ACTIVE);
        }
        List<String> codes = IntStream.range(0, 300).mapToObj(i -> "KRW-C" + i).toList();
        Set<String> states = new HashSet<>();
        Set<String> warnings = new HashSet<>();
        Set<Boolean> suspended = new HashSet<>();
        Set<String> dates = new HashSet<>();
        for (String code : codes) {
            MarketStatus s = MarketStatus.derived(15, code, DAY);
            assertThat(MarketStatus.derived(15, code, DAY)).as("stable").isEqualTo(s);
            states.add(s.marketState());
            warnings.add(s.marketWarning());
            suspended.add(s.tradingSuspended());
            if (s.delistingDate() != null) {
                dates.add(s.delistingDate());
                LocalDate date = LocalDate.parse(s.delistingDate());
                // A delisted market ended before the run; an active one has its end announced ahead.
                if ("DELISTED".equals(s.marketState())) {
                    assertThat(date).isBefore(DAY);
                    assertThat(s.tradingSuspended()).isTrue();
                } else {
                    assertThat(s.marketState()).isEqualTo("ACTIVE");
                    assertThat(date).isAfter(DAY);
                    assertThat(s.marketWarning()).isEqualTo("CAUTION");
                }
            }
        }
        assertThat(states).containsExactlyInAnyOrder("PREVIEW", "ACTIVE", "DELISTED");
        assertThat(warnings).containsExactlyInAnyOrder("NONE", "CAUTION");
        assertThat(suspended).containsExactlyInAnyOrder(true, false);
        assertThat(dates).hasSizeGreaterThan(10);
        assertThat(codes).anySatisfy(code -> assertThat(MarketStatus.derived(16, code, DAY))
                .isNotEqualTo(MarketStatus.derived(15, code, DAY)));
    }

    @Test
    void theBuilderSetsAMarketsStatusAndTickersCarryIt() {
        MarketStatus delisted = new MarketStatus("DELISTED", "CAUTION", true, "2026-12-01");
        try (UpbitSimulator sim = UpbitSimulator.builder().seed(15).marketStatus("KRW-BTC", delisted).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            assertThat(sim.market().status("KRW-BTC")).isEqualTo(delisted);
            assertThat(sim.market().status("KRW-ETH")).isEqualTo(MarketStatus.ACTIVE);
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\",\"KRW-TRX\"],"
                    + "\"is_only_snapshot\":true}]");
            Map<String, Object> btc = Json.object(client.next().text());
            assertThat(btc).containsEntry("code", "KRW-BTC").containsEntry("market_state", "DELISTED")
                    .containsEntry("market_warning", "CAUTION").containsEntry("is_trading_suspended", true)
                    .containsEntry("delisting_date", "2026-12-01");
            Map<String, Object> trx = Json.object(client.next().text());
            MarketStatus derived = sim.market().status("KRW-TRX");
            assertThat(trx).containsEntry("market_state", derived.marketState())
                    .containsEntry("market_warning", derived.marketWarning())
                    .containsEntry("is_trading_suspended", derived.tradingSuspended())
                    .containsEntry("delisting_date", derived.delistingDate());
        }
    }

    @Test
    void blankValuesAreRefused() {
        assertThatThrownBy(() -> new MarketStatus(" ", "NONE", false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MarketStatus("ACTIVE", "NONE", false, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpbitSimulator.builder().marketStatus("btc", MarketStatus.ACTIVE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
