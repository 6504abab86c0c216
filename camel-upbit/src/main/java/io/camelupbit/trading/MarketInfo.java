package io.camelupbit.trading;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One market Upbit lists ({@code GET /v1/market/all?is_details=true}, https://docs.upbit.com/kr/reference/list-trading-pairs).
 *
 * @param code        market code, e.g. {@code KRW-BTC}
 * @param koreanName  e.g. 비트코인
 * @param englishName e.g. Bitcoin
 * @param warning     whether the market is designated for investment warning ({@code null} without details)
 * @param cautions    the caution flags Upbit lists, by name ({@code PRICE_FLUCTUATIONS}, ...), each true or false;
 *                    empty without details
 */
public record MarketInfo(String code, String koreanName, String englishName, Boolean warning,
                         Map<String, Boolean> cautions) {

    public MarketInfo {
        cautions = Map.copyOf(cautions);
    }

    /** The caution flags that are set, sorted. */
    public Set<String> activeCautions() {
        Set<String> active = new TreeSet<>();
        cautions.forEach((name, set) -> {
            if (Boolean.TRUE.equals(set)) {
                active.add(name);
            }
        });
        return active;
    }
}
