package io.camelupbit.rest;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.camelupbit.auth.JwtAlgorithm;
import io.camelupbit.auth.JwtAuthorization;
import io.camelupbit.net.OffLoopResolverGroup;
import io.camelupbit.test.SimAccount;
import io.camelupbit.test.Side;
import io.camelupbit.test.UpbitSimulatorExtension;
import io.camelupbit.trading.Order;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The account's paged reads against the simulator's REST API: nothing left out between pages and windows. */
class AccountReadsTest {

    private static final String ACCESS_KEY = "reads-access";
    private static final String SECRET_KEY = "reads-secret-0123456789";

    /** The simulator's wall clock, moved on by the test: orders placed over many seconds in a few milliseconds. */
    private static final AtomicLong skewMillis = new AtomicLong();

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.apiKey(ACCESS_KEY, SECRET_KEY)
            .markets("KRW-BTC", "KRW-ETH", "KRW-XRP").restLimit("default", 1000).clock(new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Instant instant() {
                    return Instant.now().plusMillis(skewMillis.get());
                }
            }));

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final OffLoopResolverGroup resolver = new OffLoopResolverGroup(2, InetAddress::getAllByName);
    private final ExecutorService answers = Executors.newCachedThreadPool();
    private RestClient client;
    private AccountReads reads;

    @BeforeEach
    void start() {
        client = new RestClient(URI.create(upbit.restUrl()), null, null, resolver, group, 2, Duration.ofSeconds(10),
                Duration.ofSeconds(30));
        UpbitRest rest = new UpbitRest(client, new RestLimits(System::nanoTime, 1.0), group, answers, 3,
                Duration.ofMinutes(10));
        reads = new AccountReads(rest, new JwtAuthorization(ACCESS_KEY, SECRET_KEY, JwtAlgorithm.HS512), ACCESS_KEY,
                20);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        answers.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        resolver.close();
    }

    @Test
    void closedOrdersSinceATimeAreReadWholeAcrossPagesOfOrdersPlacedManyPerSecond() throws Exception {
        SimAccount account = upbit.simulator().account(ACCESS_KEY);
        account.deposit("KRW", new BigDecimal("100000000000"));
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            // each order 7 ms before the one placed before it: 143 a second over 17 s, so pages of 1,000 end inside
            // a second, with orders of it on both sides
            skewMillis.addAndGet(-7);
            String uuid = account.placeLimitOrder(i % 2 == 0 ? "KRW-BTC" : "KRW-ETH", Side.BID,
                    new BigDecimal("1000"), new BigDecimal("0.5"), null);
            account.cancel(uuid);
            placed.add(uuid);
        }

        Instant from = Instant.now().plusMillis(skewMillis.get()).minusSeconds(1);
        List<Order> closed = reads.closedOrders(new TreeSet<>(), null, from).get(30, TimeUnit.SECONDS).value();
        List<Order> btc = reads.closedOrders(new TreeSet<>(List.of("KRW-BTC")), null, from)
                .get(30, TimeUnit.SECONDS).value();

        assertThat(closed).extracting(Order::uuid).containsExactlyInAnyOrderElementsOf(placed);
        assertThat(btc).hasSize(1_250).extracting(Order::code).containsOnly("KRW-BTC");
    }

    @Test
    void closedOrdersSinceLongerAgoThanUpbitsWindowAreReadWindowByWindow() throws Exception {
        SimAccount account = upbit.simulator().account(ACCESS_KEY);
        account.deposit("KRW", new BigDecimal("100000000"));
        List<String> placed = new ArrayList<>();
        for (Duration ago : List.of(Duration.ofDays(15), Duration.ofDays(8), Duration.ofDays(4), Duration.ofHours(1))) {
            skewMillis.set(-ago.toMillis());
            String uuid = account.placeLimitOrder("KRW-XRP", Side.BID, new BigDecimal("1000"), new BigDecimal("1"),
                    null);
            account.cancel(uuid);
            placed.add(uuid);
        }
        skewMillis.set(0);
        int calls = upbit.simulator().restCalls().size();

        List<Order> closed = reads.closedOrders(new TreeSet<>(List.of("KRW-XRP")), null,
                Instant.now().minus(Duration.ofDays(16))).get(30, TimeUnit.SECONDS).value();

        assertThat(closed).extracting(Order::uuid).containsAll(placed);
        assertThat(upbit.simulator().restCalls().subList(calls, upbit.simulator().restCalls().size()))
                .hasSize(3).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
    }
}
