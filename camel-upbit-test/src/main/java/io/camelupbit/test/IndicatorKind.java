package io.camelupbit.test;

import java.util.List;

import static io.camelupbit.test.IndicatorParamKey.FAST;
import static io.camelupbit.test.IndicatorParamKey.LONG_PERIOD;
import static io.camelupbit.test.IndicatorParamKey.MULTIPLIER;
import static io.camelupbit.test.IndicatorParamKey.PERIOD;
import static io.camelupbit.test.IndicatorParamKey.SHORT_PERIOD;
import static io.camelupbit.test.IndicatorParamKey.SIGNAL_PERIOD;
import static io.camelupbit.test.IndicatorParamKey.SLOW;
import static io.camelupbit.test.IndicatorParamKey.TYPE;

/** The indicators of {@code indicator} and {@code indicator_signal}, with the params each requires. */
enum IndicatorKind {
    VOLUME("volume", List.of(PERIOD)),
    RSI("rsi", List.of(PERIOD)),
    MOVING_AVERAGE("moving_average", List.of(TYPE, PERIOD)),
    MA_CROSSOVER("ma_crossover", List.of(TYPE, SHORT_PERIOD, LONG_PERIOD)),
    BOLLINGER_BANDS("bollinger_bands", List.of(PERIOD, MULTIPLIER)),
    MACD("macd", List.of(FAST, SLOW, SIGNAL_PERIOD));

    private final String wireName;
    private final List<IndicatorParamKey> params;

    IndicatorKind(String wireName, List<IndicatorParamKey> params) {
        this.wireName = wireName;
        this.params = params;
    }

    /** The name on the wire, e.g. {@code moving_average}. */
    String wireName() {
        return wireName;
    }

    /** Every param it requires (Upbit documents no defaults) and the only ones it takes. */
    List<IndicatorParamKey> params() {
        return params;
    }

    /** The indicator of this exact name, or {@code null}. */
    static IndicatorKind byName(String name) {
        for (IndicatorKind k : values()) {
            if (k.wireName.equals(name)) {
                return k;
            }
        }
        return null;
    }
}
