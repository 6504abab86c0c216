package io.camelupbit.springboot;

import java.util.Map;

import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.core.env.Environment;

import io.camelupbit.UpbitComponent;

/**
 * Copies the {@code camel.component.upbit.*} options that the application's properties set onto every
 * {@link UpbitComponent} Camel creates or finds in the registry, through the component's generated configurer (the
 * option names are the keys). Options the properties leave unset are not touched, so values set in code survive.
 *
 * <p>Like Camel's own starters it can be switched off with {@code camel.component.customizer.enabled=false} or
 * {@code camel.component.upbit.customizer.enabled=false}.
 */
public class UpbitComponentCustomizer implements ComponentCustomizer {

    private final Environment environment;
    private final UpbitComponentConfiguration configuration;

    /**
     * @param environment   where the {@code customizer.enabled} switches are read
     * @param configuration the bound {@code camel.component.upbit.*} properties
     */
    public UpbitComponentCustomizer(Environment environment, UpbitComponentConfiguration configuration) {
        this.environment = environment;
        this.configuration = configuration;
    }

    @Override
    public void configure(String name, Component target) {
        Map<String, Object> options = CamelPropertiesHelper.getNonNullProperties(target.getCamelContext(),
                configuration);
        // "enabled" switches the auto-configuration, it is no component option
        options.remove("enabled");
        // failIfNotSet: a property that has no component option behind it is a bug of this starter, not a user error
        CamelPropertiesHelper.setCamelProperties(target.getCamelContext(), target, options, true);
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return target instanceof UpbitComponent && HierarchicalPropertiesEvaluator.evaluate(environment,
                "camel.component.customizer", UpbitComponentConfiguration.PREFIX + ".customizer");
    }
}
