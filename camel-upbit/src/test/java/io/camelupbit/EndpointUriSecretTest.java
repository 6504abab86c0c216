package io.camelupbit;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Endpoint keys written in the URI still work, and this is why the docs steer secrets out of URIs: reading the
 * endpoint's MBeans makes Camel itself log the URI, secret and all, at TRACE. Every line holding the secret comes from
 * Camel's own classes, none from ours; {@link SecretLeakTest} shows the credentials bean keeps it out of every line.
 */
class EndpointUriSecretTest extends UpbitRouteTestSupport {

    static final String URI_CANARY = "uri-canary-" + UUID.randomUUID();

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(200))
            .apiKey("uri-access", URI_CANARY));

    private LogCapture logs;

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
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:myAsset?accessKey=uri-access&secretKey=RAW(" + URI_CANARY + ")").routeId("assets")
                        .to("mock:assets");
            }
        };
    }

    @Test
    void aSecretInTheUriAuthenticatesAndOnlyCamelItselfLogsIt() throws Exception {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> simulator.connections().stream().anyMatch(c -> "uri-access".equals(c.accessKey())
                && !c.subscription().isEmpty()));

        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : mbeans.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null)) {
            for (MBeanAttributeInfo attribute : mbeans.getMBeanInfo(name).getAttributes()) {
                try {
                    mbeans.getAttribute(name, attribute.getName());
                } catch (Exception e) {
                    // an attribute that cannot be read logs nothing of interest here
                }
            }
        }

        List<String> withSecret = new ArrayList<>(logs.lines().stream().filter(l -> l.contains(URI_CANARY)).toList());
        assertThat(withSecret).as("Camel logs the endpoint URI at TRACE when JMX is read").isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("org.apache.camel."));
    }
}
