package io.camelupbit.session;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.camelupbit.event.IndicatorTimeframe;
import io.camelupbit.event.UpbitEvent;
import io.camelupbit.wire.FrameDecoder;
import io.camelupbit.wire.FrameListener;
import io.camelupbit.wire.SubscriptionList;
import io.camelupbit.wire.TypeOptions;
import io.camelupbit.wire.TypeRequest;
import io.camelupbit.wire.UpbitError;

import static org.assertj.core.api.Assertions.assertThat;

/** What Upbit lists against what was sent: indicator streams are told apart by their timeframe. */
class SubscriptionCheckTest {

    @Test
    void anIndicatorAtAnotherTimeframeIsADifference() throws Exception {
        List<TypeRequest> sent = List.of(new TypeRequest("indicator", List.of("KRW-BTC"), false, false, null,
                new TypeOptions.Indicators(IndicatorTimeframe.MINUTE_5, List.of())));
        // Upbit's LIST_SUBSCRIPTIONS answer, as its indicator_signal page prints one
        List<TypeRequest> held = listed("{\"method\":\"LIST_SUBSCRIPTIONS\",\"result\":[{\"type\":\"indicator\","
                + "\"codes\":[\"KRW-BTC\"],\"timeframe\":\"15m\",\"indicators\":[{\"type\":\"rsi\",\"params\":"
                + "{\"period\":14}}]}],\"ticket\":\"t\"}");

        assertThat(SubscriptionCheck.differences(sent, held))
                .containsExactly("missing indicator KRW-BTC/5m", "unexpected indicator KRW-BTC/15m");
        assertThat(SubscriptionCheck.differences(sent, listed("{\"method\":\"LIST_SUBSCRIPTIONS\",\"result\":"
                + "[{\"type\":\"indicator\",\"codes\":[\"KRW-BTC\"],\"timeframe\":\"5m\"}],\"ticket\":\"t\"}")))
                .isEmpty();
    }

    @Test
    void aRouteLostOnlyWhatItsOwnStreamsLost() {
        List<TypeRequest> sent = List.of(new TypeRequest("ticker", List.of("KRW-BTC", "KRW-ETH"), false, false, null),
                new TypeRequest("orderbook", List.of("KRW-BTC.5"), false, false, null));
        List<TypeRequest> held = List.of(new TypeRequest("ticker", List.of("KRW-BTC"), false, false, null),
                new TypeRequest("orderbook", List.of("KRW-BTC"), false, false, null));

        assertThat(SubscriptionCheck.lostAny(List.of(new TypeRequest("ticker", List.of("KRW-ETH"), false, false,
                null)), SubscriptionCheck.lost(sent, held))).isTrue();
        assertThat(SubscriptionCheck.lostAny(List.of(new TypeRequest("ticker", List.of("KRW-BTC"), false, false,
                null)), SubscriptionCheck.lost(sent, held))).isFalse();
        // the depth is a detail of the request; the stream is the same
        assertThat(SubscriptionCheck.lostAny(List.of(new TypeRequest("orderbook", List.of("KRW-BTC.5"), false,
                false, null)), SubscriptionCheck.lost(sent, held))).isFalse();
    }

    private static List<TypeRequest> listed(String json) throws Exception {
        SubscriptionList[] list = new SubscriptionList[1];
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        new FrameDecoder().decode(bytes, 0, bytes.length, new FrameListener() {
            @Override
            public void onEvent(UpbitEvent event, byte[] frame, int offset, int length) {
            }

            @Override
            public void onStatus(String status) {
            }

            @Override
            public void onError(UpbitError error) {
            }

            @Override
            public void onSubscriptionList(SubscriptionList subscriptions) {
                list[0] = subscriptions;
            }

            @Override
            public void onIgnored(String what) {
            }
        });
        return list[0].subscriptions();
    }
}
