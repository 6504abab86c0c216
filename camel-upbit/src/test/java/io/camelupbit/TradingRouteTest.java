package io.camelupbit;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.error.UpbitRestException;
import io.camelupbit.event.AskBid;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.OrderType;
import io.camelupbit.test.Side;
import io.camelupbit.test.SimAccount;
import io.camelupbit.test.UpbitSimulatorExtension;
import io.camelupbit.trading.Balance;
import io.camelupbit.trading.MarketInfo;
import io.camelupbit.trading.Order;
import io.camelupbit.trading.OrderChance;
import io.camelupbit.trading.OrderRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every REST operation against the simulator's REST API (its own JWT and query-hash checks, its limits), through
 * Camel routes: the inputs of placeOrder in all three forms, the answer's records and headers, an order placed over
 * REST arriving on the private stream, and the validation that keeps a bad order from being sent at all.
 */
class TradingRouteTest extends UpbitRouteTestSupport {

    /** Routes reading balances at once, against Upbit's 30/s of the default group. */
    private static final int ROUTES = 20;

    static final String ACCESS_KEY = "trading-access";
    static final String SECRET_KEY = "trading-secret-0123456789";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.apiKey(ACCESS_KEY, SECRET_KEY)
            .markets("KRW-BTC", "KRW-ETH"));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey(ACCESS_KEY);
        component.setSecretKey(SECRET_KEY);
        component.setRestUrl(upbit.restUrl());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:accounts").to("upbit:accounts");
                from("direct:chance").to("upbit:orderChance");
                from("direct:place").to("upbit:placeOrder");
                from("direct:placeFromOptions")
                        .to("upbit:placeOrder?code=KRW-ETH&side=bid&orderType=limit&price=3000000&volume=0.5");
                from("direct:test").to("upbit:testOrder");
                from("direct:get").to("upbit:getOrder");
                from("direct:cancel").to("upbit:cancelOrder");
                from("direct:open").to("upbit:openOrders?codes=KRW-BTC&maxPages=5");
                from("direct:closed").to("upbit:closedOrders");
                from("direct:markets").to("upbit:markets");
                from("direct:afterAnswer").to("upbit:accounts")
                        .process(e -> e.getMessage().setHeader("thread", Thread.currentThread().getName()));
                from("upbit:myOrder").routeId("orders").to("mock:orders");
                for (int i = 0; i < ROUTES; i++) {
                    from("direct:balances" + i).to("upbit:accounts");
                }
            }
        };
    }

    @BeforeEach
    void funds() {
        SimAccount account = upbit.simulator().account(ACCESS_KEY);
        account.deposit("KRW", new BigDecimal("100000000"));
        account.deposit("BTC", new BigDecimal("2"));
    }

    @Test
    void accountsAndTheOrderChanceOfAMarket() {
        @SuppressWarnings("unchecked")
        List<Balance> balances = template.requestBody("direct:accounts", null, List.class);
        Exchange chance = template.request("direct:chance",
                e -> e.getMessage().setHeader(UpbitConstants.ORDER_CODE, "KRW-BTC"));

        assertThat(balances).extracting(Balance::currency).contains("KRW", "BTC");
        assertThat(balances.stream().filter(b -> b.currency().equals("BTC")).findFirst().orElseThrow().balance())
                .isEqualByComparingTo(upbit.simulator().account(ACCESS_KEY).balances().get("BTC").balance());
        assertThat(chance.getMessage().getBody(OrderChance.class).market().code()).isEqualTo("KRW-BTC");
        assertThat(chance.getMessage().getHeader(UpbitConstants.REMAINING_REQ, String.class))
                .startsWith("group=default;");
    }

    @Test
    void anOrderFromTheBodyIsPlacedReadCancelledAndStreamedOnThePrivateChannel() {
        await().until(() -> upbit.simulator().connections().stream()
                .anyMatch(c -> c.subscription().stream().anyMatch(s -> s.type().equals("myOrder"))));
        Exchange placed = template.request("direct:place", e -> e.getMessage().setBody(
                OrderRequest.limit("KRW-BTC", AskBid.BID, new BigDecimal("90000000"), new BigDecimal("0.01"))));

        Order order = placed.getMessage().getBody(Order.class);
        assertThat(order.state()).isEqualTo(OrderState.WAIT);
        assertThat(order.orderType()).isEqualTo(OrderType.LIMIT);
        assertThat(order.price()).isEqualByComparingTo("90000000");
        assertThat(placed.getMessage().getHeader(UpbitConstants.ORDER_UUID)).isEqualTo(order.uuid());
        assertThat(placed.getMessage().getHeader(UpbitConstants.REMAINING_REQ, String.class))
                .startsWith("group=order;");
        MockEndpoint orders = getMockEndpoint("mock:orders");
        await().until(() -> orders.getReceivedExchanges().stream()
                .anyMatch(e -> e.getMessage().getBody(MyOrderEvent.class).uuid().equals(order.uuid())));

        Order read = template.request("direct:get",
                e -> e.getMessage().setHeader(UpbitConstants.ORDER_UUID, order.uuid())).getMessage().getBody(Order.class);
        assertThat(read.uuid()).isEqualTo(order.uuid());
        Order cancelled = template.request("direct:cancel",
                e -> e.getMessage().setHeader(UpbitConstants.ORDER_UUID, order.uuid())).getMessage()
                .getBody(Order.class);
        assertThat(cancelled.uuid()).isEqualTo(order.uuid());
        assertThat(upbit.simulator().account(ACCESS_KEY).orders()).anySatisfy(o -> {
            assertThat(o.uuid()).isEqualTo(order.uuid());
            assertThat(o.state()).isEqualTo("cancel");
        });
    }

    @Test
    void headersWinOverOptionsAndAnOrderWithoutBodyOrHeadersTakesTheOptions() {
        Order fromHeaders = template.request("direct:placeFromOptions", e -> {
            e.getMessage().setHeader(UpbitConstants.ORDER_CODE, "KRW-BTC");
            e.getMessage().setHeader(UpbitConstants.ORDER_PRICE, "80000000");
            e.getMessage().setHeader(UpbitConstants.ORDER_VOLUME, new BigDecimal("0.02"));
        }).getMessage().getBody(Order.class);
        Order fromOptions = template.requestBody("direct:placeFromOptions", null, Order.class);

        assertThat(fromHeaders.code()).isEqualTo("KRW-BTC");
        assertThat(fromHeaders.price()).isEqualByComparingTo("80000000");
        assertThat(fromHeaders.volume()).isEqualByComparingTo("0.02");
        assertThat(fromOptions.code()).isEqualTo("KRW-ETH");
        assertThat(fromOptions.price()).isEqualByComparingTo("3000000");
    }

    @Test
    void aTestOrderPlacesNothing() {
        int before = upbit.simulator().account(ACCESS_KEY).orders().size();

        Order test = template.requestBody("direct:test",
                OrderRequest.price("KRW-BTC", new BigDecimal("10000")), Order.class);

        assertThat(test.orderType()).isEqualTo(OrderType.PRICE);
        assertThat(upbit.simulator().account(ACCESS_KEY).orders()).hasSize(before);
    }

    @Test
    void aBadOrderFailsBeforeAnyRequestNamingTheField() {
        int calls = upbit.simulator().restCalls().size();

        assertThatThrownBy(() -> template.requestBody("direct:place",
                new OrderRequest("KRW-BTC", AskBid.BID, OrderType.LIMIT, null, new BigDecimal("1"), null, null, null)))
                .isInstanceOf(CamelExecutionException.class).cause()
                .hasMessageContaining("a limit order needs a price");
        assertThatThrownBy(() -> template.requestBody("direct:place",
                OrderRequest.market("KRW-BTC", new BigDecimal("0.1")).identifier("x".repeat(65))))
                .cause().hasMessageContaining("identifier must be 1 to 64 characters");
        assertThat(upbit.simulator().restCalls()).hasSize(calls);
    }

    @Test
    void upbitsRefusalIsAnUpbitRestExceptionWithItsName() {
        assertThatThrownBy(() -> template.requestBody("direct:place",
                OrderRequest.limit("KRW-BTC", AskBid.BID, new BigDecimal("9000000"), new BigDecimal("100"))))
                .cause().isInstanceOfSatisfying(UpbitRestException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(400);
                    assertThat(e.getErrorName()).isEqualTo("insufficient_funds_bid");
                });
    }

    @Test
    void everyPageOfOpenOrdersInOrderAndTheClosedOnes() {
        SimAccount account = upbit.simulator().account(ACCESS_KEY);
        List<String> placed = IntStream.range(0, 250).mapToObj(i -> account.placeLimitOrder("KRW-BTC",
                Side.BID, new BigDecimal(1000 + i), new BigDecimal("0.001"), null)).toList();
        String done = account.placeLimitOrder("KRW-BTC", Side.BID, new BigDecimal("5000"), new BigDecimal("1"),
                null);
        account.fill(done, new BigDecimal("1"));

        @SuppressWarnings("unchecked")
        List<Order> open = template.requestBody("direct:open", null, List.class);
        @SuppressWarnings("unchecked")
        List<Order> closed = template.requestBody("direct:closed", null, List.class);

        assertThat(open).extracting(Order::uuid).containsAll(placed).doesNotHaveDuplicates();
        assertThat(closed).extracting(Order::uuid).contains(done);
    }

    @Test
    void theRouteGoesOnAfterAnAnswerOffTheIoThreads() {
        String thread = template.request("direct:afterAnswer", e -> { }).getMessage().getHeader("thread",
                String.class);

        assertThat(thread).isNotNull().doesNotStartWith("upbit-io");
    }

    @Test
    void marketsNeedNoKey() {
        @SuppressWarnings("unchecked")
        List<MarketInfo> markets = template.requestBody("direct:markets", null, List.class);

        assertThat(markets).extracting(MarketInfo::code).contains("KRW-BTC");
    }

    @Test
    void twentyRoutesSendingTwoHundredReadsMeetNoLimitAtUpbit() {
        long violations = upbit.simulator().restLimitViolations();

        int calls = upbit.simulator().restCalls().size();

        List<CompletableFuture<Object>> answers = IntStream.range(0, 200)
                .mapToObj(i -> template.asyncRequestBody("direct:balances" + (i % ROUTES), null)).toList();
        answers.forEach(CompletableFuture::join);

        assertThat(upbit.simulator().restCalls()).hasSize(calls + 200);
        assertThat(upbit.simulator().restLimitViolations()).isEqualTo(violations);
    }
}
