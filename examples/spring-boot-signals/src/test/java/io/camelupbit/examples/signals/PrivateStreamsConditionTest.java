package io.camelupbit.examples.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The private routes run on the simulator, and live only with both keys. */
class PrivateStreamsConditionTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Guarded.class);

    @Test
    void onTheSimulator() {
        runner.run(context -> assertThat(context).hasBean("privateStreams"));
        runner.withPropertyValues("signals.live=false")
                .run(context -> assertThat(context).hasBean("privateStreams"));
    }

    @Test
    void liveOnlyWithBothKeys() {
        runner.withPropertyValues("signals.live=true")
                .run(context -> assertThat(context).doesNotHaveBean("privateStreams"));
        runner.withPropertyValues("signals.live=true", "camel.component.upbit.access-key=a")
                .run(context -> assertThat(context).doesNotHaveBean("privateStreams"));
        runner.withPropertyValues("signals.live=true", "camel.component.upbit.access-key=a",
                        "camel.component.upbit.secret-key= ")
                .run(context -> assertThat(context).doesNotHaveBean("privateStreams"));
        runner.withPropertyValues("signals.live=true", "camel.component.upbit.accessKey=a",
                        "camel.component.upbit.secret-key=s")
                .run(context -> assertThat(context).hasBean("privateStreams"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Guarded {
        @Bean
        @Conditional(PrivateStreamsCondition.class)
        String privateStreams() {
            return "on";
        }
    }
}
