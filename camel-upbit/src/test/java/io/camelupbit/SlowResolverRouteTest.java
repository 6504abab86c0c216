package io.camelupbit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.auth.UpbitCredentials;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A name lookup that hangs (a DNS server that does not answer) for the private URL's host while the public session
 * streams. Sessions take the component's two event loops in turn (public, private A, private B), so private B shares
 * the public session's loop: the lookup must run elsewhere, or the public stream stops while it hangs.
 */
class SlowResolverRouteTest extends UpbitRouteTestSupport {

    private static final String SLOW_HOST = "slow.upbit.test";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    private final CountDownLatch answer = new CountDownLatch(1);
    private final List<String> lookupThreads = new CopyOnWriteArrayList<>();

    @AfterEach
    void letTheLookupsGo() {
        answer.countDown();
    }

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setPrivateUrl("wss://" + SLOW_HOST + ":9/websocket/v1/private");
        component.setAccessKey("key-a");
        component.setSecretKey("secret-a");
        component.hostLookup(host -> {
            lookupThreads.add(Thread.currentThread().getName());
            if (SLOW_HOST.equals(host)) {
                try {
                    answer.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new UnknownHostException(host);
            }
            return InetAddress.getAllByName(host);
        });
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("keysB", new UpbitCredentials("key-b", "secret-b"));
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-BTC").routeId("public").to("mock:btc");
                from("upbit:myOrder").routeId("privateA").to("mock:a");
                from("upbit:myOrder?credentials=#keysB").routeId("privateB").to("mock:b");
            }
        };
    }

    @Test
    void aLookupThatHangsStopsNoStreamOnTheSameEventLoop() {
        await().until(() -> lookupThreads.size() >= 2);
        assertThat(upbitComponent().sessions()).hasSize(3);

        MockEndpoint btc = getMockEndpoint("mock:btc");
        long before = btc.getReceivedCounter();
        await().until(() -> btc.getReceivedCounter() > before + 20);

        assertThat(answer.getCount()).as("the lookups are still hanging").isEqualTo(1);
        assertThat(lookupThreads).allSatisfy(thread -> assertThat(thread).startsWith("upbit-dns"));
        assertThat(health("public").getState()).isEqualTo(HealthCheck.State.UP);
    }
}
