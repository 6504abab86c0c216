package io.camelupbit.springboot;

import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the upbit component, in the shape of Camel's generated {@code camel-*-starter}s: binds
 * {@code camel.component.upbit.*} ({@link UpbitComponentConfiguration}) and registers the {@link ComponentCustomizer}
 * that copies it onto the component. Off with {@code camel.component.upbit.enabled=false} (or
 * {@code camel.component.enabled=false} for every component).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, UpbitComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", UpbitComponentConfiguration.PREFIX })
public class UpbitComponentAutoConfiguration {

    /**
     * The customizer Camel applies to every upbit component it creates or finds in the registry.
     *
     * @param environment   the application's environment
     * @param configuration the bound properties
     * @return the customizer
     */
    // lazy like Camel's starters: Camel looks customizers up when it creates the component, not at refresh
    @Lazy
    @Bean
    public ComponentCustomizer configureUpbitComponent(Environment environment,
                                                       UpbitComponentConfiguration configuration) {
        return new UpbitComponentCustomizer(environment, configuration);
    }
}
