package io.camelupbit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.error.UpbitAuthenticationException;
import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.test.AuthFailure;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Upbit may accept the upgrade and refuse the token in-band: an INVALID_AUTH error frame, then a close. The private
 * route hears an UpbitAuthenticationException, the route stays subscribed (its spec is not at fault), and the retry
 * waits maxDelay. A public-only listener on upbit:connection hears nothing of the private channel.
 */
class InvalidAuthFrameRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(
            b -> b.apiKey("frame-access", "frame-secret").authFailure(AuthFailure.ERROR_FRAME_INVALID_AUTH));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey("frame-access");
        component.setSecretKey("not-the-secret");
        component.setBaseDelay(10);
        component.setMaxDelay(250);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from("upbit:connection?channel=private").to("mock:private");
                from("upbit:connection?channel=public").to("mock:public");
                from("upbit:myAsset?bridgeErrorHandler=true").routeId("assets").to("mock:assets");
            }
        };
    }

    @Test
    void anInvalidAuthFrameIsAnAuthenticationFailureRetriedAtMaxDelay() {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        await().until(() -> dead.getReceivedCounter() >= 2);
        assertThat(dead.getReceivedExchanges()).allSatisfy(e -> assertThat(
                e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class))
                .isInstanceOf(UpbitAuthenticationException.class).hasMessageContaining("INVALID_AUTH"));

        MockEndpoint lifecycle = getMockEndpoint("mock:private");
        assertThat(lifecycle.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(ConnectionEvent.class))
                .filteredOn(e -> e.state() == ConnectionState.RECONNECTING)
                .isNotEmpty().allSatisfy(e -> assertThat(e.delayMillis()).isEqualTo(250));
        assertThat(lifecycle.getReceivedExchanges()).allSatisfy(e -> assertThat(
                e.getMessage().getBody(ConnectionEvent.class).channel()).isEqualTo("private"));
        assertThat(getMockEndpoint("mock:public").getReceivedCounter()).isZero();
        assertThat(upbitComponent().sessions()).hasSize(1);
    }
}
