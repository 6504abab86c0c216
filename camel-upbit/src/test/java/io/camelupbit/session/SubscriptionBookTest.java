package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;

import io.camelupbit.event.IndicatorParams;
import io.camelupbit.event.IndicatorTimeframe;
import io.camelupbit.event.IndicatorType;
import io.camelupbit.event.SignalParams;
import io.camelupbit.event.SignalTrigger;
import io.camelupbit.wire.IndicatorChoice;
import io.camelupbit.wire.SubscribeRequest;
import io.camelupbit.wire.TypeOptions;
import io.camelupbit.wire.TypeRequest;
import io.camelupbit.wire.UpbitFormat;
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
        book.add(InlineDelivery.of(spec("ticker", SnapshotMode.SNAPSHOT_ONLY, "KRW-BTC", "KRW-ETH")), false);
        book.add(InlineDelivery.of(spec("ticker", SnapshotMode.REALTIME_ONLY, "KRW-ETH", "KRW-XRP")), false);
        book.add(InlineDelivery.of(spec("trade", SnapshotMode.REALTIME_ONLY, "KRW-BTC")), false);

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

    @Test
    void announcementsMergeCategoriesAndAskForTheBodyWhenAnyRouteDoes() {
        book.add(notices(false, "trade"), false);
        book.add(notices(true, "wallet"), false);

        assertThat(new SubscribeRequest("t", book.request(), UpbitFormat.DEFAULT).toJson()).isEqualTo(
                "[{\"ticket\":\"t\"},{\"type\":\"announcement\",\"categories\":[\"trade\",\"wallet\"],"
                        + "\"include_body\":true},{\"format\":\"DEFAULT\"}]");

        book.add(notices(false), false);
        assertThat(book.request()).singleElement().extracting(TypeRequest::options)
                .isEqualTo(new TypeOptions.Announcement(new TreeSet<>(), true));
    }

    @Test
    void indicatorsAskEachCombinationOnceAndNoneNoRouteWants() {
        IndicatorChoice rsi = choice(IndicatorType.RSI, 14);
        IndicatorChoice volume = choice(IndicatorType.VOLUME, 20);
        book.add(indicators("5m", List.of(rsi, volume), "KRW-BTC"), false);
        book.add(indicators("5m", List.of(rsi), "KRW-BTC", "KRW-ETH"), false);
        book.add(indicators("1d", List.of(rsi), "KRW-BTC"), false);

        // rsi for both codes, volume for KRW-BTC only: 3 combinations at 5m, not 4
        assertThat(book.request()).containsExactly(
                new TypeRequest("indicator", List.of("KRW-BTC"), false, false, null,
                        new TypeOptions.Indicators(IndicatorTimeframe.MINUTE_5, List.of(volume))),
                new TypeRequest("indicator", List.of("KRW-BTC", "KRW-ETH"), false, false, null,
                        new TypeOptions.Indicators(IndicatorTimeframe.MINUTE_5, List.of(rsi))),
                new TypeRequest("indicator", List.of("KRW-BTC"), false, false, null,
                        new TypeOptions.Indicators(IndicatorTimeframe.DAY_1, List.of(rsi))));
        assertThat(new SubscribeRequest("t", book.request().subList(0, 1), UpbitFormat.SIMPLE).toJson()).isEqualTo(
                "[{\"ticket\":\"t\"},{\"type\":\"indicator\",\"codes\":[\"KRW-BTC\"],\"timeframe\":\"5m\","
                        + "\"indicators\":[{\"type\":\"volume\",\"params\":{\"period\":20}}]},{\"format\":\"SIMPLE\"}]");
    }

    @Test
    void aSignalWritesItsTriggerAndConditionParameters() {
        IndicatorChoice overbought = new IndicatorChoice(IndicatorType.RSI,
                new IndicatorParams(14, null, null, null, null, null, null, null), SignalTrigger.OVERBOUGHT,
                new SignalParams(70, null));
        IndicatorChoice bands = new IndicatorChoice(IndicatorType.BOLLINGER_BANDS,
                new IndicatorParams(20, null, null, null, new BigDecimal("2.0"), null, null, null),
                SignalTrigger.PRICE_CROSS_ABOVE, SignalParams.NONE);
        book.add(InlineDelivery.of(new SubscriptionSpec("indicator_signal", new TreeSet<>(List.of("KRW-BTC")),
                SnapshotMode.BOTH, 0, null, new TypeOptions.Indicators(IndicatorTimeframe.MINUTE_15,
                        List.of(overbought, bands)))), false);

        assertThat(new SubscribeRequest("t", book.request(), UpbitFormat.DEFAULT).toJson()).isEqualTo(
                "[{\"ticket\":\"t\"},{\"type\":\"indicator_signal\",\"codes\":[\"KRW-BTC\"],"
                        + "\"timeframe\":\"15m\",\"indicators\":[{\"type\":\"bollinger_bands\","
                        + "\"params\":{\"period\":20,\"multiplier\":2.0},\"trigger\":\"price_cross_above\"},"
                        + "{\"type\":\"rsi\",\"params\":{\"period\":14},\"trigger\":\"overbought\","
                        + "\"event_params\":{\"threshold\":70}}]},{\"format\":\"DEFAULT\"}]");
    }

    private static IndicatorChoice choice(IndicatorType type, int period) {
        return new IndicatorChoice(type, new IndicatorParams(period, null, null, null, null, null, null, null), null,
                null);
    }

    private static Delivery indicators(String timeframe, List<IndicatorChoice> choices, String... codes) {
        return InlineDelivery.of(new SubscriptionSpec("indicator", new TreeSet<>(List.of(codes)), SnapshotMode.BOTH, 0, null,
                new TypeOptions.Indicators(IndicatorTimeframe.of(timeframe), choices)));
    }

    private static Delivery notices(boolean body, String... categories) {
        return InlineDelivery.of(new SubscriptionSpec("announcement", new TreeSet<>(), SnapshotMode.BOTH, 0, null,
                new TypeOptions.Announcement(new TreeSet<>(List.of(categories)), body)));
    }

    private static Delivery sub(String type, String... codes) {
        return InlineDelivery.of(spec(type, SnapshotMode.BOTH, codes));
    }

    private static Delivery orderbook(int depth, BigDecimal level, String... codes) {
        return InlineDelivery.of(new SubscriptionSpec("orderbook", new TreeSet<>(List.of(codes)), SnapshotMode.BOTH,
                depth, level == null ? BigDecimal.ZERO : level));
    }

    private static SubscriptionSpec spec(String type, SnapshotMode mode, String... codes) {
        return new SubscriptionSpec(type, new TreeSet<>(List.of(codes)), mode, 0, null);
    }
}
