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
import org.apache.camel.Exchange;
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

import io.camelupbit.auth.UpbitCredentials;
import io.camelupbit.error.UpbitRestException;
import io.camelupbit.event.AskBid;
import io.camelupbit.test.Side;
import io.camelupbit.test.SimAccount;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;
import io.camelupbit.trading.Balance;
import io.camelupbit.trading.OrderRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A canary secret goes through every private path (component keys, a second key pair from a credentials bean, a wrong
 * secret refused with 401, reconnects with new tokens) while every log line at TRACE is captured, and canary balances
 * arrive in malformed private frames. None may appear anywhere: not in a log line (scanned after everything else was
 * read, since reads log too), a toString, an exception, a JMX attribute, a health detail or the dev console. The test
 * first proves it would see a leak, by planting one. A secret written in an endpoint URI is Camel's to log:
 * {@link EndpointUriSecretTest}.
 */
class SecretLeakTest extends UpbitRouteTestSupport {

    static final String CANARY = "canary-" + UUID.randomUUID();
    static final String ENDPOINT_CANARY = "endpoint+canary&" + UUID.randomUUID();
    static final String WRONG_CANARY = "wrong-canary-" + UUID.randomUUID();
    static final String PROXY_CANARY = "proxy-canary-" + UUID.randomUUID();
    /** A balance only malformed private frames carry. */
    static final String BALANCE_CANARY = "7" + Math.abs(UUID.randomUUID().getLeastSignificantBits());

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
        // the simulator speaks ws://, which goes through a proxy only when allowed
        component.setAllowInsecure(true);
        component.setProxyHost("127.0.0.1");
        component.setProxyPort(proxy.port());
        component.setProxyUsername("leak-proxy-user");
        component.setProxyPassword(PROXY_CANARY);
        component.setBaseDelay(20);
        component.setMaxDelay(100);
        component.setRestUrl(upbit.restUrl());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("keysB", new UpbitCredentials("leak-access-2", ENDPOINT_CANARY));
        context.getRegistry().bind("wrongKeys", new UpbitCredentials("leak-access-3", WRONG_CANARY));
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:myOrder").routeId("orders").to("mock:orders");
                from("upbit:myAsset").routeId("assets").to("mock:assets");
                from("upbit:myOrder?credentials=#keysB").routeId("other").to("mock:other");
                from("upbit:myAsset?credentials=#wrongKeys").routeId("refused").to("mock:refused");
                from("upbit:connection").to("log:lifecycle?showAll=true");
                // the second key pair: its account streams no balances, which a mock endpoint would log at DEBUG
                from("direct:accounts").to("upbit:accounts?credentials=#keysB");
                from("direct:wrongAccounts").to("upbit:accounts?credentials=#wrongKeys");
                from("direct:place").to("upbit:placeOrder");
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
        // the route's first reconciliation is done: what follows comes as stream events
        UpbitConsumer orders = (UpbitConsumer) context.getRoute("orders").getConsumer();
        await().until(() -> orders.getReconciles() >= 1 && !orders.isReconciling());
        SimAccount account = simulator.account("leak-access");
        account.deposit("KRW", new BigDecimal("1000000"));
        String order = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("100000"), BigDecimal.ONE, "x");
        account.fill(order, BigDecimal.ONE);
        await().until(() -> getMockEndpoint("mock:orders").getReceivedCounter() >= 3);
        pushMalformedBalances(simulator);
        simulator.connections().stream().filter(c -> c.accessKey() != null).forEach(c -> c.dropAbruptly());
        await().until(() -> simulator.jwts().stream().filter(j -> j.valid()).count() >= 4
                && simulator.connections().stream().filter(c -> c.accessKey() != null).count() == 2);

        List<String> restFailures = restCalls(simulator.account("leak-access-2"));

        // everything else first: reading JMX, health and the console logs too, and those lines must be scanned
        List<String> seen = everythingElseAUserOrOperatorSees();
        seen.addAll(restFailures);
        List<String> lines = new ArrayList<>(logs.lines());
        lines.removeIf(line -> line.startsWith("planted"));
        seen.addAll(lines);

        assertThat(leaks(seen)).isEmpty();
        assertThat(seen).as("the lines really were captured").anyMatch(l -> l.contains("session.Line"));
        assertThat(seen).as("the refusal really happened").anyMatch(l -> l.contains("refused the credentials"));
        assertThat(seen).as("the malformed balances really were skipped")
                .anyMatch(l -> l.contains("skipped a malformed frame")).anyMatch(l -> l.contains("myAsset.assets"));
        assertThat(seen).as("JMX really was read and logged").anyMatch(l -> l.contains("MBean"));
        assertThat(proxy.targets()).as("the connections really went through the proxy").isNotEmpty();
        assertThat(proxy.refusals()).isEmpty();
    }

    /**
     * REST through the same proxy: balances read with the second key pair (one of them the balance canary), an order
     * Upbit refuses (component keys), a request signed with the wrong secret.
     *
     * @return what the refused requests said, to be scanned too
     */
    private List<String> restCalls(SimAccount account) {
        account.deposit("ETH", new BigDecimal(BALANCE_CANARY));
        @SuppressWarnings("unchecked")
        List<Balance> balances = template.requestBody("direct:accounts", null, List.class);
        assertThat(balances).anyMatch(b -> b.balance().toPlainString().equals(BALANCE_CANARY));
        List<String> failures = new ArrayList<>();
        Exchange refused = template.send("direct:place", e -> e.getMessage().setBody(OrderRequest.limit("KRW-BTC",
                AskBid.BID, new BigDecimal("9000000"), new BigDecimal(BALANCE_CANARY))));
        Exchange unsigned = template.send("direct:wrongAccounts", e -> { });
        for (Exchange failed : List.of(refused, unsigned)) {
            assertThat(failed.getException()).isInstanceOf(UpbitRestException.class);
            failures.add(failed.getException().toString());
            failures.add(String.valueOf(failed.getException().getCause()));
        }
        assertThat(((UpbitRestException) unsigned.getException()).getStatus()).isEqualTo(401);
        return failures;
    }

    /** Balances in frames the decoder cannot read or reads in part: the log may say where, never what. */
    private void pushMalformedBalances(UpbitSimulator simulator) {
        SimConnection assets = simulator.connections().stream()
                .filter(c -> "leak-access".equals(c.accessKey()) && c.subscription().stream()
                        .anyMatch(sub -> sub.type().equals("myAsset")))
                .findFirst().orElseThrow();
        String item = "{\"type\":\"myAsset\",\"asset_uuid\":\"a\",\"assets\":[{\"currency\":\"KRW\",\"balance\":"
                + "\"" + BALANCE_CANARY + "x\",\"locked\":0}],\"asset_timestamp\":1,\"timestamp\":"
                + System.currentTimeMillis() + ",\"stream_type\":\"REALTIME\"}";
        assets.push(item);
        assets.push(item.substring(0, item.indexOf(BALANCE_CANARY) + BALANCE_CANARY.length()));
        assets.push(item.replace("\"" + BALANCE_CANARY + "x\"", BALANCE_CANARY + "x"));
        assets.push(item.replace("\"asset_uuid\":\"a\",", ""));
        await().until(() -> upbitComponent().sessions().stream()
                .anyMatch(s -> s.fieldErrors() == 1 && s.decodeErrors() == 3));
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
                || l.contains(WRONG_CANARY) || l.contains(PROXY_CANARY) || l.contains(BALANCE_CANARY)).toList();
    }
}
