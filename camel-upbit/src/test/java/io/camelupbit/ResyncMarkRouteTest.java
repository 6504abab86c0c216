package io.camelupbit;

import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where events can be lost without a reconnect, the route's next event says so ({@code CamelUpbitResync}): after a
 * subscribe message sent for another route (Upbit restarts every stream of the connection), and after the route was
 * suspended and resumed. Before the fix neither carried the mark.
 */
class ResyncMarkRouteTest extends UpbitRouteTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setSendLinger(5);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:trade?codes=KRW-BTC").routeId("watched").to("mock:watched");
                // keeps the connection when the watched route is suspended
                from("upbit:ticker?codes=KRW-XRP").routeId("keeper").to("mock:keeper");
            }
        };
    }

    @Test
    void withReplaceASubscribeMessageForAnotherRouteMarksTheNextEventOfTheRoutesThatDidNotChange() throws Exception {
        MockEndpoint watched = getMockEndpoint("mock:watched");
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> watched.getReceivedCounter() >= 10);
        int before = watched.getReceivedExchanges().size();
        int messages = simulator.subscribeMessages().size();

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:ticker?codes=KRW-ETH").routeId("other").to("mock:other");
            }
        });
        await().until(() -> simulator.subscribeMessages().size() == messages + 1
                && getMockEndpoint("mock:other").getReceivedCounter() > 0);
        // the send was taken; ten trades later the watched route's restarted stream has surely begun (counting from
        // before the send instead let the test end before it, the mark not yet there: a CI run saw 0)
        int taken = watched.getReceivedExchanges().size();
        await().until(() -> watched.getReceivedCounter() >= taken + 10);

        List<Exchange> after = after(watched, before);
        assertThat(resyncs(after)).isEqualTo(1);
        assertThat(sequentialIds(watched.getReceivedExchanges())).doesNotHaveDuplicates();
    }

    @Test
    void aResumedRouteMarksItsFirstEvent() throws Exception {
        MockEndpoint watched = getMockEndpoint("mock:watched");
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> watched.getReceivedCounter() >= 10);

        context.getRouteController().suspendRoute("watched");
        await().until(() -> simulator.connections().get(0).subscribedCodes("trade").isEmpty());
        int before = watched.getReceivedExchanges().size();
        context.getRouteController().resumeRoute("watched");
        await().until(() -> watched.getReceivedCounter() >= before + 5);

        List<Exchange> after = after(watched, before);
        assertThat(after.get(0).getMessage().getHeader(UpbitConstants.RESYNC, false, Boolean.class)).isTrue();
        assertThat(resyncs(after)).isEqualTo(1);
    }

    /** A copy: a view of the mock's list fails when an exchange arrives while it is read. */
    private static List<Exchange> after(MockEndpoint mock, int before) {
        List<Exchange> all = List.copyOf(mock.getReceivedExchanges());
        return all.subList(before, all.size());
    }

    private static long resyncs(List<Exchange> exchanges) {
        return exchanges.stream()
                .filter(e -> e.getMessage().getHeader(UpbitConstants.RESYNC, false, Boolean.class)).count();
    }

    private static List<Long> sequentialIds(List<Exchange> exchanges) {
        return exchanges.stream().map(e -> e.getMessage().getHeader(UpbitConstants.SEQUENTIAL_ID, Long.class))
                .toList();
    }
}
