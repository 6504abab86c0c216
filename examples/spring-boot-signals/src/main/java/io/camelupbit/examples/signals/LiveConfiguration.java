package io.camelupbit.examples.signals;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code signals.live=true}: the component connects to the real Upbit (its defaults and
 * {@code camel.component.upbit.*}). With keys, orders go to {@code upbit:testOrder}, where Upbit validates them and
 * places nothing, unless {@code signals.trade-for-real=true}; without keys they are only logged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "signals", name = "live", havingValue = "true")
class LiveConfiguration {

    @Bean
    OrderTarget liveOrderTarget(SignalsProperties properties, Environment environment) {
        if (!PrivateStreamsCondition.keysSet(Binder.get(environment))) {
            return OrderTarget.logging();
        }
        return properties.tradeForReal()
                ? OrderTarget.placing("UPBIT, FOR REAL: every signal places an order with your money "
                        + "(signals.trade-for-real=true)")
                : OrderTarget.validating();
    }
}
