package io.camelupbit.examples.signals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import io.camelupbit.test.UpbitSimulator;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Moving-average crossover signals from Upbit's closed 1-minute candles, with the upbit Spring Boot starter: candles
 * → {@link SignalDetector} → a circuit breaker → the {@link OrderGateway}; the account's orders and balances from the
 * private streams; health and metrics on the actuator. Runs on the embedded simulator unless
 * {@code signals.live=true}.
 */
@SpringBootApplication
@EnableConfigurationProperties(SignalsProperties.class)
public class SignalsApplication {

    private static final Logger LOG = LoggerFactory.getLogger(SignalsApplication.class);

    /**
     * Starts the app.
     *
     * @param args Spring Boot arguments, e.g. {@code --signals.live=true}
     */
    public static void main(String[] args) {
        SpringApplication.run(SignalsApplication.class, args);
    }

    @Bean
    SignalDetector signalDetector(SignalsProperties properties) {
        return new SignalDetector(properties.shortWindow(), properties.longWindow());
    }

    @Bean
    SignalDeliveries signalDeliveries(MeterRegistry meters) {
        return new SignalDeliveries(meters);
    }

    @Bean
    AccountActivity accountActivity() {
        return new AccountActivity();
    }

    @Bean
    CandleRoutes candleRoutes(SignalsProperties properties, SignalDetector detector) {
        return new CandleRoutes(properties.code(), detector);
    }

    @Bean
    SignalDeliveryRoutes signalDeliveryRoutes(SignalsProperties properties, OrderTarget target,
                                              AccountActivity activity, SignalDeliveries deliveries) {
        return new SignalDeliveryRoutes(properties.breaker(), target, properties.orderVolume(), activity, deliveries);
    }

    @Bean
    @Conditional(PrivateStreamsCondition.class)
    AccountRoutes accountRoutes(AccountActivity activity) {
        return new AccountRoutes(activity);
    }

    /**
     * One line at start saying where the data comes from, where orders go and whether the private streams run; loud
     * when orders are real.
     */
    @Bean
    ApplicationRunner modeReport(SignalsProperties properties, OrderTarget target,
                                 ObjectProvider<UpbitSimulator> simulator, ObjectProvider<AccountRoutes> accountRoutes) {
        return args -> {
            LOG.info("Signals on {} (SMA{} vs SMA{}) from {}; orders to {}; private streams {}", properties.code(),
                    properties.shortWindow(), properties.longWindow(),
                    properties.live() ? "the real Upbit"
                            : "the simulator at " + simulator.getObject().url() + " (" + properties.simulator().speed()
                                    + "x)",
                    target.description(),
                    accountRoutes.getIfAvailable() != null ? "on"
                            : "off (signals.live=true needs camel.component.upbit.access-key and secret-key)");
            if (properties.live() && target.places()) {
                LOG.warn("*** REAL TRADING: every signal places a limit order of {} {} on Upbit with your money ***",
                        properties.orderVolume(), properties.code());
            }
        };
    }
}
