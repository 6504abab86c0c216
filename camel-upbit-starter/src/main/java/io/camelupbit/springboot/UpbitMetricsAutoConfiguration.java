package io.camelupbit.springboot;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import io.camelupbit.metrics.UpbitMeters;
import io.camelupbit.metrics.UpbitMetricsEventNotifier;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer meters ({@code upbit.*}) for the upbit component's sessions and routes, when the application has
 * Micrometer and a {@link MeterRegistry} bean (Spring Boot's actuator provides one). Individual meters can be turned
 * off as usual, e.g. {@code management.metrics.enable.upbit.route=false}.
 */
// after Boot's metrics auto-configuration, so that @ConditionalOnBean sees the registry it defines (named, not
// referenced: the actuator is optional)
@AutoConfiguration(after = CamelAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnHierarchicalProperties({ "camel.component", UpbitComponentConfiguration.PREFIX })
public class UpbitMetricsAutoConfiguration {

    /**
     * The meters of the context's Upbit sessions and routes.
     *
     * @param registry the application's registry
     * @return the meters, registered as sessions and routes appear
     */
    @Bean
    @ConditionalOnMissingBean
    public UpbitMeters upbitMeters(MeterRegistry registry) {
        return new UpbitMeters(registry);
    }

    /**
     * The Camel event notifier that keeps the meters in step with the routes.
     *
     * @param meters the meters
     * @return the notifier (Camel finds it in the registry)
     */
    @Bean
    @ConditionalOnMissingBean
    public UpbitMetricsEventNotifier upbitMetricsEventNotifier(UpbitMeters meters) {
        return new UpbitMetricsEventNotifier(meters);
    }
}
