package io.camelupbit;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code redundancy=2} every line shows: in {@code upbit:connection} events (their {@code line}), in health
 * (UP with the down line in its details while the other serves the route, DOWN only when both are down), in JMX and
 * in the dev console, with the I/O thread each reads on: a line of its own decodes in parallel, lines sharing a thread
 * replay each other's copies of a frame. A private channel keeps two lines even when three are asked for.
 */
class LinesObservabilityRouteTest extends UpbitRouteTestSupport {

    private static final String PUBLIC_PATH = "/websocket/v1";
    private static final String PRIVATE_PATH = "/websocket/v1/private";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20))
            .apiKey("lines-access", "lines-secret"));

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
        component.setRedundancy(2);
        component.setIoThreads(2);
        component.setBaseDelay(50);
        component.setMaxDelay(100);
        component.setDisconnectedThreshold(200);
        component.setConsecutiveErrorsThreshold(1000);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        UpbitComponent three = new UpbitComponent();
        three.setUrl(upbit.url());
        three.setRestUrl(upbit.restUrl());
        three.setShutdownQuietPeriod(0);
        three.setRedundancy(3);
        three.setIoThreads(2);
        three.setAccessKey("lines-access");
        three.setSecretKey("lines-secret");
        context.addComponent("upbit3", three);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-BTC").routeId("btc").to("mock:btc");
                from("upbit:connection?channel=public").routeId("life").to("mock:life");
            }
        };
    }

    @Test
    void healthStaysUpWhileOneLineServesAndGoesDownWhenBothAreDown() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> publicLines(simulator).size() == 2);
        await().untilAsserted(() -> assertThat(health("btc").getState()).isEqualTo(HealthCheck.State.UP));
        assertThat(health("btc").getDetails()).containsEntry("upbit.lines", 2).containsEntry("upbit.lines.connected", 2)
                .doesNotContainKey("upbit.degraded");

        // one line down for longer than disconnectedThreshold: the other serves the route
        simulator.refuseHandshakes(1000, 503, null);
        publicLines(simulator).get(0).dropAbruptly();
        await().untilAsserted(() -> {
            HealthCheck.Result result = health("btc");
            assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(result.getDetails()).containsEntry("upbit.lines.connected", 1);
            assertThat(String.valueOf(result.getDetails().get("upbit.degraded"))).contains("disconnected since");
        });
        int received = getMockEndpoint("mock:btc").getReceivedCounter();
        await().until(() -> getMockEndpoint("mock:btc").getReceivedCounter() > received);

        // both down: DOWN
        publicLines(simulator).get(0).dropAbruptly();
        await().untilAsserted(() -> {
            HealthCheck.Result result = health("btc");
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("Every line"));
        });

        simulator.refuseHandshakes(0, 503, null);
        await().untilAsserted(() -> assertThat(health("btc").getDetails()).containsEntry("upbit.lines.connected", 2));
        assertThat(health("btc").getState()).isEqualTo(HealthCheck.State.UP);
        List<ConnectionEvent> events = getMockEndpoint("mock:life").getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(ConnectionEvent.class)).toList();
        assertThat(events).anyMatch(e -> e.line() == 1 && e.state() == ConnectionState.DISCONNECTED)
                .anyMatch(e -> e.line() == 2 && e.state() == ConnectionState.DISCONNECTED)
                .anyMatch(e -> e.line() == 2 && e.state() == ConnectionState.SUBSCRIBED);
    }

    @Test
    void jmxAndTheDevConsoleShowEveryLine() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> publicLines(simulator).size() == 2);
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = mbeans.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        ObjectName consumer = names.stream().filter(n -> n.toString().contains("UpbitConsumer")).findFirst()
                .orElseThrow(() -> new AssertionError("no Upbit consumer MBean among " + names));
        await().untilAsserted(() -> {
            assertThat((Integer) mbeans.getAttribute(consumer, "Lines")).isEqualTo(2);
            assertThat((Integer) mbeans.getAttribute(consumer, "LinesConnected")).isEqualTo(2);
            assertThat((String) mbeans.getAttribute(consumer, "LineStates")).isEqualTo("1=SUBSCRIBED 2=SUBSCRIBED");
        });
        List<Map<String, Object>> lines = consoleLines(2);
        assertThat(lines).extracting(l -> l.get("line")).containsExactly(1, 2);
        // each line reads and decodes on an I/O thread of its own: no copy to replay
        assertThat(lines).extracting(l -> (String) l.get("readThread")).allMatch(t -> t.startsWith("upbit-io"))
                .doesNotHaveDuplicates();
        assertThat((Long) mbeans.getAttribute(consumer, "FramesReplayed")).isZero();
    }

    @Test
    void linesSharingAnIoThreadReplayEachOthersCopies() throws Exception {
        MockEndpoint btc = getMockEndpoint("mock:btc3");
        btc.expectedMinimumMessageCount(20);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit3:ticker?codes=KRW-BTC").routeId("btc3").to("mock:btc3");
            }
        });
        btc.assertIsSatisfied();
        // three lines on two I/O threads: the third reads where the first does, and replays its copies
        List<Map<String, Object>> lines = consoleLines(3);
        assertThat(lines).extracting(l -> (String) l.get("readThread"))
                .satisfies(t -> assertThat(t.get(2)).isEqualTo(t.get(0)).isNotEqualTo(t.get(1)));
        UpbitConsumer consumer = (UpbitConsumer) context.getRoute("btc3").getConsumer();
        await().until(() -> consumer.getFramesReplayed() > 0);
        assertThat(consumer.getFramesReplayed()).isLessThan(consumer.getFramesReceived());
        // each ticker once, whichever line brought it
        assertThat(btc.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(TickerEvent.class).timestamp())
                .doesNotHaveDuplicates();
    }

    @Test
    void aPrivateChannelKeepsTwoLinesWhenThreeAreAskedFor() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        try (LogCapture logs = new LogCapture(false)) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit3:myAsset").routeId("assets").to("mock:assets");
                    from("upbit3:trade?codes=KRW-BTC").routeId("trades3").to("mock:trades3");
                }
            });
            await().until(() -> simulator.connections().stream().filter(c -> PRIVATE_PATH.equals(c.path()))
                    .filter(c -> !c.subscription().isEmpty()).count() == 2
                    && publicLines(simulator).size() == 2 + 3);
            assertThat(logs.lines()).anyMatch(l -> l.contains("keeps 2 lines, not 3 (option redundancy)"));
        }
        assertThat(simulator.connections().stream().filter(c -> PRIVATE_PATH.equals(c.path())).count()).isEqualTo(2);
    }

    /** The lines the dev console shows for the public session of so many lines. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> consoleLines(int count) {
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("upbit");
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        return ((List<Map<String, Object>>) json.get("sessions")).stream()
                .filter(s -> "public".equals(s.get("channel")))
                .map(s -> (List<Map<String, Object>>) s.get("lines")).filter(lines -> lines.size() == count)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no public session of " + count + " lines in " + json));
    }

    private static List<SimConnection> publicLines(UpbitSimulator simulator) {
        return simulator.connections().stream().filter(c -> PUBLIC_PATH.equals(c.path())).toList();
    }
}
