package io.camelupbit.wire;

import java.math.BigDecimal;
import java.util.StringJoiner;

import io.camelupbit.event.IndicatorParams;
import io.camelupbit.event.IndicatorType;
import io.camelupbit.event.SignalParams;
import io.camelupbit.event.SignalTrigger;

/**
 * One indicator of an {@code indicator} or {@code indicator_signal} request: which indicator with which parameters, and
 * for a signal the condition and its parameters. Multipliers are kept at Upbit's one decimal ({@code 2.0}).
 *
 * @param indicator   the indicator
 * @param params      its parameters (only its own set)
 * @param trigger     the condition of a signal; {@code null} for {@code indicator}
 * @param eventParams the condition's parameters ({@link SignalParams#NONE} when it takes none); {@code null} for
 *                    {@code indicator}
 */
public record IndicatorChoice(IndicatorType indicator, IndicatorParams params, SignalTrigger trigger,
                              SignalParams eventParams) {

    /** Whether an item with these values answers this choice (multipliers compared by value). */
    public boolean matches(IndicatorType indicator, IndicatorParams params, SignalTrigger trigger,
            SignalParams eventParams) {
        return this.indicator == indicator && this.params.sameAs(params) && this.trigger == trigger
                && (this.eventParams == null || this.eventParams.sameAs(eventParams == null ? SignalParams.NONE
                        : eventParams));
    }

    /** The choice as the {@code indicators} option writes it, e.g. {@code rsi(period=14,trigger=overbought,threshold=70)}. */
    @Override
    public String toString() {
        StringJoiner args = new StringJoiner(",", indicator.upbitName() + "(", ")");
        add(args, "period", params.period());
        add(args, "type", params.maType());
        add(args, "shortPeriod", params.shortPeriod());
        add(args, "longPeriod", params.longPeriod());
        add(args, "multiplier", params.multiplier());
        add(args, "fast", params.fast());
        add(args, "slow", params.slow());
        add(args, "signalPeriod", params.signalPeriod());
        if (trigger != null) {
            add(args, "trigger", trigger.upbitName());
            add(args, "threshold", eventParams.threshold());
            add(args, "multiplier", eventParams.multiplier());
        }
        return args.toString();
    }

    private static void add(StringJoiner args, String name, Object value) {
        if (value != null) {
            args.add(name + "=" + (value instanceof BigDecimal d ? d.toPlainString() : value));
        }
    }
}
