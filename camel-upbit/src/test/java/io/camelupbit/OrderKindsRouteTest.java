package io.camelupbit;

import java.math.BigDecimal;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.SmpType;
import io.camelupbit.event.TimeInForce;
import io.camelupbit.test.OrderRequest;
import io.camelupbit.test.Side;
import io.camelupbit.test.SimAccount;
import io.camelupbit.test.UpbitSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders of every kind reach a myOrder route as Upbit writes them: smp_type none, a stop-limit order watching and then
 * waiting, a self-match prevention, a market buy by amount and a best bid (volume null, the best bid with its time in
 * force) and a market sell (price null).
 */
class OrderKindsRouteTest extends UpbitRouteTestSupport {

    private static final String ACCESS_KEY = "kinds-access";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(
            b -> b.apiKey(ACCESS_KEY, "kinds-secret-0123456789"));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey(ACCESS_KEY);
        component.setSecretKey("kinds-secret-0123456789");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the stream as Upbit writes it, without the reconciled states (ReconciliationRouteTest has those)
                from("upbit:myOrder?reconcile=false").to("mock:orders");
            }
        };
    }

    @Test
    void everyOrderKindArrivesAsUpbitWritesIt() {
        await().until(() -> upbit.simulator().connections().stream()
                .anyMatch(c -> c.subscription().stream().anyMatch(s -> s.type().equals("myOrder"))));
        SimAccount account = upbit.simulator().account(ACCESS_KEY);
        account.deposit("KRW", new BigDecimal("100000000"));
        account.deposit("BTC", new BigDecimal("2"));

        String none = account.place(OrderRequest.limit("KRW-BTC", Side.BID, new BigDecimal("90000000"),
                new BigDecimal("0.01")).smpType(OrderRequest.SMP_NONE));
        String stop = account.place(OrderRequest.limit("KRW-BTC", Side.ASK, new BigDecimal("150000000"),
                new BigDecimal("0.5")).stopPrice(new BigDecimal("149000000")));
        account.trigger(stop);
        String prevented = account.place(OrderRequest.limit("KRW-BTC", Side.BID, new BigDecimal("80000000"),
                new BigDecimal("0.2")).smpType(OrderRequest.SMP_CANCEL_TAKER));
        account.preventSelfMatch(prevented, new BigDecimal("0.05"));
        String buy = account.place(OrderRequest.price("KRW-BTC", new BigDecimal("500000")));
        String best = account.place(OrderRequest.best("KRW-BTC", Side.BID, new BigDecimal("300000"), OrderRequest.IOC));
        String sell = account.place(OrderRequest.market("KRW-BTC", new BigDecimal("0.1")));

        MockEndpoint orders = getMockEndpoint("mock:orders");
        await().until(() -> orders.getReceivedCounter() >= 8);
        List<MyOrderEvent> events = orders.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(MyOrderEvent.class)).toList();

        assertThat(first(events, none, OrderState.WAIT).smpType()).isEqualTo(SmpType.NONE);
        assertThat(first(events, stop, OrderState.WATCH).smpType()).isEqualTo(SmpType.CANCEL_MAKER);
        assertThat(first(events, stop, OrderState.WAIT).orderType()).isEqualTo(OrderType.LIMIT);
        MyOrderEvent stopped = first(events, prevented, OrderState.PREVENTED);
        assertThat(stopped.smpType()).isEqualTo(SmpType.CANCEL_TAKER);
        assertThat(stopped.preventedVolume()).isEqualByComparingTo("0.05");
        assertThat(stopped.preventedLocked()).isPositive();
        MyOrderEvent byAmount = first(events, buy, OrderState.WAIT);
        assertThat(byAmount.orderType()).isEqualTo(OrderType.PRICE);
        assertThat(byAmount.volume()).isNull();
        assertThat(byAmount.price()).isEqualByComparingTo("500000");
        assertThat(byAmount.timeInForce()).isNull();
        MyOrderEvent bestBid = first(events, best, OrderState.WAIT);
        assertThat(bestBid.orderType()).isEqualTo(OrderType.BEST);
        assertThat(bestBid.volume()).isNull();
        assertThat(bestBid.timeInForce()).isEqualTo(TimeInForce.IOC);
        MyOrderEvent marketSell = first(events, sell, OrderState.WAIT);
        assertThat(marketSell.orderType()).isEqualTo(OrderType.MARKET);
        assertThat(marketSell.price()).isNull();
        assertThat(marketSell.volume()).isEqualByComparingTo("0.1");
        assertThat(marketSell.timeInForce()).isNull();
        assertThat(events).noneMatch(e -> e.smpType() == SmpType.UNKNOWN || e.state() == OrderState.UNKNOWN
                || e.orderType() == OrderType.UNKNOWN);
    }

    private static MyOrderEvent first(List<MyOrderEvent> events, String uuid, OrderState state) {
        return events.stream().filter(e -> e.uuid().equals(uuid) && e.state() == state).findFirst()
                .orElseThrow(() -> new AssertionError("no " + state + " event of " + uuid + " in " + events));
    }
}
