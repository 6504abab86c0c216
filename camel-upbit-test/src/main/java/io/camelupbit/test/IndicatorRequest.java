package io.camelupbit.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One element of the {@code indicators} of an accepted {@code indicator} or {@code indicator_signal} object, as the
 * client wrote it: numbers as {@link java.math.BigDecimal} with the client's text ({@code 2.00} stays {@code 2.00};
 * the simulator normalises them only where it writes them, e.g. {@code 2.0}), texts as {@link String}.
 *
 * @param type        the indicator, e.g. {@code rsi}
 * @param params      its {@code params}, in the order written
 * @param trigger     the {@code trigger} of an {@code indicator_signal}, else {@code null}
 * @param eventParams the {@code event_params} of an {@code indicator_signal} as written ({@code {}} when sent
 *                    empty), or {@code null} when absent (and always for {@code indicator})
 */
public record IndicatorRequest(String type, Map<String, Object> params, String trigger,
                               Map<String, Object> eventParams) {

    public IndicatorRequest {
        Objects.requireNonNull(type, "type");
        params = copy(Objects.requireNonNull(params, "params"));
        eventParams = eventParams == null ? null : copy(eventParams);
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
