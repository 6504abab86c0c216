package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.camelupbit.test.SimTestSupport.awaitLatestConnection;
import static io.camelupbit.test.SimTestSupport.errorName;
import static io.camelupbit.test.SimTestSupport.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The info path: its JWT, request validation (error then close), limits, replace semantics, LIST_SUBSCRIPTIONS. */
class InfoEndpointTest {

    private static final String AK = "info-access";
    private static final String SK = "info-secret";
    private static final String RSI_14 = "{\"type\":\"rsi\",\"params\":{\"period\":14}}";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b
            .apiKey(AK, SK).connectLimitPerSecond(1000).messageLimits(1000, 10_000));

    @Test
    void theInfoPathNeedsAValidJwt() {
        UpbitSimulator sim = upbit.simulator();
        assertThat(sim.infoUrl()).isEqualTo(sim.url() + "/info").isEqualTo(upbit.infoUrl());
        assertThat(WsClient.refusedStatus(sim.infoUrl(), Map.of())).isEqualTo(401);
        assertThat(WsClient.refusedStatus(sim.infoUrl(), Jwts.bearer(Jwts.hs512(AK, "wrong")))).isEqualTo(401);
        try (WsClient client = infoClient()) {
            SimConnection connection = awaitLatestConnection(sim);
            assertThat(connection.path()).isEqualTo("/websocket/v1/info");
            assertThat(connection.accessKey()).isEqualTo(AK);
            subscribe(client, request("indicator", "[\"KRW-BTC\"]", "5m", RSI_14));
        }
        assertThat(sim.handshakes()).extracting(HandshakeRecord::path, HandshakeRecord::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/websocket/v1/info", 401),
                org.assertj.core.groups.Tuple.tuple("/websocket/v1/info", 401),
                org.assertj.core.groups.Tuple.tuple("/websocket/v1/info", 101));
        assertThat(sim.jwts()).extracting(JwtRecord::valid).containsExactly(false, true);
    }

    @Test
    void aFailedTokenCanFailInBandAsOnThePrivatePath() {
        try (UpbitSimulator sim = UpbitSimulator.builder().apiKey(AK, SK)
                .authFailure(AuthFailure.ERROR_FRAME_INVALID_AUTH).build().start();
             WsClient client = WsClient.connect(sim.infoUrl(), Jwts.bearer(Jwts.hs512(AK, "wrong")))) {
            client.send(request("indicator", "[\"KRW-BTC\"]", "5m", RSI_14));
            assertThat(errorName(client.next())).isEqualTo("INVALID_AUTH");
            assertThat(client.awaitClose()).isEqualTo(1000);
        }
    }

    static Stream<Arguments> invalidRequests() {
        String signal = "indicator_signal";
        return Stream.of(
                arguments("not json", "WRONG_FORMAT"),
                arguments("[{\"type\":\"indicator\",\"codes\":[\"KRW-BTC\"]}]", "NO_TICKET"),
                arguments("[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"timeframe\":\"5m\",\"indicators\":["
                        + RSI_14 + "]}]", "NO_CODES"),
                arguments(request("indicator", "\"KRW-BTC\"", "5m", RSI_14), "WRONG_FORMAT"),
                arguments(request("indicator", "[]", "5m", RSI_14), "INVALID_PARAM"),
                arguments("[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":[\"KRW-BTC\"],\"indicators\":["
                        + RSI_14 + "]}]", "INVALID_PARAM"),
                arguments(request("indicator", "[\"KRW-BTC\"]", "1m", RSI_14), "INVALID_PARAM"),
                arguments(request("indicator", "[\"KRW-BTC\"]", "1h", RSI_14), "INVALID_PARAM"),
                arguments("[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":[\"KRW-BTC\"],\"timeframe\":5}]",
                        "WRONG_FORMAT"),
                arguments("[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":[\"KRW-BTC\"],\"timeframe\":\"5m\"}]",
                        "INVALID_PARAM"),
                arguments(request("indicator", "[\"KRW-BTC\"]", "5m", ""), "INVALID_PARAM"),
                arguments(request("indicator", "[\"KRW-BTC\"]", "5m", "\"rsi\""), "WRONG_FORMAT"),
                arguments(request("indicator", "[\"KRW-BTC\"]", "5m", "{\"type\":\"stochastic\",\"params\":{}}"),
                        "INVALID_PARAM"),
                arguments(request("indicator", "[\"KRW-BTC\"]", "5m", "{\"type\":\"rsi\"}"), "INVALID_PARAM"),
                arguments(request("indicator", "[\"KRW-BTC\"]", "5m", "{\"type\":\"rsi\",\"params\":[14]}"),
                        "WRONG_FORMAT"),
                arguments(indicator("rsi", "\"period\":15"), "INVALID_PARAM"),
                arguments(indicator("rsi", "\"period\":14.5"), "INVALID_PARAM"),
                arguments(indicator("rsi", "\"period\":\"14\""), "WRONG_FORMAT"),
                arguments(indicator("rsi", "\"period\":14,\"type\":\"SMA\""), "INVALID_PARAM"),
                arguments(indicator("moving_average", "\"period\":20"), "INVALID_PARAM"),
                arguments(indicator("moving_average", "\"type\":\"WMA\",\"period\":20"), "INVALID_PARAM"),
                arguments(indicator("moving_average", "\"type\":1,\"period\":20"), "WRONG_FORMAT"),
                arguments(indicator("ma_crossover", "\"type\":\"SMA\",\"short_period\":5,\"long_period\":60"),
                        "INVALID_PARAM"),
                arguments(indicator("bollinger_bands", "\"period\":20,\"multiplier\":2.04"), "INVALID_PARAM"),
                arguments(indicator("bollinger_bands", "\"period\":20,\"multiplier\":\"2.0\""), "WRONG_FORMAT"),
                arguments(indicator("macd", "\"fast\":12,\"slow\":26,\"signal_period\":5"), "INVALID_PARAM"),
                // The signal sets are narrower than the indicator ones.
                arguments(signal("{\"type\":\"rsi\",\"params\":{\"period\":2},\"trigger\":\"overbought\","
                        + "\"event_params\":{\"threshold\":70}}"), "INVALID_PARAM"),
                arguments(signal("{\"type\":\"bollinger_bands\",\"params\":{\"period\":20,\"multiplier\":3.0},"
                        + "\"trigger\":\"price_cross_above\"}"), "INVALID_PARAM"),
                arguments(signal(RSI_14), "INVALID_PARAM"),
                arguments(signal("{\"type\":\"rsi\",\"params\":{\"period\":14},\"trigger\":\"golden_cross\"}"),
                        "INVALID_PARAM"),
                arguments(signal("{\"type\":\"rsi\",\"params\":{\"period\":14},\"trigger\":\"overbought\"}"),
                        "INVALID_PARAM"),
                arguments(signal("{\"type\":\"rsi\",\"params\":{\"period\":14},\"trigger\":\"overbought\","
                        + "\"event_params\":{\"threshold\":75}}"), "INVALID_PARAM"),
                arguments(signal("{\"type\":\"rsi\",\"params\":{\"period\":14},\"trigger\":\"overbought\","
                        + "\"event_params\":{\"threshold\":30}}"), "INVALID_PARAM"),
                arguments(signal("{\"type\":\"rsi\",\"params\":{\"period\":14},\"trigger\":\"oversold\","
                        + "\"event_params\":{\"threshold\":\"30\"}}"), "WRONG_FORMAT"),
                arguments(signal("{\"type\":\"volume\",\"params\":{\"period\":20},\"trigger\":\"volume_spike\","
                        + "\"event_params\":{\"multiplier\":2.5}}"), "INVALID_PARAM"),
                arguments(signal("{\"type\":\"moving_average\",\"params\":{\"type\":\"SMA\",\"period\":5},"
                        + "\"trigger\":\"price_cross_above\",\"event_params\":{\"threshold\":70}}"), "INVALID_PARAM"),
                arguments(signal("{\"type\":\"moving_average\",\"params\":{\"type\":\"SMA\",\"period\":5},"
                        + "\"trigger\":\"price_cross_above\",\"event_params\":[]}"), "WRONG_FORMAT"),
                // Only the indicator types are served here; anything wrong refuses the whole request.
                arguments("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]}]", "INVALID_PARAM"),
                arguments("[{\"ticket\":\"t\"},{\"type\":\"myOrder\"}]", "INVALID_PARAM"),
                arguments("[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":[\"KRW-BTC\"],\"timeframe\":\"5m\","
                        + "\"indicators\":[" + RSI_14 + "]},{\"type\":\"myAsset\"}]", "INVALID_PARAM"),
                arguments("[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":[\"KRW-BTC\"],\"timeframe\":\"5m\","
                        + "\"indicators\":[" + RSI_14 + "]},{\"format\":\"XML\"}]", "INVALID_PARAM"),
                arguments("[{\"ticket\":\"t\"},{\"method\":\"LIST_ALL\"}]", "INVALID_PARAM"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("invalidRequests")
    void anInvalidRequestGetsItsErrorThenTheConnectionCloses(String request, String expectedName) {
        try (WsClient client = infoClient()) {
            client.send(request);
            WsClient.Frame frame = client.next();
            assertThat(SimTestSupport.error(frame)).containsOnlyKeys("name", "message")
                    .containsEntry("name", expectedName);
            assertThat(client.awaitClose()).isEqualTo(1000);
        }
    }

    @Test
    void atMostOneHundredCombinationsSummedOverTheMessage() {
        String tenIndicators = IntStream.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
                .mapToObj(p -> "{\"type\":\"rsi\",\"params\":{\"period\":" + p + "}}")
                .collect(Collectors.joining(","));
        try (WsClient client = infoClient()) {
            subscribe(client, request("indicator", codes(10), "5m", tenIndicators));
            assertThat(awaitLatestConnection(upbit.simulator()).subscription().get(0).indicators()).hasSize(10);
        }
        try (WsClient client = infoClient()) {
            client.send(request("indicator", codes(11), "5m", tenIndicators));
            assertThat(errorName(client.next())).isEqualTo("TOO_MANY_REQUEST");
            assertThat(client.awaitClose()).isEqualTo(1000);
        }
        // 5 x 10 indicators + 6 x 9 signals = 104: both types count.
        String nineSignals = IntStream.range(0, 9)
                .mapToObj(i -> "{\"type\":\"macd\",\"params\":{\"fast\":12,\"slow\":26,\"signal_period\":9},"
                        + "\"trigger\":\"golden_cross\"}")
                .collect(Collectors.joining(","));
        try (WsClient client = infoClient()) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":" + codes(5) + ",\"timeframe\":\"5m\","
                    + "\"indicators\":[" + tenIndicators + "]},{\"type\":\"indicator_signal\",\"codes\":" + codes(6)
                    + ",\"timeframe\":\"1d\",\"indicators\":[" + nineSignals + "]}]");
            assertThat(errorName(client.next())).isEqualTo("TOO_MANY_REQUEST");
            assertThat(client.awaitClose()).isEqualTo(1000);
        }
    }

    @Test
    void indicatorTypesOnTheOtherPathsAreRefusedWithoutClosing() {
        String request = request("indicator", "[\"KRW-BTC\"]", "5m", RSI_14);
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send(request);
            assertThat(errorName(client.next())).isEqualTo("INVALID_PARAM");
            client.send("PING");
            assertThat(client.next().text()).isEqualTo("{\"status\":\"UP\"}");
        }
        try (WsClient client = WsClient.connect(upbit.privateUrl(), Jwts.bearer(Jwts.hs512(AK, SK)))) {
            client.send(request.replace("\"indicator\"", "\"indicator_signal\""));
            assertThat(errorName(client.next())).isEqualTo("INVALID_PARAM");
            assertThat(awaitLatestConnection(upbit.simulator()).isOpen()).isTrue();
        }
    }

    @Test
    void listSubscriptionsAnswersAsUpbitsExample() {
        try (WsClient client = infoClient()) {
            client.send("[{\"ticket\":\"indicator-monitor\"},{\"type\":\"indicator_signal\",\"codes\":[\"KRW-DOGE\"],"
                    + "\"timeframe\":\"5m\",\"indicators\":[{\"type\":\"rsi\",\"params\":{\"period\":7},"
                    + "\"trigger\":\"overbought\",\"event_params\":{\"threshold\":70}}]},{\"format\":\"DEFAULT\"}]");
            client.send("[{\"ticket\":\"indicator-subscriptions\"},{\"method\":\"LIST_SUBSCRIPTIONS\"},"
                    + "{\"format\":\"DEFAULT\"}]");
            assertThat(client.next().text()).isEqualTo("{\"method\":\"LIST_SUBSCRIPTIONS\",\"result\":[{\"type\":"
                    + "\"indicator_signal\",\"codes\":[\"KRW-DOGE\"],\"timeframe\":\"5m\",\"indicators\":[{\"type\":"
                    + "\"rsi\",\"params\":{\"period\":7},\"trigger\":\"overbought\",\"event_params\":{\"threshold\":"
                    + "70}}]}],\"ticket\":\"indicator-subscriptions\"}");
        }
    }

    @Test
    void equalValuesAreAcceptedAndListedNormalisedWhileTheSubscriptionKeepsTheirText() {
        try (WsClient client = infoClient()) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":[\"KRW-BTC\",\"BTC-ETH\"],"
                    + "\"timeframe\":\"60m\",\"is_only_snapshot\":true,\"indicators\":["
                    + "{\"type\":\"bollinger_bands\",\"params\":{\"multiplier\":2.00,\"period\":20.0}},"
                    + "{\"type\":\"rsi\",\"params\":{\"period\":14},\"trigger\":\"ignored\",\"extra\":1}]},"
                    + "{\"type\":\"indicator_signal\",\"codes\":[\"KRW-ETH\"],\"timeframe\":\"1d\",\"indicators\":["
                    + "{\"type\":\"volume\",\"params\":{\"period\":10},\"trigger\":\"volume_spike\","
                    + "\"event_params\":{\"multiplier\":5}},"
                    + "{\"type\":\"macd\",\"params\":{\"fast\":5,\"slow\":35,\"signal_period\":5},"
                    + "\"trigger\":\"zero_cross_below\",\"event_params\":{}}]}]");
            client.send("[{\"ticket\":\"l\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}]");
            assertThat(client.next().text()).isEqualTo("{\"method\":\"LIST_SUBSCRIPTIONS\",\"result\":["
                    + "{\"type\":\"indicator\",\"codes\":[\"KRW-BTC\",\"BTC-ETH\"],\"timeframe\":\"60m\","
                    + "\"indicators\":["
                    + "{\"type\":\"bollinger_bands\",\"params\":{\"period\":20,\"multiplier\":2.0}},"
                    + "{\"type\":\"rsi\",\"params\":{\"period\":14}}]},"
                    + "{\"type\":\"indicator_signal\",\"codes\":[\"KRW-ETH\"],\"timeframe\":\"1d\",\"indicators\":["
                    + "{\"type\":\"volume\",\"params\":{\"period\":10},\"trigger\":\"volume_spike\","
                    + "\"event_params\":{\"multiplier\":5.0}},"
                    + "{\"type\":\"macd\",\"params\":{\"fast\":5,\"slow\":35,\"signal_period\":5},"
                    + "\"trigger\":\"zero_cross_below\",\"event_params\":{}}]}],\"ticket\":\"l\"}");

            List<Subscription> subscription = awaitLatestConnection(upbit.simulator()).subscription();
            Map<String, Object> bands = new java.util.LinkedHashMap<>();
            bands.put("multiplier", new BigDecimal("2.00"));
            bands.put("period", new BigDecimal("20.0"));
            assertThat(subscription.get(0)).isEqualTo(new Subscription("indicator", List.of("KRW-BTC", "BTC-ETH"),
                    false, false, null, null, null, "60m", List.of(
                            new IndicatorRequest("bollinger_bands", bands, null, null),
                            new IndicatorRequest("rsi", Map.of("period", new BigDecimal("14")), null, null))));
            assertThat(subscription.get(1).indicators()).extracting(IndicatorRequest::trigger,
                    IndicatorRequest::eventParams).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("volume_spike", Map.of("multiplier",
                                    new BigDecimal("5"))),
                            org.assertj.core.groups.Tuple.tuple("zero_cross_below", Map.of()));
            assertThat(((BigDecimal) subscription.get(0).indicators().get(0).params().get("multiplier")).scale())
                    .isEqualTo(2);
        }
    }

    @Test
    void aNewRequestReplacesTheWholeSubscription() {
        UpbitSimulator sim = upbit.simulator();
        try (WsClient client = infoClient()) {
            subscribe(client, request("indicator", "[\"KRW-XRP\"]", "240m", RSI_14));
            subscribe(client, request("indicator", "[\"KRW-SOL\"]", "240m",
                    "{\"type\":\"macd\",\"params\":{\"fast\":8,\"slow\":17,\"signal_period\":9}}"));
            SimConnection connection = awaitLatestConnection(sim);
            assertThat(connection.subscribedCodes("indicator")).containsExactly("KRW-SOL");

            assertThat(sim.closeCandle("240m", "KRW-XRP", new BigDecimal("3000"), BigDecimal.ONE)).isZero();
            assertThat(sim.closeCandle("240m", "KRW-SOL", new BigDecimal("250000"), BigDecimal.ONE)).isEqualTo(1);
            Map<String, Object> item = Json.object(client.next().text());
            assertThat(item).containsEntry("code", "KRW-SOL").containsEntry("indicator", "macd");
            assertThat(sim.sentLog().items("indicator", "KRW-XRP")).isEmpty();
        }
    }

    private static WsClient infoClient() {
        return WsClient.connect(upbit.simulator().infoUrl(), Jwts.bearer(Jwts.hs512(AK, SK)));
    }

    private static String request(String type, String codes, String timeframe, String indicators) {
        return "[{\"ticket\":\"t\"},{\"type\":\"" + type + "\",\"codes\":" + codes + ",\"timeframe\":\"" + timeframe
                + "\",\"indicators\":[" + indicators + "]}]";
    }

    private static String indicator(String type, String params) {
        return request("indicator", "[\"KRW-BTC\"]", "5m", "{\"type\":\"" + type + "\",\"params\":{" + params + "}}");
    }

    private static String signal(String indicatorObject) {
        return request("indicator_signal", "[\"KRW-BTC\"]", "15m", indicatorObject);
    }

    /** A JSON array of n distinct KRW codes. */
    private static String codes(int n) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add("\"KRW-C" + i + "\"");
        }
        return "[" + String.join(",", codes) + "]";
    }
}
