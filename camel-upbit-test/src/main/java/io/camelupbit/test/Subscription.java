package io.camelupbit.test;

import java.math.BigDecimal;
import java.util.List;

/**
 * One data-type object of an accepted subscribe message, as the client sent it.
 *
 * @param type         the data type, e.g. {@code ticker} or {@code candle.1m}
 * @param codes        the codes as requested, orderbook depth suffixes ({@code KRW-BTC.15}) kept; empty for
 *                     {@code myAsset}
 * @param onlySnapshot {@code is_only_snapshot}
 * @param onlyRealtime {@code is_only_realtime}
 * @param level        orderbook {@code level}, or {@code null} when the object had none
 */
public record Subscription(String type, List<String> codes, boolean onlySnapshot, boolean onlyRealtime,
                           BigDecimal level) {

    public Subscription {
        codes = List.copyOf(codes);
    }
}
