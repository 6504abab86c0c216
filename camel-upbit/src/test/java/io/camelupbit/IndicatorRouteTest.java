package io.camelupbit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.ConnectionEvent;
import io.camelupbit.event.ConnectionState;
import io.camelupbit.event.IndicatorEvent;
import io.camelupbit.event.IndicatorParams;
import io.camelupbit.event.IndicatorSignalEvent;
import io.camelupbit.event.IndicatorTimeframe;
import io.camelupbit.event.IndicatorType;
import io.camelupbit.event.MovingAverageType;
import io.camelupbit.event.SignalParams;
import io.camelupbit.event.SignalTrigger;
import io.camelupbit.event.StreamType;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.Subscription;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Indicator routes on the info channel: routes with different indicators share one connection and one request that
 * holds each (code, indicator) combination once; every route gets the values of its own indicators at each candle
 * close, and a signal route its condition once when it becomes true. DEFAULT here, SIMPLE (nested abbreviated keys) in
 * {@link IndicatorSimpleRouteTest}.
 */
class IndicatorRouteTest extends UpbitRouteTestSupport {

    private static final BigDecimal TWO = new BigDecimal(2);

    static final String ACCESS_KEY = "indicator-access";
    static final String SECRET_KEY = "indicator-secret-0123456789";

