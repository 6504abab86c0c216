package io.camelupbit.test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An indicator with its normalised params (integers of scale 0, multipliers of scale 1, texts): what its values
 * depend on, so equal specs share one computation per candle close.
 */
record IndicatorSpec(IndicatorKind kind, Map<IndicatorParamKey, Object> params) {

    IndicatorSpec {
        Map<IndicatorParamKey, Object> copy = new EnumMap<>(IndicatorParamKey.class);
        copy.putAll(params);
        params = Collections.unmodifiableMap(copy);
    }

    int integer(IndicatorParamKey key) {
        return ((BigDecimal) params.get(key)).intValueExact();
    }

    double decimal(IndicatorParamKey key) {
        return ((BigDecimal) params.get(key)).doubleValue();
    }

    String text(IndicatorParamKey key) {
        return (String) params.get(key);
    }
}
