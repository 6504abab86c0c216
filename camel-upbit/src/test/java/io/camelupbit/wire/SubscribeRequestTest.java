package io.camelupbit.wire;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscribeRequestTest {

    @Test
    void writesTicketTypesAndFormatInUpbitsShape() {
        SubscribeRequest request = new SubscribeRequest("t-1", List.of(
                TypeRequest.of("ticker", List.of("KRW-BTC", "KRW-ETH")),
                new TypeRequest("orderbook", List.of("KRW-BTC.15"), false, true, new BigDecimal("10000"))),
                UpbitFormat.SIMPLE);

        assertThat(request.toJson()).isEqualTo("[{\"ticket\":\"t-1\"},"
                + "{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\",\"KRW-ETH\"]},"
                + "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.15\"],\"is_only_realtime\":true,\"level\":10000},"
                + "{\"format\":\"SIMPLE\"}]");
    }

    @Test
    void levelsAreWrittenAsPlainNumbers() {
        SubscribeRequest request = new SubscribeRequest("t", List.of(new TypeRequest("orderbook", List.of("KRW-BTC"),
                false, false, new BigDecimal("10000").stripTrailingZeros())), UpbitFormat.DEFAULT);

        assertThat(request.toJson()).contains("\"level\":10000}");
    }

    @Test
    void listSubscriptionsCarriesTheFormat() {
        assertThat(SubscribeRequest.listSubscriptions("t-2", UpbitFormat.SIMPLE_LIST))
                .isEqualTo("[{\"ticket\":\"t-2\"},{\"method\":\"LIST_SUBSCRIPTIONS\"},{\"format\":\"SIMPLE_LIST\"}]");
    }

    @Test
    void sameStateIgnoresTheTicket() {
        var types = List.of(TypeRequest.of("ticker", List.of("KRW-BTC")));
        SubscribeRequest a = new SubscribeRequest("a", types, UpbitFormat.DEFAULT);

        assertThat(a.sameStateAs(new SubscribeRequest("b", types, UpbitFormat.DEFAULT))).isTrue();
        assertThat(a.sameStateAs(new SubscribeRequest("b", types, UpbitFormat.SIMPLE))).isFalse();
        assertThat(a.sameStateAs(new SubscribeRequest("b", List.of(), UpbitFormat.DEFAULT))).isFalse();
        assertThat(a.sameStateAs(null)).isFalse();
    }
}