    /** Just after a 5-minute boundary: no candle closes by itself within the test, only the ones it asks for. */
    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.apiKey(ACCESS_KEY, SECRET_KEY)
            .simulatedStart(Instant.parse("2026-09-03T04:50:01Z")));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey(ACCESS_KEY);
        component.setSecretKey(SECRET_KEY);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:connection?channel=info").routeId("lifecycle").to("mock:lifecycle");
                from("upbit:indicator?codes=KRW-BTC,KRW-ETH&timeframe=5m&indicators=rsi(period=14),macd")
                        .routeId("momentum").to("mock:momentum");
                from("upbit:indicator?codes=KRW-BTC&timeframe=5m&indicators=rsi(period=14),bollinger_bands")
                        .routeId("bands").to("mock:bands");
                from("upbit:indicator_signal?codes=KRW-BTC&timeframe=5m"
                        + "&indicators=moving_average(period=5,trigger=price_cross_above)")
                        .routeId("breakout").to("mock:breakout");
            }
        };
    }

    @Test
    void routesShareOneConnectionAndOneRequestWithEachCombinationOnce() {
        SimConnection info = subscribed();
        assertThat(upbit.simulator().connections()).hasSize(1);
        assertThat(upbit.simulator().subscribeMessages()).hasSize(1);
        // rsi is wanted by two routes and asked once; bollinger only for KRW-BTC: 5 combinations, not 6
        assertThat(info.subscription()).extracting(Subscription::type, Subscription::codes, Subscription::timeframe,
                s -> s.indicators().stream().map(i -> i.type()).toList()).containsExactly(
                        tuple("indicator", List.of("KRW-BTC"), "5m",
                                List.of("bollinger_bands")),
                        tuple("indicator", List.of("KRW-BTC", "KRW-ETH"), "5m",
                                List.of("macd", "rsi")),
                        tuple("indicator_signal", List.of("KRW-BTC"), "5m",
                                List.of("moving_average")));
        await().until(() -> events(ConnectionState.SUBSCRIBED).size() == 1);
        assertThat(events(ConnectionState.SUBSCRIBED).get(0).channel()).isEqualTo("info");
    }

    @Test
    void eachRouteGetsTheValuesOfItsIndicatorsAtEachClose() {
        subscribed();
        MockEndpoint momentum = getMockEndpoint("mock:momentum");
        MockEndpoint bands = getMockEndpoint("mock:bands");
        awaitAcknowledged();

        upbit.simulator().closeCandle("5m");
        await().until(() -> momentum.getReceivedCounter() == 4 && bands.getReceivedCounter() == 2);
        upbit.simulator().closeCandle("5m");
        await().until(() -> momentum.getReceivedCounter() == 8 && bands.getReceivedCounter() == 4);

        List<IndicatorEvent> values = bodies(momentum, IndicatorEvent.class);
        assertThat(values).extracting(e -> e.code() + " " + e.indicator()).containsExactlyInAnyOrder(
                "KRW-BTC RSI", "KRW-BTC MACD", "KRW-ETH RSI", "KRW-ETH MACD",
                "KRW-BTC RSI", "KRW-BTC MACD", "KRW-ETH RSI", "KRW-ETH MACD");
        for (IndicatorEvent e : values) {
            assertThat(e.timeframe()).isEqualTo(IndicatorTimeframe.MINUTE_5);
            assertThat(e.streamType()).isEqualTo(StreamType.REALTIME);
            assertThat(e.candleDateTimeUtc()).isNotNull();
            if (e.indicator() == IndicatorType.RSI) {
                assertThat(e.params()).isEqualTo(new IndicatorParams(14, null, null, null, null, null, null, null));
                assertThat(e.value().rsi()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
            } else {
                assertThat(e.params()).isEqualTo(new IndicatorParams(null, null, null, null, null, 12, 26, 9));
                assertThat(e.value().histogram().subtract(e.value().macd().subtract(e.value().macdSignal())).abs())
                        .isLessThanOrEqualTo(new BigDecimal("0.00000002"));
            }
        }
        List<IndicatorEvent> bollinger = bodies(bands, IndicatorEvent.class).stream()
                .filter(e -> e.indicator() == IndicatorType.BOLLINGER_BANDS).toList();
        assertThat(bollinger).hasSize(2).allSatisfy(e -> {
            assertThat(e.params().multiplier()).isEqualTo(new BigDecimal("2.0"));
            assertThat(e.value().bbUpper()).isGreaterThan(e.value().bbMiddle());
            assertThat(e.value().bbMiddle()).isGreaterThan(e.value().bbLower());
        });
        assertThat(bands.getReceivedExchanges()).allSatisfy(x ->
                assertThat(x.getMessage().getHeader(UpbitConstants.CODE)).isEqualTo("KRW-BTC"));
    }

    @Test
    void aSignalComesOnceWhenItsConditionBecomesTrueAndAgainOnlyAfterItWasFalse() {
        subscribed();
        MockEndpoint breakout = getMockEndpoint("mock:breakout");
        awaitAcknowledged();
        BigDecimal price = upbit.simulator().market().lastPrice("KRW-BTC");
        BigDecimal low = price.divide(TWO);
        BigDecimal high = price.multiply(TWO);
        BigDecimal volume = BigDecimal.TEN;

        upbit.simulator().closeCandle("5m", "KRW-BTC", low, volume);
        upbit.simulator().closeCandle("5m", "KRW-BTC", high, volume);
        upbit.simulator().closeCandle("5m", "KRW-BTC", high.multiply(TWO), volume);
        upbit.simulator().closeCandle("5m", "KRW-BTC", low.divide(BigDecimal.TEN), volume);
        upbit.simulator().closeCandle("5m", "KRW-BTC", high.multiply(BigDecimal.TEN), volume);

        // the source's count: what the simulator sent is what the route got
        long sent = upbit.simulator().sentLog().items("indicator_signal", "KRW-BTC").size();
        assertThat(sent).isEqualTo(2);
        await().until(() -> breakout.getReceivedCounter() == sent);
        assertThat(upbit.simulator().sentLog().items("indicator_signal", "KRW-BTC")).hasSize(2);
        List<IndicatorSignalEvent> signals = bodies(breakout, IndicatorSignalEvent.class);
        assertThat(signals).allSatisfy(s -> {
            assertThat(s.trigger()).isEqualTo(SignalTrigger.PRICE_CROSS_ABOVE);
            assertThat(s.indicator()).isEqualTo(IndicatorType.MOVING_AVERAGE);
            assertThat(s.params()).isEqualTo(new IndicatorParams(5, MovingAverageType.SMA, null, null, null, null,
                    null, null));
            assertThat(s.eventParams()).isEqualTo(SignalParams.NONE);
            assertThat(s.value().value()).isNotNull();
        });
    }

    @Test
    void aRouteBeyondUpbitsHundredCombinationsFailsAtStartAndTheOthersKeepTheirData() throws Exception {
        subscribed();
        awaitAcknowledged();
        String codes = IntStream.range(0, 11).mapToObj(i -> "KRW-C" + i).collect(Collectors.joining(","));
        String periods = IntStream.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11).mapToObj(p -> "rsi(period=" + p + ")")
                .collect(Collectors.joining(","));

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("upbit:indicator?timeframe=5m&codes=" + codes + "&indicators=" + periods).routeId("greedy")
                        .to("mock:greedy");
            }
        })).hasMessageContaining("more than Upbit's 100 per connection");
        assertThat(context.getRouteController().getRouteStatus("greedy").isStarted()).isFalse();

        MockEndpoint bands = getMockEndpoint("mock:bands");
        upbit.simulator().closeCandle("5m");
        await().until(() -> bands.getReceivedCounter() == 2);
        assertThat(upbit.simulator().connections()).hasSize(1);
    }

    /** Upbit acknowledges nothing: the route is subscribed once its acknowledgement window passed. */
    private void awaitAcknowledged() {
        await().until(() -> !events(ConnectionState.SUBSCRIBED).isEmpty());
    }

    private List<ConnectionEvent> events(ConnectionState state) {
        return getMockEndpoint("mock:lifecycle").getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(ConnectionEvent.class)).filter(e -> e.state() == state).toList();
    }

    private static SimConnection subscribed() {
        await().until(() -> upbit.simulator().connections().stream().anyMatch(c -> c.subscription().stream()
                .anyMatch(s -> s.type().equals("indicator_signal"))));
        return upbit.simulator().connections().get(0);
    }

    private static <T> List<T> bodies(MockEndpoint mock, Class<T> type) {
        return mock.getReceivedExchanges().stream().map(e -> e.getMessage().getBody(type)).toList();
    }
}
