package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;

import io.camelupbit.wire.TypeRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the book merges what subscribers want into the one request Upbit keeps per connection. */
class SubscriptionBookTest {

    private final SubscriptionBook book = new SubscriptionBook();

    @Test
    void unionOfCodesPerTypeInADeterministicOrder() {
        book.add(sub("ticker", "KRW-ETH"), false);
        book.add(sub("trade", "KRW-BTC"), false);
        book.add(sub("ticker", "KRW-BTC", "KRW-ETH"), false);

        assertThat(book.request()).containsExactly(
                TypeRequest.of("ticker", List.of("KRW-BTC", "KRW-ETH")),
                TypeRequest.of("trade", List.of("KRW-BTC")));
    }

    @Test
    void removingASubscriberShrinksTheUnionButKeepsSharedCodes() {
        Delivery a = sub("ticker", "KRW-BTC", "KRW-ETH");
        Delivery b = sub("ticker", "KRW-ETH");
        book.add(a, false);
        book.add(b, false);

        book.remove(a);

        assertThat(book.request()).containsExactly(TypeRequest.of("ticker", List.of("KRW-ETH")));
        assertThat(book.named("ticker", "KRW-BTC")).isEmpty();
        assertThat(book.named("ticker", "KRW-ETH")).extracting(r -> r.delivery).containsExactly(b);
        book.remove(b);
        assertThat(book.isEmpty()).isTrue();
        assertThat(book.request()).isEmpty();
    }

    @Test
    void orderbookDepthMergesToTheLargestPerCode() {
        book.add(orderbook(5, null, "KRW-BTC", "KRW-ETH"), false);
        book.add(orderbook(15, null, "KRW-BTC"), false);
        book.add(orderbook(30, null, "KRW-XRP"), false);

        assertThat(book.request()).containsExactly(
                TypeRequest.of("orderbook", List.of("KRW-BTC.15", "KRW-ETH.5", "KRW-XRP")));
    }

    @Test
    void differentLevelsOfOneCodeBecomeSeparateObjects() {
        book.add(orderbook(30, new BigDecimal("10000"), "KRW-BTC"), false);
        book.add(orderbook(30, null, "KRW-BTC"), false);
        book.add(orderbook(30, new BigDecimal("10000.0"), "KRW-ETH"), false);

        assertThat(book.request()).containsExactly(
                TypeRequest.of("orderbook", List.of("KRW-BTC")),
                new TypeRequest("orderbook", List.of("KRW-BTC", "KRW-ETH"), false, false, new BigDecimal("1E+4")));
    }

    @Test
    void snapshotModesMergeSoEveryoneGetsWhatTheyAskedFor() {
        book.add(delivery(spec("ticker", SnapshotMode.SNAPSHOT_ONLY, "KRW-BTC", "KRW-ETH")), false);
        book.add(delivery(spec("ticker", SnapshotMode.REALTIME_ONLY, "KRW-ETH", "KRW-XRP")), false);
        book.add(delivery(spec("trade", SnapshotMode.REALTIME_ONLY, "KRW-BTC")), false);

        assertThat(book.request()).containsExactly(
                TypeRequest.of("ticker", List.of("KRW-ETH")),
                new TypeRequest("ticker", List.of("KRW-BTC"), true, false, null),
                new TypeRequest("ticker", List.of("KRW-XRP"), false, true, null),
                new TypeRequest("trade", List.of("KRW-BTC"), false, true, null));
    }

    @Test
    void myOrderWithoutCodesCoversEveryMarketAndMyAssetHasNoCodes() {
        book.add(sub("myOrder", "KRW-BTC"), false);
        book.add(sub("myOrder"), false);
        book.add(sub("myAsset"), false);

        assertThat(book.request()).containsExactly(
                TypeRequest.of("myAsset", List.of()),
                TypeRequest.of("myOrder", List.of()));
        assertThat(book.everyCode("myOrder")).hasSize(1);
        assertThat(book.named("myOrder", "KRW-BTC")).hasSize(1);
    }

    @Test
    void theSameRoutesAlwaysGiveTheSameRequest() {
        SubscriptionBook other = new SubscriptionBook();
        book.add(sub("trade", "KRW-BTC"), false);
        book.add(sub("ticker", "KRW-XRP", "KRW-BTC"), false);
        other.add(sub("ticker", "KRW-BTC"), false);
        other.add(sub("trade", "KRW-BTC"), false);
        other.add(sub("ticker", "KRW-XRP"), false);

        assertThat(other.request()).isEqualTo(book.request());
    }

    @Test
    void aRouteIsRegisteredOnceEvenWithASpecEqualToAnother() {
        Delivery a = sub("ticker", "KRW-BTC");
        Delivery b = sub("ticker", "KRW-BTC");

        assertThat(book.add(a, false)).isNotNull();
        assertThat(book.add(a, false)).isNull();
        assertThat(book.add(b, false)).isNotNull();
        assertThat(book.named("ticker", "KRW-BTC")).hasSize(2);
    }

    private static Delivery sub(String type, String... codes) {
        return delivery(spec(type, SnapshotMode.BOTH, codes));
    }

    private static Delivery orderbook(int depth, BigDecimal level, String... codes) {
        return delivery(new SubscriptionSpec("orderbook", new TreeSet<>(List.of(codes)), SnapshotMode.BOTH,
                depth, level == null ? BigDecimal.ZERO : level));
    }

    private static SubscriptionSpec spec(String type, SnapshotMode mode, String... codes) {
        return new SubscriptionSpec(type, new TreeSet<>(List.of(codes)), mode, 0, null);
    }

    /** Identity matters: two routes with equal specs are still two routes. */
    private static Delivery delivery(SubscriptionSpec spec) {
        return new Delivery(spec, new DeliveryPolicy(false, false, 10), false, false, Runnable::run,
                new Delivery.Sink() {
                    @Override
                    public void process(ReceivedEvent event, long droppedBefore, Delivery.Completion completion) {
                        completion.completed(false);
                    }

                    @Override
                    public void onError(Throwable cause) {
                    }

                    @Override
                    public void onFailure(ReceivedEvent event, Throwable cause) {
                    }
                });
    }
}
