package io.camelupbit;

import java.math.BigDecimal;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.camelupbit.error.UpbitRestException;
import io.camelupbit.event.AskBid;
import io.camelupbit.test.UpbitSimulatorExtension;
import io.camelupbit.trading.Order;
import io.camelupbit.trading.OrderRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When an order's answer does not come, against the simulator's faults: a 429 is sent again and places one order; an
 * order the simulator took but never answered is, with an identifier, found rather than placed twice, and without
 * one fails saying it may have been placed, sent once. Counted at the simulator: its account and its calls.
 */
class OrderRetryRouteTest extends UpbitRouteTestSupport {

    private static final String ACCESS_KEY = "retry-access";
    private static final String SECRET_KEY = "retry-secret-0123456789";

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.apiKey(ACCESS_KEY, SECRET_KEY));

    @Override
    protected String upbitUrl() {
        return upbit.url();
    }

    @Override
    protected void configure(UpbitComponent component) {
        component.setAccessKey(ACCESS_KEY);
        component.setSecretKey(SECRET_KEY);
        component.setRestUrl(upbit.restUrl());
        // the simulator never answers a taken order: do not wait Upbit's ten seconds for it
        component.setRestTimeout(1000);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:place").to("upbit:placeOrder");
            }
        };
    }

    @BeforeEach
    void funds() {
        upbit.simulator().account(ACCESS_KEY).deposit("KRW", new BigDecimal("100000000"));
    }

    private static OrderRequest bid() {
        return OrderRequest.limit("KRW-BTC", AskBid.BID, new BigDecimal("90000000"), new BigDecimal("0.01"));
    }

    private long ordersPosted() {
        return upbit.simulator().restCalls().stream()
                .filter(c -> c.method().equals("POST") && c.path().equals("/v1/orders")).count();
    }

    @Test
    void a429IsSentAgainAndPlacesOneOrder() {
        int before = upbit.simulator().account(ACCESS_KEY).orders().size();
        upbit.simulator().failRest(429, 1);

        Order order = template.requestBody("direct:place", bid(), Order.class);

        assertThat(order.uuid()).isNotNull();
        assertThat(upbit.simulator().account(ACCESS_KEY).orders()).hasSize(before + 1);
    }

    @Test
    void anOrderWithAnIdentifierWhoseAnswerWasLostIsPlacedExactlyOnce() {
        int before = upbit.simulator().account(ACCESS_KEY).orders().size();
        long posted = ordersPosted();
        upbit.simulator().takeOrdersWithoutAnswer(1);

        Order order = template.requestBody("direct:place", bid().identifier("retry-once-1"), Order.class);

        assertThat(order.identifier()).isEqualTo("retry-once-1");
        assertThat(upbit.simulator().account(ACCESS_KEY).orders()).hasSize(before + 1);
        assertThat(ordersPosted()).isEqualTo(posted + 2);
    }

    @Test
    void anOrderWithoutIdentifierWhoseAnswerWasLostIsNotSentAgain() {
        int before = upbit.simulator().account(ACCESS_KEY).orders().size();
        long posted = ordersPosted();
        upbit.simulator().takeOrdersWithoutAnswer(1);

        assertThatThrownBy(() -> template.requestBody("direct:place", bid()))
                .cause().isInstanceOf(UpbitRestException.class)
                .hasMessageContaining("Upbit may have placed the order: it is not sent again");

        assertThat(ordersPosted()).isEqualTo(posted + 1);
        assertThat(upbit.simulator().account(ACCESS_KEY).orders()).hasSize(before + 1);
    }

    @Test
    void aBadKeyIsRefusedWithUpbitsName() {
        assertThatThrownBy(() -> template.requestBody(
                "upbit:accounts?accessKey=" + ACCESS_KEY + "&secretKey=RAW(wrong-secret-0123456789)", (Object) null))
                .cause().isInstanceOfSatisfying(UpbitRestException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(401);
                    assertThat(e.getErrorName()).isEqualTo("jwt_verification");
                });
    }
}
