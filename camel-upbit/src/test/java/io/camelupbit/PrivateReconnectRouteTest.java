package io.camelupbit;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.test.JwtRecord;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every connect of a private session presents a new token: 50 reconnects, 51 nonces, all valid. */
class PrivateReconnectRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(
            b -> b.apiKey("reconnect-access", "reconnect-secret").connectLimitPerSecond(100));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey("reconnect-access");
        component.setSecretKey("reconnect-secret");
        component.setBaseDelay(1);
        component.setMaxDelay(5);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:myAsset").to("mock:assets");
            }
        };
    }

    @Test
    void fiftyReconnectsFiftyOneFreshValidTokens() {
        UpbitSimulator simulator = upbit.simulator();
        for (int i = 0; i <= 50; i++) {
            int accepted = i + 1;
            await().until(() -> simulator.acceptedConnections() == accepted && simulator.connections().size() == 1
                    && !simulator.connections().get(0).subscription().isEmpty());
            if (i < 50) {
                SimConnection connection = simulator.connections().get(0);
                connection.dropAbruptly();
            }
        }

        assertThat(simulator.jwts()).hasSize(51).allSatisfy(jwt -> {
            assertThat(jwt.valid()).as(jwt.rejection()).isTrue();
            assertThat(jwt.algorithm()).isEqualTo("HS512");
        });
        assertThat(simulator.jwts()).extracting(JwtRecord::nonce).doesNotHaveDuplicates();
    }
}
