package io.camelupbit.examples.signals;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The private routes run on the simulator (with its demo keys), and live only when both Upbit keys are set
 * ({@code camel.component.upbit.access-key} and {@code secret-key}, in any of Spring's forms): a live app without keys
 * still shows candles and signals.
 */
class PrivateStreamsCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        if (!binder.bind("signals.live", Boolean.class).orElse(false)) {
            return ConditionOutcome.match("the simulator's demo account");
        }
        return keysSet(binder) ? ConditionOutcome.match("signals.live=true with Upbit keys")
                : ConditionOutcome.noMatch("signals.live=true without camel.component.upbit.access-key and "
                        + "camel.component.upbit.secret-key");
    }

    /** Whether both Upbit keys are set. */
    static boolean keysSet(Binder binder) {
        return isSet(binder, "camel.component.upbit.access-key") && isSet(binder, "camel.component.upbit.secret-key");
    }

    private static boolean isSet(Binder binder, String property) {
        return !binder.bind(property, String.class).orElse("").isBlank();
    }
}
