package io.camelupbit;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.error.UpbitConnectionException;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Health across an outage, JMX attributes and the dev console, and what happens when reconnecting gives up. */
class ObservabilityRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withEnableJMX();
    }

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setBaseDelay(50);
        component.setMaxDelay(100);
        component.setDisconnectedThreshold(200);
        component.setConsecutiveErrorsThreshold(1000);
        component.setMaxReconnectAttempts(20);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from("upbit:ticker?codes=KRW-BTC&bridgeErrorHandler=true").routeId("btc").to("mock:btc");
            }
        };
    }

    @Test
    void healthGoesDownDuringAnOutageAndUpAfterIt() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        await().untilAsserted(() -> assertThat(health().getState()).isEqualTo(HealthCheck.State.UP));
        assertThat(health().getDetails()).containsEntry("upbit.connected", true)
                .containsKeys("upbit.session", "upbit.state", "upbit.last.event.age.ms");

        simulator.refuseHandshakes(10, 503, null);
        simulator.connections().get(0).dropAbruptly();
        await().untilAsserted(() -> {
            HealthCheck.Result result = health();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("disconnected since"));
        });

        simulator.refuseHandshakes(0, 503, null);
        await().untilAsserted(() -> assertThat(health().getState()).isEqualTo(HealthCheck.State.UP));
        assertThat(health().getDetails().get("upbit.reconnects")).isEqualTo(1L);
    }

    @Test
    void jmxAttributesAndTheDevConsoleShowTheCountersMoving() throws Exception {
        await().until(() -> getMockEndpoint("mock:btc").getReceivedCounter() > 3);
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = mbeans.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        ObjectName consumer = names.stream().filter(n -> n.toString().contains("UpbitConsumer")).findFirst()
                .orElseThrow(() -> new AssertionError("no Upbit consumer MBean among " + names));
        long frames = (Long) mbeans.getAttribute(consumer, "FramesReceived");
        assertThat((Boolean) mbeans.getAttribute(consumer, "Connected")).isTrue();
        assertThat((Integer) mbeans.getAttribute(consumer, "MessageCeilingPerSecond")).isEqualTo(4);
        await().until(() -> (Long) mbeans.getAttribute(consumer, "FramesReceived") > frames
                && (Long) mbeans.getAttribute(consumer, "Delivered") > 0);

        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("upbit");
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Session public@127.0.0.1:" + upbit.simulator().port())
                .contains("framesReceived").contains("ticker [KRW-BTC]").contains("Route btc");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        assertThat(json).containsKeys("sessions", "routes");
    }

    @Test
    void exhaustedAttemptsReachTheRouteAndALaterRouteStartTriesAgain() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> getMockEndpoint("mock:btc").getReceivedCounter() > 0);
        simulator.refuseHandshakes(100, 503, null);
        simulator.connections().get(0).dropAbruptly();

        await().until(() -> getMockEndpoint("mock:dead").getReceivedCounter() > 0);
        Throwable cause = getMockEndpoint("mock:dead").getReceivedExchanges().get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertThat(cause).isInstanceOf(UpbitConnectionException.class).hasMessageContaining("gave up after 20");
        assertThat(health().getMessage()).hasValueSatisfying(m -> assertThat(m).contains("gave up"));

        simulator.refuseHandshakes(0, 503, null);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-ETH").to("mock:eth");
            }
        });
        await().until(() -> getMockEndpoint("mock:eth").getReceivedCounter() > 0
                && getMockEndpoint("mock:btc").getReceivedCounter() > 0);
        await().untilAsserted(() -> assertThat(health().getState()).isEqualTo(HealthCheck.State.UP));
    }

    private HealthCheck.Result health() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:btc")).findFirst().orElseThrow();
    }
}
