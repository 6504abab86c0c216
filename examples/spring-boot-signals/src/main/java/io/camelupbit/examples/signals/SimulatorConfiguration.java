package io.camelupbit.examples.signals;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.camelupbit.UpbitComponent;
import io.camelupbit.test.SimAccount;
import io.camelupbit.test.UpbitSimulator;

/**
 * The default mode: an embedded Upbit simulator with a demo account (funded here, as a deposit would), the upbit
 * component pointed at its WebSocket and REST API (configured in code; {@code camel.component.upbit.*} properties still
 * apply on top). Orders are placed with {@code upbit:placeOrder} in the demo account, as they would be on Upbit, and
 * the simulated market fills them when its trades reach their price ({@code signals.simulator.fill-orders}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "signals", name = "live", havingValue = "false", matchIfMissing = true)
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    UpbitSimulator upbitSimulator(SignalsProperties properties) {
        SignalsProperties.Simulator settings = properties.simulator();
        UpbitSimulator.Builder builder = UpbitSimulator.builder().seed(settings.seed()).speed(settings.speed())
                .tickInterval(settings.tickInterval()).markets(properties.code())
                .apiKey(settings.accessKey(), settings.secretKey()).fillRestingOrders(settings.fillOrders());
        if (settings.start() != null) {
            builder.simulatedStart(settings.start());
        }
        UpbitSimulator simulator = builder.build().start();
        SimAccount account = simulator.account(settings.accessKey());
        account.deposit("KRW", settings.depositKrw());
        account.deposit(properties.code().substring(properties.code().indexOf('-') + 1), settings.depositBase());
        return simulator;
    }

    @Bean
    UpbitComponent upbit(UpbitSimulator simulator, SignalsProperties properties) {
        UpbitComponent upbit = new UpbitComponent();
        upbit.setUrl(simulator.url());
        upbit.setRestUrl(simulator.restUrl());
        upbit.setAccessKey(properties.simulator().accessKey());
        upbit.setSecretKey(properties.simulator().secretKey());
        return upbit;
    }

    @Bean
    OrderTarget simulatorOrderTarget() {
        return OrderTarget.placing("upbit:placeOrder in the simulator's demo account");
    }
}
