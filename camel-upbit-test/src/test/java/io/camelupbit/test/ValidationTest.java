package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.camelupbit.test.SimTestSupport.awaitLatestConnection;
import static io.camelupbit.test.SimTestSupport.error;
import static io.camelupbit.test.SimTestSupport.errorName;
import static org.assertj.core.api.Assertions.assertThat;

class ValidationTest {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b
            .connectLimitPerSecond(1000).messageLimits(1000, 10_000));

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "not json                                                                   | WRONG_FORMAT",
            "{\"ticket\":\"t\"}                                                         | WRONG_FORMAT",
            "[]                                                                         | WRONG_FORMAT",
            "[\"ticket\"]                                                               | WRONG_FORMAT",
            "[{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]}]                            | NO_TICKET",
            "[{\"ticket\":\" \"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]}]         | NO_TICKET",
            "[{\"ticket\":\"t\"},{\"codes\":[\"KRW-BTC\"]}]                             | NO_TYPE",
            "[{\"ticket\":\"t\"}]                                                       | NO_TYPE",
            "[{\"ticket\":\"t\"},{\"type\":\"ticker\"}]                                 | NO_CODES",
            "[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[]}]                    | INVALID_PARAM",
            "[{\"ticket\":\"t\"},{\"type\":\"tickers\",\"codes\":[\"KRW-BTC\"]}]        | INVALID_PARAM",
            "[{\"ticket\":\"t\"},{\"type\":\"candle.1M\",\"codes\":[\"KRW-BTC\"]}]      | INVALID_PARAM",
            "[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"krw-btc\"]}]         | INVALID_PARAM",
            "[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRWBTC\"]}]          | INVALID_PARAM",
            "[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC.15\"]}]      | INVALID_PARAM",
            "[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.x\"]}]    | INVALID_PARAM",
            "[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC\"],\"level\":\"x\"}] | INVALID_PARAM",
            "[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]},{\"format\":\"XML\"}] | INVALID_PARAM",
            "[{\"ticket\":\"t\"},{\"method\":\"LIST_ALL\"}]                             | INVALID_PARAM",
            "[{\"ticket\":\"t\"},{\"type\":\"myAsset\",\"codes\":[\"KRW-BTC\"]}]        | WRONG_FORMAT",
            "[{\"ticket\":\"t\"},{\"type\":\"myAsset\"}]                                | INVALID_AUTH",
            "[{\"ticket\":\"t\"},{\"type\":\"myOrder\",\"codes\":[\"KRW-BTC\"]}]        | INVALID_AUTH",
    })
    void badRequestsGetUpbitsErrorFrame(String request, String expectedName) {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send(request.strip());
            WsClient.Frame frame = client.next();
            assertThat(frame.binary()).isTrue();
            Map<String, Object> error = error(frame);
            assertThat(error).containsOnlyKeys("name", "message").containsEntry("name", expectedName);
            assertThat((String) error.get("message")).isNotBlank();
        }
    }

    @Test
    void anInvalidRequestLeavesTheSubscriptionAndFormatUnchanged() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]},{\"format\":\"SIMPLE\"}]");
            SimConnection connection = awaitLatestConnection(upbit.simulator());
            client.next(t -> t.contains("SNAPSHOT"));

            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-ETH\",\"bad\"]},{\"format\":\"DEFAULT\"}]");
            assertThat(errorName(client.next(t -> t.contains("error")))).isEqualTo("INVALID_PARAM");
            assertThat(connection.subscribedCodes("ticker")).containsExactly("KRW-BTC");
            assertThat(connection.format()).isEqualTo("SIMPLE");
            assertThat(upbit.simulator().subscribeMessages()).hasSize(2);
            assertThat(connection.isOpen()).isTrue();
        }
    }

    @Test
    void acceptedVariantsOfValidRequests() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            // numeric ticket, method before ticket, orderbook depth suffixes, level as number or numeric string
            client.send("[{\"ticket\":12345},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.1\",\"KRW-ETH.30\"],"
                    + "\"level\":\"0\",\"unknown\":{\"x\":[1]}},{\"type\":\"candle.240m\",\"codes\":[\"BTC-ETH\"]}]");
            SimConnection connection = awaitLatestConnection(upbit.simulator());
            client.send("[{\"method\":\"LIST_SUBSCRIPTIONS\"},{\"ticket\":\"x\"}]");
            assertThat(client.next(t -> t.contains("LIST_SUBSCRIPTIONS")).text())
                    .contains("\"codes\":[\"KRW-BTC.1\",\"KRW-ETH.30\"],\"level\":0");
            assertThat(connection.subscribedCodes("orderbook")).containsExactly("KRW-BTC", "KRW-ETH");
            assertThat(connection.subscription().get(0).level()).isZero();
        }
    }

    @Test
    void camelCaseFlagsAreUnknownFieldsByDefault() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"],\"isOnlyRealtime\":true}]");
            assertThat(Json.object(client.next().text())).containsEntry("stream_type", "SNAPSHOT");
        }
    }
}
