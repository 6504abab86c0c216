package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The REST limits per rolling second (research-rest.md §3). The simulators run on a wall clock the test holds still,
 * so "within one second" is exact whatever the speed of the machine.
 */
class RestLimitsTest {

    private static final String SK = "limits-secret";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));

    private UpbitSimulator.Builder frozen() {
        return UpbitSimulator.builder().clock(clock).apiKey("key-1", SK).apiKey("key-2", SK);
    }

    @Test
    void the31stRequestOfASecondGets429AndIsNotProcessed() {
        try (UpbitSimulator sim = frozen().build().start()) {
            RestTestClient rest = new RestTestClient(sim.restUrl(), "key-1", SK);
            List<String> headers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                RestTestClient.Response response = rest.get("/v1/accounts");
                assertThat(response.status()).isEqualTo(200);
                headers.add(response.remainingReq());
            }
            String token = rest.bearer("");

            RestTestClient.Response refused = rest.send("GET", "/v1/accounts", "", null, token);

            assertThat(headers.get(0)).isEqualTo("group=default; min=1800; sec=29");
            assertThat(headers.get(29)).isEqualTo("group=default; min=1800; sec=0");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.errorName()).isEqualTo("too_many_requests");
            assertThat(refused.remainingReq()).isEqualTo("group=default; min=1800; sec=0");
            assertThat(sim.restLimitViolations()).isEqualTo(1);
            assertThat(sim.restCalls()).hasSize(31).last()
                    .satisfies(call -> assertThat(call.status()).isEqualTo(429));

            // The same group of another key, and another group of this key, still have room.
            assertThat(new RestTestClient(sim.restUrl(), "key-2", SK).get("/v1/accounts").status()).isEqualTo(200);
            assertThat(rest.post("/v1/orders/test", "{\"market\":\"KRW-BTC\"}").remainingReq())
                    .isEqualTo("group=order-test; min=480; sec=7");

            // A second later the window has rolled; the refused request spent no nonce, so its token still works.
            clock.advance(Duration.ofSeconds(1));
            RestTestClient.Response later = rest.send("GET", "/v1/accounts", "", null, token);
            assertThat(later.status()).isEqualTo(200);
            assertThat(later.remainingReq()).isEqualTo("group=default; min=1800; sec=29");
        }
    }

    @Test
    void ordersHaveTwelveATestOrdersEightAndTheMarketListTenPerIp() {
        try (UpbitSimulator sim = frozen().build().start()) {
            sim.account("key-1").deposit("KRW", new BigDecimal("10000000"));
            RestTestClient rest = new RestTestClient(sim.restUrl(), "key-1", SK);
            String order = "{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"volume\":\"0.0001\",\"price\":\"100000000\","
                    + "\"ord_type\":\"limit\"}";

            assertThat(statuses(13, () -> rest.post("/v1/orders", order))).containsOnly(201).hasSize(12);
            assertThat(statuses(9, () -> rest.post("/v1/orders/test", order))).containsOnly(201).hasSize(8);
            assertThat(statuses(11, () -> rest.anonymous("GET", "/v1/market/all", ""))).containsOnly(200).hasSize(10);
            // The market list counts per IP, whatever token comes along.
            assertThat(rest.get("/v1/market/all").status()).isEqualTo(429);

            assertThat(sim.account("key-1").orders()).hasSize(12);
            assertThat(sim.restLimitViolations()).isEqualTo(4);
        }
    }

    /** The statuses of the first {@code n - 1} calls, after checking that the n-th got 429. */
    private static List<Integer> statuses(int n, Supplier<RestTestClient.Response> call) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            statuses.add(call.get().status());
        }
        RestTestClient.Response last = call.get();
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.remainingReq()).endsWith("sec=0");
        return statuses;
    }

    @Test
    void aLimitCanBeChangedAndResetClearsTheWindowsAndCounters() {
        try (UpbitSimulator sim = frozen().restLimit("default", 2).build().start()) {
            RestTestClient rest = new RestTestClient(sim.restUrl(), "key-1", SK);

            assertThat(List.of(rest.get("/v1/accounts").remainingReq(), rest.get("/v1/accounts").remainingReq()))
                    .containsExactly("group=default; min=120; sec=1", "group=default; min=120; sec=0");
            assertThat(rest.get("/v1/accounts").status()).isEqualTo(429);

            sim.reset();

            assertThat(sim.restLimitViolations()).isZero();
            assertThat(sim.restCalls()).isEmpty();
            assertThat(rest.get("/v1/accounts").status()).isEqualTo(200);
        }
        assertThatThrownBy(() -> UpbitSimulator.builder().restLimit("orders", 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpbitSimulator.builder().restLimit("order", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
