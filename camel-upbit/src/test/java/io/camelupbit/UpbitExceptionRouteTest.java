package io.camelupbit;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.auth.UpbitCredentials;
import io.camelupbit.error.UpbitAuthenticationException;
import io.camelupbit.error.UpbitConnectionException;
import io.camelupbit.error.UpbitErrorException;
import io.camelupbit.error.UpbitException;
import io.camelupbit.error.UpbitPollTimeoutException;
import io.camelupbit.error.UpbitRequestException;
import io.camelupbit.error.UpbitRestException;
import io.camelupbit.test.UnsupportedLevel;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One {@code onException(UpbitException.class)} catches every exception the component raises: each is raised for real
 * against the simulator (an error frame, refused keys, a connection that gives up, a REST refusal, input refused
 * before sending, a poll with no event), the consumers' through {@code bridgeErrorHandler=true}.
 */
class UpbitExceptionRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b
            .apiKey("errors-access", "errors-secret")
            .unsupportedLevel(UnsupportedLevel.ERROR_INVALID_PARAM));

    /** What the handler caught, by the route it came from. */
    private final Map<String, Throwable> caught = new ConcurrentHashMap<>();

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey("errors-access");
        component.setSecretKey("errors-secret");
        component.setBaseDelay(10);
        component.setMaxDelay(50);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // a second component whose Upbit cannot be reached: nothing listens on its port
        UpbitComponent unreachable = new UpbitComponent();
        unreachable.setUrl("ws://127.0.0.1:" + freePort() + "/websocket/v1");
        unreachable.setRestUrl(upbit.simulator().restUrl());
        unreachable.setBaseDelay(10);
        unreachable.setMaxDelay(50);
        unreachable.setMaxReconnectAttempts(2);
        unreachable.setShutdownQuietPeriod(0);
        context.addComponent("upbitunreachable", unreachable);
        context.getRegistry().bind("wrongKeys", new UpbitCredentials("errors-access", "a-wrong-secret"));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(UpbitException.class).handled(true)
                        .process(e -> caught.putIfAbsent(e.getFromRouteId(),
                                e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));

                from("upbit:orderbook?codes=KRW-ETH&level=5&bridgeErrorHandler=true").routeId("error-frame")
                        .to("mock:never");
                from("upbit:myOrder?credentials=#wrongKeys&bridgeErrorHandler=true").routeId("wrong-keys")
                        .to("mock:never");
                from("upbitunreachable:ticker?codes=KRW-BTC&bridgeErrorHandler=true").routeId("unreachable")
                        .to("mock:never");
                from("direct:rest").routeId("rest").to("upbit:getOrder?uuid=no-such-order");
                from("direct:input").routeId("input").to("upbit:orderChance");
                from("direct:poll").routeId("poll").to("upbit:trade?codes=KRW-DOGE&pollTimeout=0");
            }
        };
    }

    @Test
    void oneOnExceptionCatchesEveryExceptionTheComponentRaises() {
        for (String producer : List.of("direct:rest", "direct:input", "direct:poll")) {
            Exchange done = template.send(producer, e -> { });
            assertThat(done.getException()).as(producer).isNull();
        }
        await().until(() -> caught.keySet().containsAll(List.of("error-frame", "wrong-keys", "unreachable")));

        assertThat(caught.get("error-frame")).isInstanceOf(UpbitErrorException.class)
                .satisfies(e -> assertThat(((UpbitErrorException) e).errorName()).isEqualTo("INVALID_PARAM"));
        assertThat(caught.get("wrong-keys")).isInstanceOf(UpbitAuthenticationException.class)
                .hasMessageContaining("refused the credentials").hasMessageNotContaining("a-wrong-secret");
        assertThat(caught.get("unreachable")).isInstanceOf(UpbitConnectionException.class)
                .hasMessageContaining("gave up");
        assertThat(caught.get("rest")).isInstanceOf(UpbitRestException.class)
                .satisfies(e -> assertThat(((UpbitRestException) e).getErrorName()).isEqualTo("order_not_found"));
        assertThat(caught.get("input")).isInstanceOf(UpbitRequestException.class)
                .hasMessageContaining("needs a market");
        assertThat(caught.get("poll")).isInstanceOf(UpbitPollTimeoutException.class)
                .hasMessageContaining("within pollTimeout");
        assertThat(getMockEndpoint("mock:never").getReceivedCounter()).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
