package io.camelupbit.test;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.support.DefaultComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.camelupbit.test.SimTestSupport.listening;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listener in a Camel Main app, with a stand-in for the Upbit component and a route of Camel's own (this module
 * never uses camel-upbit): the component properties point at the simulator, which runs while Main runs and is closed
 * once Main has stopped.
 */
class UpbitSimulatorMainListenerTest {

    @TempDir
    Path dir;

    private Main main;
    private CompletableFuture<Void> running;
    private final StandInComponent upbit = new StandInComponent();

    @AfterEach
    void stopMain() throws Exception {
        if (running != null && !running.isDone()) {
            main.completed();
            running.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void theComponentPropertiesPointAtTheSimulatorWhileMainRunsAndItClosesAfterStop() throws Exception {
        UpbitSimulatorMainListener listener = new UpbitSimulatorMainListener();
        UpbitSimulator simulator = listener.simulator();
        CamelContext camel = run(listener);

        assertThat(simulator.port()).isPositive();
        assertThat(listening(simulator.port())).isTrue();
        assertThat(simulator.market().seed()).isEqualTo(7);
        assertThat(camel.getPropertiesComponent().resolveProperty("camel.component.upbit.url"))
                .contains(simulator.url());
        assertThat(camel.getPropertiesComponent().resolveProperty("camel.component.upbit.rest-url"))
                .contains(simulator.restUrl());
        // Camel Main configured the component with them
        assertThat(upbit.getUrl()).isEqualTo(simulator.url());
        assertThat(upbit.getRestUrl()).isEqualTo(simulator.restUrl());
        // placeholders in routes resolve to it too
        assertThat(camel.createProducerTemplate().requestBody("direct:urls", null, String.class))
                .isEqualTo(simulator.url() + " " + simulator.restUrl());

        main.completed();
        running.get(20, TimeUnit.SECONDS);

        assertThat(camel.isStopped()).isTrue();
        assertThat(listening(simulator.port())).as("closed after Main stopped").isFalse();
    }

    @Test
    void theSimulatorGivenIsUsedAndWinsOverTheApplicationProperties() throws Exception {
        Path properties = dir.resolve("application.properties");
        Files.writeString(properties, """
                camel.component.upbit.url=wss://api.upbit.com/websocket/v1
                camel.component.upbit.rest-url=https://api.upbit.com
                """);
        UpbitSimulator simulator = UpbitSimulator.builder().seed(11).markets("KRW-ETH").build();
        UpbitSimulatorMainListener listener = new UpbitSimulatorMainListener(simulator);
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + properties);

        CamelContext camel = run(listener);

        assertThat(listener.simulator()).isSameAs(simulator);
        assertThat(simulator.market().codes()).containsExactly("KRW-ETH");
        assertThat(camel.getPropertiesComponent().resolveProperty("camel.component.upbit.url"))
                .contains(simulator.url());
        assertThat(camel.getPropertiesComponent().resolveProperty("camel.component.upbit.rest-url"))
                .contains(simulator.restUrl());
        assertThat(upbit.getUrl()).isEqualTo(simulator.url());
    }

    /** Runs a Main with this listener and a direct route on a thread of its own, until it has started. */
    private CamelContext run(UpbitSimulatorMainListener listener) {
        if (main == null) {
            main = new Main();
        }
        main.addMainListener(listener);
        main.bind("upbit", upbit);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:urls").setBody(simple("{{camel.component.upbit.url}} {{camel.component.upbit.rest-url}}"));
            }
        });
        running = CompletableFuture.runAsync(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, task -> new Thread(task, "camel-main").start());
        await().atMost(Duration.ofSeconds(30)).until(() -> running.isDone()
                || main.getCamelContext() != null && main.getCamelContext().isStarted());
        assertThat(running).isNotDone();
        return main.getCamelContext();
    }

    /** Takes the Upbit component's {@code url} and {@code restUrl}, as camel-upbit's does. */
    public static final class StandInComponent extends DefaultComponent {
        private String url;
        private String restUrl;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getRestUrl() {
            return restUrl;
        }

        public void setRestUrl(String restUrl) {
            this.restUrl = restUrl;
        }

        @Override
        protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
            throw new UnsupportedOperationException("a stand-in has no endpoints");
        }
    }
}
