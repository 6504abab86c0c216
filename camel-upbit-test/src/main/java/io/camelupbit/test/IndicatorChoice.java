package io.camelupbit.test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One validated, normalised element of {@code indicators}: the indicator and, for {@code indicator_signal}, its
 * trigger and event params ({@code trigger} null and {@code eventParams} empty for {@code indicator}). Two choices
 * are the same combination exactly when they are equal.
 */
record IndicatorChoice(IndicatorSpec spec, SignalTrigger trigger, Map<EventParamKey, BigDecimal> eventParams) {

    IndicatorChoice {
        Map<EventParamKey, BigDecimal> copy = new EnumMap<>(EventParamKey.class);
        copy.putAll(eventParams);
        eventParams = Collections.unmodifiableMap(copy);
    }
}
