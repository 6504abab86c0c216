package io.camelupbit.trading;

import java.math.BigDecimal;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.SmpType;
import io.camelupbit.event.TimeInForce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What Upbit's new-order page says it refuses, refused here before anything is sent, naming the field. */
class OrderRequestTest {

    private static final BigDecimal ONE = BigDecimal.ONE;

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(new OrderRequest("BTC", AskBid.BID, OrderType.LIMIT, ONE, ONE, null, null, null),
                        "code must be a market code"),
                Arguments.of(new OrderRequest("KRW-BTC", null, OrderType.LIMIT, ONE, ONE, null, null, null),
                        "side must be bid or ask"),
                Arguments.of(new OrderRequest("KRW-BTC", AskBid.BID, null, ONE, ONE, null, null, null),
                        "orderType must be limit, price, market or best"),
                Arguments.of(new OrderRequest("KRW-BTC", AskBid.BID, OrderType.LIMIT, null, ONE, null, null, null),
                        "a limit order needs a price"),
                Arguments.of(new OrderRequest("KRW-BTC", AskBid.BID, OrderType.LIMIT, ONE, null, null, null, null),
                        "a limit order needs a volume"),
                Arguments.of(new OrderRequest("KRW-BTC", AskBid.ASK, OrderType.PRICE, ONE, null, null, null, null),
                        "a price order (market buy by amount) is a bid"),
                Arguments.of(new OrderRequest("KRW-BTC", AskBid.BID, OrderType.PRICE, ONE, ONE, null, null, null),
                        "a price order takes no volume"),
                Arguments.of(new OrderRequest("KRW-BTC", AskBid.BID, OrderType.MARKET, null, ONE, null, null, null),
                        "a market order (market sell) is an ask"),
                Arguments.of(new OrderRequest("KRW-BTC", AskBid.ASK, OrderType.MARKET, ONE, ONE, null, null, null),
                        "a market order takes no price"),
                Arguments.of(OrderRequest.best("KRW-BTC", AskBid.BID, ONE, null), "a best order needs timeInForce"),
                Arguments.of(new OrderRequest("KRW-BTC", AskBid.BID, OrderType.BEST, ONE, ONE, TimeInForce.IOC, null,
                        null), "a best bid takes price (the amount) and no volume"),
                Arguments.of(new OrderRequest("KRW-BTC", AskBid.ASK, OrderType.BEST, ONE, ONE, TimeInForce.FOK, null,
                        null), "a best ask takes volume and no price"),
                Arguments.of(OrderRequest.market("KRW-BTC", ONE).timeInForce(TimeInForce.POST_ONLY),
                        "post_only is for limit orders only"),
                Arguments.of(OrderRequest.limit("KRW-BTC", AskBid.BID, ONE, ONE).timeInForce(TimeInForce.POST_ONLY)
                        .smpType(SmpType.CANCEL_MAKER), "post_only cannot be combined with smpType cancel_maker"),
                Arguments.of(OrderRequest.limit("KRW-BTC", AskBid.BID, ONE, ONE.negate()), "volume must be positive"),
                Arguments.of(OrderRequest.limit("KRW-BTC", AskBid.BID, ONE, ONE).identifier("x".repeat(65)),
                        "identifier must be 1 to 64 characters"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void refusedNamingTheField(OrderRequest request, String problem) {
        assertThatThrownBy(request::check).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Order refused before sending: ").hasMessageContaining(problem);
    }

    @Test
    void everyKindUpbitTakes() {
        assertThat(OrderRequest.limit("KRW-BTC", AskBid.ASK, ONE, ONE).timeInForce(TimeInForce.POST_ONLY)
                .smpType(SmpType.NONE).identifier("my-1").check().identifier()).isEqualTo("my-1");
        assertThat(OrderRequest.price("KRW-BTC", new BigDecimal("5000")).check().side()).isEqualTo(AskBid.BID);
        assertThat(OrderRequest.market("KRW-BTC", ONE).check().side()).isEqualTo(AskBid.ASK);
        assertThat(OrderRequest.best("KRW-BTC", AskBid.BID, new BigDecimal("5000"), TimeInForce.IOC).check().price())
                .isEqualByComparingTo("5000");
        assertThat(OrderRequest.best("KRW-BTC", AskBid.ASK, ONE, TimeInForce.FOK).check().volume()).isEqualTo(ONE);
    }
}
