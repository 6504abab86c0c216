package io.camelupbit.examples.signals;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code signals.live=true}: the component connects to the real Upbit (its defaults and
 * {@code camel.component.upbit.*}), and signals are only logged ({@link PaperOrderGateway}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "signals", name = "live", havingValue = "true")
class LiveConfiguration {

    @Bean
    OrderGateway paperOrderGateway(SignalsProperties properties) {
        return new PaperOrderGateway(properties.orderVolume());
    }
}
