package io.camelupbit.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.camelupbit.UpbitComponent;
import io.camelupbit.metrics.UpbitMeters;
import io.camelupbit.metrics.UpbitMetricsEventNotifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * When the auto-configuration applies: the customizer and the properties by default, nothing with
 * {@code camel.component.upbit.enabled=false}; the meters only with a MeterRegistry bean.
 */
class UpbitAutoConfigurationConditionsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    UpbitComponentAutoConfiguration.class, UpbitMetricsAutoConfiguration.class))
            .withPropertyValues("camel.component.upbit.max-frame-size=4096");

    @Test
    void byDefaultThePropertiesReachTheComponent() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(UpbitComponentConfiguration.class);
            assertThat(context).hasSingleBean(ComponentCustomizer.class);
            UpbitComponent upbit = context.getBean(CamelContext.class).getComponent("upbit", UpbitComponent.class);
            assertThat(upbit.getMaxFrameSize()).isEqualTo(4096);
        });
    }

    @Test
    void tlsSettingsBindAsNestedProperties() {
        runner.withPropertyValues("camel.component.upbit.ssl-context-parameters.secure-socket-protocol=TLSv1.3",
                "camel.component.upbit.use-global-ssl-context-parameters=true").run(context -> {
                    UpbitComponent upbit = context.getBean(CamelContext.class).getComponent("upbit",
                            UpbitComponent.class);
                    assertThat(upbit.getSslContextParameters().getSecureSocketProtocol()).isEqualTo("TLSv1.3");
                    assertThat(upbit.isUseGlobalSslContextParameters()).isTrue();
                });
    }

    @Test
    void disabledLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.upbit.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(UpbitComponentConfiguration.class);
            assertThat(context).doesNotHaveBean(ComponentCustomizer.class);
            assertThat(context).doesNotHaveBean(UpbitMeters.class);
            UpbitComponent upbit = context.getBean(CamelContext.class).getComponent("upbit", UpbitComponent.class);
            assertThat(upbit.getMaxFrameSize()).isEqualTo(1024 * 1024);
        });
    }

    @Test
    void customizerSwitchedOffLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.upbit.customizer.enabled=false").run(context -> {
            UpbitComponent upbit = context.getBean(CamelContext.class).getComponent("upbit", UpbitComponent.class);
            assertThat(upbit.getMaxFrameSize()).isEqualTo(1024 * 1024);
        });
    }

    @Test
    void metersOnlyWithAMeterRegistry() {
        runner.run(context -> assertThat(context).doesNotHaveBean(UpbitMeters.class)
                .doesNotHaveBean(UpbitMetricsEventNotifier.class));
        runner.withBean(SimpleMeterRegistry.class).run(context -> assertThat(context).hasSingleBean(UpbitMeters.class)
                .hasSingleBean(UpbitMetricsEventNotifier.class));
    }
}
