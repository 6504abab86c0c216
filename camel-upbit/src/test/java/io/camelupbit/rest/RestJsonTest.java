package io.camelupbit.rest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.TimeInForce;
import io.camelupbit.trading.Balance;
import io.camelupbit.trading.MarketInfo;
import io.camelupbit.trading.Order;
import io.camelupbit.trading.OrderChance;
import io.camelupbit.trading.OrderTrade;
import io.camelupbit.wire.UpbitError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Upbit's official REST examples (upbit-docs/rest) read into records, every field, amounts exactly as written. */
class RestJsonTest {

    @Test
    void accountsKeepEveryAmountAsWritten() throws IOException {
        List<Balance> balances = RestJson.balances(read("accounts.json"));

        assertThat(balances).containsExactly(
                new Balance("KRW", new BigDecimal("1000000.0"), new BigDecimal("0.0"), new BigDecimal("0"), false,
                        "KRW"),
                new Balance("BTC", new BigDecimal("2.0"), new BigDecimal("0.0"), new BigDecimal("140000000"), false,
                        "KRW"));
    }

    @Test
    void anOrderWithItsTrades() throws IOException {
        Order order = RestJson.order(read("order-get-best.json"));

        assertThat(order).isEqualTo(new Order("5b95451b-971e-4e76-8f61-5ff441f078d5", "KRW-BTC", AskBid.BID,
                OrderType.BEST, new BigDecimal("6000"), OrderState.CANCEL,
                OffsetDateTime.parse("2025-08-09T16:50:53+09:00"), null, null, new BigDecimal("3"),
                new BigDecimal("0.00010408"), new BigDecimal("2.99989592"), new BigDecimal("0.20826408"),
                new BigDecimal("0.00003736"), null, 1, TimeInForce.FOK, null, null, null, new BigDecimal("0"),
                List.of(new OrderTrade("KRW-BTC", "b4ffc5dc-2f0b-42a7-9fa3-f25a0ea726e2", new BigDecimal("160594000"),
                        new BigDecimal("0.00003736"), new BigDecimal("5999.79184"), "up",
                        OffsetDateTime.parse("2025-08-09T16:50:53.687716+09:00"), AskBid.BID))));
    }

    @Test
    void placedAndListedOrders() throws IOException {
        Order placed = RestJson.order(read("order-post.json"));
        List<Order> closed = RestJson.orders(read("orders-closed.json"));

        assertThat(placed.state()).isEqualTo(OrderState.WAIT);
        assertThat(placed.volume()).isEqualTo(new BigDecimal("1.0"));
        assertThat(placed.reservedFee()).isEqualTo(new BigDecimal("70000.0"));
        assertThat(placed.trades()).isEmpty();
        assertThat(closed).singleElement().satisfies(o -> {
            assertThat(o.state()).isEqualTo(OrderState.DONE);
            assertThat(o.paidFee()).isEqualTo(new BigDecimal("70000.0"));
            assertThat(o.tradesCount()).isEqualTo(1);
        });
    }

    @Test
    void theOrderChanceOfAMarket() throws IOException {
        OrderChance chance = RestJson.chance(read("orders-chance.json"));

        assertThat(chance.bidFee()).isEqualTo(new BigDecimal("0.0005"));
        assertThat(chance.makerAskFee()).isEqualTo(new BigDecimal("0.0005"));
        assertThat(chance.market().code()).isEqualTo("KRW-BTC");
        assertThat(chance.market().bidTypes()).contains("best_fok", "price");
        assertThat(chance.market().askTypes()).contains("market");
        assertThat(chance.market().bidMinTotal()).isEqualTo(new BigDecimal("5000"));
        assertThat(chance.market().maxTotal()).isEqualTo(new BigDecimal("1000000000"));
        assertThat(chance.bidAccount().avgBuyPriceModified()).isTrue();
        assertThat(chance.askAccount().balance()).isEqualTo(new BigDecimal("0.001"));
    }

    @Test
    void marketsWithTheirWarningAndCautions() throws IOException {
        List<MarketInfo> markets = RestJson.markets(read("market-all.json"));

        assertThat(markets).extracting(MarketInfo::code).containsExactly("KRW-BTC", "KRW-ETH");
        assertThat(markets.get(0).koreanName()).isEqualTo("비트코인");
        assertThat(markets.get(0).englishName()).isEqualTo("Bitcoin");
        assertThat(markets.get(0).warning()).isFalse();
        assertThat(markets.get(1).warning()).isTrue();
        assertThat(markets.get(0).cautions()).hasSize(5).containsEntry("PRICE_FLUCTUATIONS", false);
        assertThat(markets.get(0).activeCautions()).isEmpty();
        assertThat(RestJson.markets("[{\"market\":\"KRW-X\",\"market_event\":{\"warning\":false,"
                + "\"caution\":{\"TRADING_VOLUME_SOARING\":true}}}]").get(0).activeCautions())
                .containsExactly("TRADING_VOLUME_SOARING");
    }

    @Test
    void upbitsErrorExamples() throws IOException {
        assertThat(RestJson.error(read("error-invalid-query-payload.json")))
                .isEqualTo(new UpbitError("invalid_query_payload", "Failed to verify the query of Jwt."));
    }

    @Test
    void amountsAsJsonNumbersKeepTheirTextToo() {
        Order order = RestJson.order("{\"uuid\":\"u\",\"price\":140000000.10,\"trades_count\":0}");

        assertThat(order.price()).isEqualTo(new BigDecimal("140000000.10"));
    }

    @Test
    void aMalformedAnswerNamesTheFieldAndQuotesNoValue() {
        assertThatThrownBy(() -> RestJson.balances("[{\"currency\":\"KRW\",\"balance\":\"12345x\"}]"))
                .hasMessage("Upbit's balance must be a number");
        assertThatThrownBy(() -> RestJson.order("{\"market\":\"KRW-BTC\"}")).hasMessage("Upbit's answer has no uuid");
        assertThatThrownBy(() -> RestJson.balances("{\"balance\":\"99\"")).hasMessageNotContaining("99");
    }

    @Test
    void upbitsErrorAnswer() {
        assertThat(RestJson.error("{\"error\":{\"name\":\"insufficient_funds_bid\",\"message\":\"주문가능한 금액이 부족합니다.\"}}"))
                .isEqualTo(new UpbitError("insufficient_funds_bid", "주문가능한 금액이 부족합니다."));
        assertThat(RestJson.error("<html>bad gateway</html>")).isNull();
    }

    private static String read(String name) throws IOException {
        try (InputStream in = RestJsonTest.class.getResourceAsStream("/upbit-docs/rest/" + name)) {
            assertThat(in).as("fixture upbit-docs/rest/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
