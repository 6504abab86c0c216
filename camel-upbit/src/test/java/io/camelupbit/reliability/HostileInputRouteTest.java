package io.camelupbit.reliability;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.CountingExceptionHandler;
import io.camelupbit.UpbitComponent;
import io.camelupbit.UpbitConsumer;
import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.session.UpbitSession;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.UpbitSimulator;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input over a real socket: malformed frames of every kind are counted and skipped, an endless stream of
 * error frames is counted without queueing a task per frame, and a server that never finishes the handshake is given
 * up on and retried. The session survives all of it.
 */
class HostileInputRouteTest extends CamelTestSupport {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.tickInterval(Duration.ofMillis(20)));

    private static final List<String> HOSTILE = List.of(
            "{\"type\":\"ticker\",\"code\":\"KRW-BTC\",\"trade_price\":",
            "{\"type\":\"ticker\",\"code\":[\"KRW-BTC\"],\"trade_price\":1,\"timestamp\":1,\"stream_type\":\"REALTIME\"}",
            "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":" + "9".repeat(400) + "}",
            "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_volume\":1e-999999999}",
            "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"sequential_id\":1e30}",
            // three items, each counted
            "[1,2,3]",
            "\"just a string\"",
            "{\"type\":\"orderbook\",\"code\":\"KRW-BTC\",\"orderbook_units\":{\"not\":\"a list\"}}",
            "{{{{",
            "{\"type\":\"ticker\"," + "\"x\":[".repeat(50) + "]");

    private final CountingExceptionHandler handler = new CountingExceptionHandler();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        UpbitComponent component = new UpbitComponent();
        component.setUrl(upbit.url());
        component.setShutdownQuietPeriod(0);
        component.setBaseDelay(20);
        component.setMaxDelay(100);
        component.setHeartbeatInterval(100);
        component.setIdleTimeout(400);
        context.addComponent("upbit", component);
        context.getRegistry().bind("countingHandler", handler);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:connection").to("mock:life");
                from("upbit:ticker?codes=KRW-BTC&exceptionHandler=#countingHandler").routeId("btc").to("mock:btc");
                from("upbit:ticker?codes=KRW-ETH").routeId("eth").to("mock:eth");
                from("upbit:ticker?codes=KRW-ETH&bodyType=json").routeId("ethJson").to("mock:ethJson");
            }
        };
    }

    @Test
    void malformedFramesOfEveryKindAreCountedAndTheConnectionGoesOn() {
        SimConnection connection = subscribed();
        HOSTILE.forEach(connection::push);

        UpbitSession session = session();
        await().until(() -> session.decodeErrors() == HOSTILE.size() + 2);
        receiving();
        assertThat(connection.isOpen()).isTrue();
        assertThat(upbit.simulator().acceptedConnections()).isEqualTo(1);
    }

    @Test
    void aMalformedFieldReachesTypedRoutesAsNullAndJsonRoutesAsSentAndTheRestOfTheListFollows() {
        SimConnection connection = subscribed();
        await().until(() -> connection.subscribedCodes("ticker").contains("KRW-ETH"));
        UpbitSession session = session();
        long fieldErrorsBefore = session.fieldErrors();
        long decodeErrorsBefore = session.decodeErrors();
        long now = System.currentTimeMillis();
        String malformedPrice = ticker("\"trade_price\":\"a lot\",\"acc_trade_volume\":424242.4242", now);
        String megabyteOfDigits = ticker("\"trade_price\":" + "9".repeat(1_000_000)
                + ",\"acc_trade_volume\":515151.5151", now + 1);
        String malformedCode = ticker("\"acc_trade_volume\":1", now + 2).replace("\"KRW-ETH\"", "{}");
        String valid = ticker("\"trade_price\":5000,\"acc_trade_volume\":616161.6161", now + 3);

        connection.push("[" + malformedPrice + "," + malformedCode + "," + valid + "]");
        connection.push(megabyteOfDigits);

        MockEndpoint eth = getMockEndpoint("mock:eth");
        await().until(() -> tickerWithVolume(eth, "616161.6161") != null && tickerWithVolume(eth, "515151.5151") != null);
        assertThat(tickerWithVolume(eth, "424242.4242").tradePrice()).isNull();
        assertThat(tickerWithVolume(eth, "515151.5151").tradePrice()).isNull();
        assertThat(tickerWithVolume(eth, "616161.6161").tradePrice()).isEqualByComparingTo("5000");
        MockEndpoint json = getMockEndpoint("mock:ethJson");
        await().until(() -> json.getReceivedExchanges().stream().map(e -> e.getMessage().getBody(String.class))
                .anyMatch(body -> body.contains("616161.6161")));
        assertThat(json.getReceivedExchanges()).map(e -> e.getMessage().getBody(String.class))
                .anyMatch(body -> body.contains("\"trade_price\":\"a lot\""))
                .noneMatch(body -> body.contains("{}"));
        assertThat(session.fieldErrors()).isEqualTo(fieldErrorsBefore + 2);
        assertThat(session.decodeErrors()).isEqualTo(decodeErrorsBefore + 1);
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void aDeflateBombWithinMaxFrameSizeIsReadAndOneBeyondItCostsOnlyAReconnect() {
        SimConnection connection = subscribed();
        await().until(() -> connection.subscribedCodes("ticker").contains("KRW-ETH"));
        assertThat(connection.compressionNegotiated()).isTrue();
        int accepted = upbit.simulator().acceptedConnections();

        // 900 KB of JSON whitespace inflates from about 1 KB: within maxFrameSize (1 MB), so it is read
        connection.push(ticker("\"trade_price\":7000," + " ".repeat(900_000) + "\"acc_trade_volume\":717171.7171",
                System.currentTimeMillis()));
        MockEndpoint eth = getMockEndpoint("mock:eth");
        await().until(() -> tickerWithVolume(eth, "717171.7171") != null);
        assertThat(connection.isOpen()).isTrue();

        // 20 MB inflating from about 20 KB: the inflater stops at maxFrameSize and the connection is replaced
        connection.push(ticker("\"trade_price\":7000," + " ".repeat(20_000_000) + "\"acc_trade_volume\":1",
                System.currentTimeMillis()));
        await().until(() -> upbit.simulator().acceptedConnections() == accepted + 1);
        subscribed();
        receiving();
    }

    @Test
    void aMessageOfEndlessContinuationFramesIsCutAtMaxFrameSize() {
        SimConnection connection = subscribed();
        int accepted = upbit.simulator().acceptedConnections();

        byte[] endless = ("{\"type\":\"ticker\"," + " ".repeat(2_000_000)).getBytes(StandardCharsets.US_ASCII);
        connection.pushFragmented(endless, 64 * 1024, false, false);

        await().until(() -> upbit.simulator().acceptedConnections() == accepted + 1);
        subscribed();
        receiving();
    }

    @Test
    void closeFramesWithInvalidStatusCodesEndOnlyTheirConnection() {
        for (int status : new int[] {999, 1005, 5000}) {
            SimConnection connection = subscribed();
            int accepted = upbit.simulator().acceptedConnections();

            connection.closeWithRawStatus(status);

            await("status " + status).until(() -> upbit.simulator().acceptedConnections() == accepted + 1);
            subscribed();
            receiving();
        }
    }

    private static String ticker(String fields, long timestamp) {
        return "{\"type\":\"ticker\",\"code\":\"KRW-ETH\"," + fields + ",\"trade_timestamp\":" + timestamp
                + ",\"timestamp\":" + timestamp + ",\"stream_type\":\"REALTIME\"}";
    }

    private static TickerEvent tickerWithVolume(MockEndpoint mock, String volume) {
        return mock.getReceivedExchanges().stream().map(e -> e.getMessage().getBody(TickerEvent.class))
                .filter(t -> t.accTradeVolume() != null && t.accTradeVolume().compareTo(new BigDecimal(volume)) == 0)
                .findFirst().orElse(null);
    }

    @Test
    void aTextFrameThatIsNotUtf8IsCountedAndSkippedAndTheConnectionStays() {
        SimConnection connection = subscribed();
        byte[] bad = "{\"type\":\"ticker\",\"code\":\"KRW-BTC\",\"x\":\"??\"}".getBytes(StandardCharsets.US_ASCII);
        int at = new String(bad, StandardCharsets.US_ASCII).indexOf("??");
        bad[at] = (byte) 0xC3;
        bad[at + 1] = (byte) 0x28;

        UpbitSession session = session();
        long before = session.decodeErrors();
        connection.pushBytes(bad, true);

        await().until(() -> session.decodeErrors() == before + 1);
        receiving();
        assertThat(connection.isOpen()).isTrue();
        assertThat(upbit.simulator().acceptedConnections()).isEqualTo(1);
    }

    @Test
    void anEndlessStreamOfErrorFramesIsCountedNotQueued() {
        SimConnection connection = subscribed();
        int threadsBefore = Thread.activeCount();

        for (int i = 0; i < 5000; i++) {
            connection.push("{\"error\":{\"name\":\"SERVER_BUSY\",\"message\":\"flood " + i + "\"}}");
        }

        UpbitSession session = session();
        await().until(() -> session.errorFrames() == 5000);
        receiving();
        assertThat(connection.isOpen()).isTrue();
        assertThat(handler.handled()).isPositive().isLessThan(5000);
        UpbitConsumer consumer = (UpbitConsumer) context.getRoute("btc").getConsumer();
        // every error frame either reached the handler or was absorbed by one still on its way
        await().until(() -> handler.handled() + consumer.getErrorsSuppressed() == 5000);
        assertThat(Thread.activeCount() - threadsBefore).isLessThan(20);
    }

    @Test
    void aServerThatNeverFinishesTheHandshakeIsGivenUpOnAndRetried() {
        UpbitSimulator simulator = upbit.simulator();
        SimConnection connection = subscribed();
        simulator.stallHandshakes(true);
        connection.dropAbruptly();

        MockEndpoint life = getMockEndpoint("mock:life");
        await().until(() -> life.getReceivedExchanges().stream().map(e -> e.getMessage().getBody(ConnectionEvent.class))
                .filter(e -> e.state() == ConnectionState.RECONNECTING).count() >= 3);
        simulator.stallHandshakes(false);
        subscribed();
        receiving();
    }

    private SimConnection subscribed() {
        UpbitSimulator simulator = upbit.simulator();
        await().until(() -> simulator.connections().size() == 1
                && simulator.connections().get(0).subscribedCodes("ticker").contains("KRW-BTC"));
        return simulator.connections().get(0);
    }

    private void receiving() {
        MockEndpoint btc = getMockEndpoint("mock:btc");
        long before = btc.getReceivedCounter();
        await().until(() -> btc.getReceivedCounter() > before + 3);
    }

    private UpbitSession session() {
        return context.getComponent("upbit", UpbitComponent.class).sessions().iterator().next();
    }
}
