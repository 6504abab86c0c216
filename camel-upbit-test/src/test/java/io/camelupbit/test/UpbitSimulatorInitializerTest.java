package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import java.net.URI;
import java.util.Map;

import static io.camelupbit.test.SimTestSupport.listening;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The initializer in a plain Spring context (no Boot): the component properties point at the simulator, which is a
 * bean, running until the context closes, and closed after the other beans are destroyed.
 */
class UpbitSimulatorInitializerTest {

    @Test
    void thePropertiesPointAtTheSimulatorBeanWhichClosesAfterTheOtherBeans() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        // what the app's own properties say loses to the simulator's
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("app",
                Map.of("camel.component.upbit.url", "wss://api.upbit.com/websocket/v1")));
        new UpbitSimulatorInitializer().initialize(context);
        context.register(App.class);
        context.refresh();

        UpbitSimulator simulator = context.getBean(UpbitSimulatorInitializer.BEAN_NAME, UpbitSimulator.class);
        assertThat(context.getBean(UpbitSimulator.class)).isSameAs(simulator);
        assertThat(simulator.market().seed()).isEqualTo(7);
        assertThat(listening(simulator.port())).isTrue();
        assertThat(context.getEnvironment().getProperty("camel.component.upbit.url")).isEqualTo(simulator.url());
        assertThat(context.getEnvironment().getProperty("camel.component.upbit.rest-url"))
                .isEqualTo(simulator.restUrl());
        App.Client client = context.getBean(App.Client.class);
        assertThat(client.url).isEqualTo(simulator.url());

        context.close();

        assertThat(client.simulatorListeningWhenDestroyed).as("the other beans go first").isTrue();
        assertThat(listening(simulator.port())).as("closed with the context").isFalse();
    }

    @Test
    void aSubclassChoosesTheSimulatorsSettings() {
        UpbitSimulatorInitializer initializer = new UpbitSimulatorInitializer() {
            @Override
            protected UpbitSimulator.Builder builder() {
                return super.builder().seed(11).markets("KRW-ETH");
            }
        };
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            initializer.initialize(context);
            context.refresh();

            UpbitSimulator simulator = context.getBean(UpbitSimulator.class);
            assertThat(simulator.market().seed()).isEqualTo(11);
            assertThat(simulator.market().codes()).containsExactly("KRW-ETH");
        }
    }

    /**
     * An app with a bean that, like Camel, knows the simulator by its URL only (no bean dependency orders their
     * destruction) and checks, when destroyed, that it still runs.
     */
    @Configuration
    static class App {

        @Bean
        Client client(@Value("${camel.component.upbit.url}") String url) {
            return new Client(url);
        }

        static final class Client implements DisposableBean {
            final String url;
            volatile boolean simulatorListeningWhenDestroyed;

            Client(String url) {
                this.url = url;
            }

            @Override
            public void destroy() {
                simulatorListeningWhenDestroyed = listening(URI.create(url).getPort());
            }
        }
    }
}
