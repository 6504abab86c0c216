package io.camelupbit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.Asset;
import io.camelupbit.event.CandleEvent;
import io.camelupbit.event.CandleUnit;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.OrderbookUnit;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.test.JwtRecord;
import io.camelupbit.test.SimAccount;
import io.camelupbit.test.SimConnection;
import io.camelupbit.test.Side;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A route per data type against the simulator, private types included (the simulator verifies every JWT). */
class StreamTypesRouteTest extends UpbitRouteTestSupport {

    static final String ACCESS_KEY = "test-access-key";
    static final String SECRET_KEY = "test-secret-key-0123456789";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(
            b -> b.tickInterval(Duration.ofMillis(50)).apiKey(ACCESS_KEY, SECRET_KEY));

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
                from("upbit:trade?codes=KRW-BTC").to("mock:trade");
                from("upbit:trade?codes=KRW-BTC&bodyType=json").to("mock:tradeJson");
                from("upbit:orderbook?codes=KRW-BTC&depth=5").to("mock:book5");
                from("upbit:orderbook?codes=KRW-BTC,KRW-ETH&depth=15").to("mock:book15");
                from("upbit:candle.1s?codes=KRW-BTC").to("mock:candle");
                // the stream as Upbit writes it, without the reconciled states (ReconciliationRouteTest has those)
                from("upbit:myOrder?reconcile=false").to("mock:myOrder");
                from("upbit:myAsset?reconcile=false").to("mock:myAsset");
            }
        };
    }

    @Test
    void tradesCarryTheirSequentialIdAsHeader() throws Exception {
        MockEndpoint trades = getMockEndpoint("mock:trade");
        trades.expectedMinimumMessageCount(3);
        trades.assertIsSatisfied();

        long previous = 0;
        for (Exchange exchange : trades.getReceivedExchanges()) {
            TradeEvent trade = exchange.getMessage().getBody(TradeEvent.class);
            assertThat(trade.code()).isEqualTo("KRW-BTC");
            assertThat(trade.sequentialId()).isGreaterThan(1L << 53);
            assertThat(exchange.getMessage().getHeader(UpbitConstants.SEQUENTIAL_ID)).isEqualTo(trade.sequentialId());
            assertThat(trade.sequentialId()).isGreaterThanOrEqualTo(previous);
            previous = trade.sequentialId();
        }
    }

    @Test
    void jsonBodyIsTheItemAsUpbitSentIt() throws Exception {
        MockEndpoint json = getMockEndpoint("mock:tradeJson");
        json.expectedMinimumMessageCount(2);
        json.assertIsSatisfied();

        Exchange exchange = json.getReceivedExchanges().get(1);
        String body = exchange.getMessage().getBody(String.class);
        assertThat(body).startsWith("{").endsWith("}").contains("\"type\":\"trade\"")
                .contains("\"sequential_id\":" + exchange.getMessage().getHeader(UpbitConstants.SEQUENTIAL_ID));
    }

    @Test
    void orderbooksAreAskedAtTheDeepestDepthAndTrimmedPerRoute() throws Exception {
        MockEndpoint book5 = getMockEndpoint("mock:book5");
        MockEndpoint book15 = getMockEndpoint("mock:book15");
        book5.expectedMinimumMessageCount(2);
        book15.expectedMinimumMessageCount(4);
        MockEndpoint.assertIsSatisfied(context);

        await().untilAsserted(() -> assertThat(connectionWith("orderbook").subscription())
                .anySatisfy(s -> assertThat(s.codes()).containsExactly("KRW-BTC.15", "KRW-ETH.15")));
        for (Exchange exchange : book5.getReceivedExchanges()) {
            OrderbookEvent book = exchange.getMessage().getBody(OrderbookEvent.class);
            assertThat(book.units()).hasSize(5);
            assertThat(book.totalAskSize()).isEqualByComparingTo(
                    book.units().stream().map(OrderbookUnit::askSize).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        for (Exchange exchange : book15.getReceivedExchanges()) {
            OrderbookEvent book = exchange.getMessage().getBody(OrderbookEvent.class);
            assertThat(book.units()).hasSize(15);
            assertThat(book.units().get(0).askPrice()).isGreaterThan(book.units().get(0).bidPrice());
        }
    }

    @Test
    void candlesArriveTyped() throws Exception {
        MockEndpoint candles = getMockEndpoint("mock:candle");
        candles.expectedMinimumMessageCount(2);
        candles.assertIsSatisfied();

        CandleEvent candle = candles.getReceivedExchanges().get(0).getMessage().getBody(CandleEvent.class);
        assertThat(candle.unit()).isEqualTo(CandleUnit.SECOND_1);
        assertThat(candle.type()).isEqualTo("candle.1s");
        assertThat(candle.highPrice()).isGreaterThanOrEqualTo(candle.lowPrice());
        assertThat(candle.candleDateTimeKst()).isEqualTo(candle.candleDateTimeUtc().plusHours(9));
    }

    @Test
    void privateOrdersAndBalancesFlowOverAJwtAuthenticatedConnection() throws Exception {
        await().until(() -> connectionWith("myOrder") != null && connectionWith("myAsset") != null);
        SimAccount account = upbit.simulator().account(ACCESS_KEY);
        account.deposit("KRW", new BigDecimal("1386929.37231066771348207123"));
        String uuid = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("100000000"),
                new BigDecimal("0.01"), "camel-1");
        account.fill(uuid, new BigDecimal("0.004"));
        account.fill(uuid, new BigDecimal("0.006"));

        MockEndpoint orders = getMockEndpoint("mock:myOrder");
        await().untilAsserted(() -> assertThat(orders.getReceivedExchanges()).extracting(
                e -> e.getMessage().getBody(MyOrderEvent.class).state())
                .containsExactly(OrderState.WAIT, OrderState.TRADE, OrderState.TRADE, OrderState.DONE));
        List<MyOrderEvent> events = orders.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(MyOrderEvent.class)).toList();
        assertThat(events).allSatisfy(e -> assertThat(e.uuid()).isEqualTo(uuid));
        assertThat(events.get(1).tradeUuid()).isNotNull();
        assertThat(events.get(1).volume()).isEqualByComparingTo("0.004");
        assertThat(orders.getReceivedExchanges().get(1).getMessage().getHeader(UpbitConstants.TRADE_UUID))
                .isEqualTo(events.get(1).tradeUuid());
        assertThat(orders.getReceivedExchanges().get(0).getMessage().getHeader(UpbitConstants.ORDER_UUID))
                .isEqualTo(uuid);

        MockEndpoint assets = getMockEndpoint("mock:myAsset");
        await().until(() -> assets.getReceivedExchanges().size() >= 4);
        MyAssetEvent deposit = assets.getReceivedExchanges().get(0).getMessage().getBody(MyAssetEvent.class);
        assertThat(deposit.assets()).containsExactly(
                new Asset("KRW", new BigDecimal("1386929.37231066771348207123"), deposit.assets().get(0).locked()));
        assertThat(assets.getReceivedExchanges().get(0).getMessage().getHeader(UpbitConstants.CODE)).isNull();

        assertThat(upbit.simulator().jwts()).isNotEmpty().allSatisfy(jwt -> {
            assertThat(jwt.valid()).as(jwt.rejection()).isTrue();
            assertThat(jwt.accessKey()).isEqualTo(ACCESS_KEY);
            assertThat(jwt.algorithm()).isEqualTo("HS512");
        });
        assertThat(upbit.simulator().jwts()).extracting(JwtRecord::nonce).doesNotHaveDuplicates();
    }

    private SimConnection connectionWith(String type) {
        return upbit.simulator().connections().stream()
                .filter(c -> c.subscription().stream().anyMatch(s -> s.type().equals(type)))
                .findFirst().orElse(null);
    }
}
