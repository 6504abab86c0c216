package io.camelupbit;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import io.camelupbit.test.Side;
import io.camelupbit.test.SimAccount;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A canary secret goes through every private path (component keys, endpoint keys given with RAW(), a wrong secret
 * refused with 401, reconnects with new tokens) while every log line at TRACE is captured. It must appear nowhere: not
 * in a log line, a toString, an exception, a JMX attribute, a health detail or the dev console. The test first proves
 * it would see a leak, by planting one.
 */
class SecretLeakTest extends UpbitRouteTestSupport {

    static final String CANARY = "canary-" + UUID.randomUUID();
    static final String ENDPOINT_CANARY = "endpoint+canary&" + UUID.randomUUID();
    static final String WRONG_CANARY = "wrong-canary-" + UUID.randomUUID();
    static final String PROXY_CANARY = "proxy-canary-" + UUID.randomUUID();

    private static LoopbackProxy proxy;

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(200))
            .apiKey("leak-access", CANARY).apiKey("leak-access-2", ENDPOINT_CANARY).apiKey("leak-access-3", "right"));

    private LogCapture logs;

    @BeforeAll
    static void startProxy() throws Exception {
        // every connection goes through a proxy that asks for credentials: its password is a canary too
        proxy = new LoopbackProxy(LoopbackProxy.Protocol.HTTP, "leak-proxy-user", PROXY_CANARY);
    }

    @AfterAll
    static void stopProxy() throws Exception {
        proxy.close();
    }

    @BeforeEach
    void captureEverything() {
        logs = new LogCapture();
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

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
        component.setAccessKey("leak-access");
        component.setSecretKey(CANARY);
        component.setProxyHost("127.0.0.1");
        component.setProxyPort(proxy.port());
        component.setProxyUsername("leak-proxy-user");
        component.setProxyPassword(PROXY_CANARY);
        component.setBaseDelay(20);
        component.setMaxDelay(100);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:myOrder").routeId("orders").to("mock:orders");
                from("upbit:myAsset").routeId("assets").to("mock:assets");
                from("upbit:myOrder?accessKey=leak-access-2&secretKey=RAW(" + ENDPOINT_CANARY + ")").routeId("other")
                        .to("mock:other");
                from("upbit:myAsset?accessKey=leak-access-3&secretKey=" + WRONG_CANARY).routeId("refused")
                        .to("mock:refused");
                from("upbit:connection").to("log:lifecycle?showAll=true");
            }
        };
    }

    @Test
    void theSecretAppearsNowhere() throws Exception {
        // prove the capture and the scan would catch a leak
        LoggerFactory.getLogger("planted").warn("planted leak {}", CANARY);
        assertThat(leaks(logs.lines())).singleElement().asString().startsWith("planted");

        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> simulator.connections().stream().filter(c -> c.accessKey() != null).count() == 2
                && simulator.connections().stream().allMatch(c -> !c.subscription().isEmpty()));
        await().until(() -> simulator.jwts().stream().anyMatch(j -> !j.valid()));
        SimAccount account = simulator.account("leak-access");
        account.deposit("KRW", new BigDecimal("1000000"));
        String order = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("100000"), BigDecimal.ONE, "x");
        account.fill(order, BigDecimal.ONE);
        await().until(() -> getMockEndpoint("mock:orders").getReceivedCounter() >= 3);
        simulator.connections().stream().filter(c -> c.accessKey() != null).forEach(c -> c.dropAbruptly());
        await().until(() -> simulator.jwts().stream().filter(j -> j.valid()).count() >= 4
                && simulator.connections().stream().filter(c -> c.accessKey() != null).count() == 2);

        List<String> seen = new ArrayList<>(logs.lines());
        seen.removeIf(line -> line.startsWith("planted"));
        seen.addAll(everythingElseAUserOrOperatorSees());

        assertThat(leaks(seen)).isEmpty();
        assertThat(seen).as("the lines really were captured").anyMatch(l -> l.contains("UpbitSession"));
        assertThat(seen).as("the refusal really happened").anyMatch(l -> l.contains("refused the credentials"));
        assertThat(proxy.targets()).as("the connections really went through the proxy").isNotEmpty();
        assertThat(proxy.refusals()).isEmpty();
    }

    private List<String> everythingElseAUserOrOperatorSees() throws Exception {
        List<String> seen = new ArrayList<>();
        UpbitComponent component = upbitComponent();
        seen.add(component.toString());
        for (Endpoint endpoint : context.getEndpoints()) {
            seen.add(endpoint.toString());
        }
        for (Route route : context.getRoutes()) {
            seen.add(route.toString());
            seen.add(route.getConsumer().toString());
        }
        component.sessions().forEach(session -> {
            seen.add(session.name());
            seen.add(session.subscription().toString());
            seen.add(String.valueOf(session.tracker().lastFailure()));
        });
        for (HealthCheck.Result result : HealthCheckHelper.invoke(context)) {
            seen.add(result.getMessage().orElse("") + " " + result.getDetails() + " " + result.getError());
        }
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("upbit");
        seen.add(String.valueOf(console.call(DevConsole.MediaType.TEXT)));
        seen.add(String.valueOf(console.call(DevConsole.MediaType.JSON)));
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : mbeans.queryNames(new ObjectName("org.apache.camel:*"), null)) {
            seen.add(name.toString());
            for (MBeanAttributeInfo attribute : mbeans.getMBeanInfo(name).getAttributes()) {
                try {
                    seen.add(String.valueOf(mbeans.getAttribute(name, attribute.getName())));
                } catch (Exception e) {
                    seen.add(String.valueOf(e));
                }
            }
        }
        return seen;
    }

    private static List<String> leaks(List<String> lines) {
        return lines.stream().filter(l -> l.contains(CANARY) || l.contains(ENDPOINT_CANARY)
                || l.contains(WRONG_CANARY) || l.contains(PROXY_CANARY)).toList();
    }
}
