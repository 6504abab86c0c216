package io.camelupbit.test;

import java.math.BigDecimal;
import java.util.List;

/**
 * One data-type object of an accepted subscribe message, as the client sent it.
 *
 * @param type         the data type, e.g. {@code ticker}, {@code candle.1m}, {@code announcement} or
 *                     {@code indicator}
 * @param codes        the codes as requested, orderbook depth suffixes ({@code KRW-BTC.15}) kept; empty for
 *                     {@code myAsset} and {@code announcement}
 * @param onlySnapshot {@code is_only_snapshot} (always false for {@code announcement} and the indicator types,
 *                     which ignore it)
 * @param onlyRealtime {@code is_only_realtime} (likewise)
 * @param level        orderbook {@code level}, or {@code null} when the object had none
 * @param categories   the {@code categories} of an {@code announcement}, or {@code null} when the object had none
 * @param includeBody  the {@code include_body} of an {@code announcement}, or {@code null} when absent
 * @param timeframe    the {@code timeframe} of an {@code indicator} or {@code indicator_signal}, e.g. {@code 5m};
 *                     {@code null} for other types
 * @param indicators   the {@code indicators} of an {@code indicator} or {@code indicator_signal}; empty for other
 *                     types
 */
public record Subscription(String type, List<String> codes, boolean onlySnapshot, boolean onlyRealtime,
                           BigDecimal level, List<String> categories, Boolean includeBody, String timeframe,
                           List<IndicatorRequest> indicators) {

    public Subscription {
        codes = List.copyOf(codes);
        categories = categories == null ? null : List.copyOf(categories);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** A subscription of a quotation, {@code myOrder} or {@code myAsset} type: none of the newer fields. */
    public Subscription(String type, List<String> codes, boolean onlySnapshot, boolean onlyRealtime,
                        BigDecimal level) {
        this(type, codes, onlySnapshot, onlyRealtime, level, null, null, null, List.of());
    }

    /** This object with other codes, everything else kept. */
    Subscription withCodes(List<String> newCodes) {
        return new Subscription(type, newCodes, onlySnapshot, onlyRealtime, level, categories, includeBody,
                timeframe, indicators);
    }
}
