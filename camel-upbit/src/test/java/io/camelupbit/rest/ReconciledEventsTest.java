package io.camelupbit.rest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.Asset;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TimeInForce;

import static org.assertj.core.api.Assertions.assertThat;

/** Upbit's official REST examples as the private stream's events, field by field (docs/trading.md's table). */
class ReconciledEventsTest {

    private static final long AT = 1_796_000_000_000L;

    @Test
    void everyBalanceInOneSnapshotEvent() throws IOException {
        MyAssetEvent event = ReconciledEvents.assets(RestJson.balances(read("accounts.json")), AT);

        assertThat(event.assets()).containsExactly(
                new Asset("KRW", new BigDecimal("1000000.0"), new BigDecimal("0.0")),
                new Asset("BTC", new BigDecimal("2.0"), new BigDecimal("0.0")));
        assertThat(event.streamType()).isEqualTo(StreamType.SNAPSHOT);
        assertThat(event.assetUuid()).isEqualTo("reconciled-" + AT);
        assertThat(event.assetTimestamp()).isEqualTo(AT);
        assertThat(event.timestamp()).isEqualTo(AT);
    }

    @Test
    void anOrderAsItsStateNotAsAFill() throws IOException {
        MyOrderEvent event = ReconciledEvents.order(RestJson.order(read("order-get-best.json")), AT);

        assertThat(event).isEqualTo(new MyOrderEvent("KRW-BTC", "5b95451b-971e-4e76-8f61-5ff441f078d5", AskBid.BID,
                OrderType.BEST, OrderState.CANCEL, null, new BigDecimal("6000"), null, null, null,
                new BigDecimal("0.00003736"), 1, new BigDecimal("3"), new BigDecimal("0.00010408"),
                new BigDecimal("2.99989592"), new BigDecimal("0.20826408"), null, TimeInForce.FOK, null, null, null,
                null, null, new BigDecimal("0"), null,
                OffsetDateTime.parse("2025-08-09T16:50:53+09:00").toInstant().toEpochMilli(), AT,
                StreamType.SNAPSHOT));
    }

    private static String read(String name) throws IOException {
        try (InputStream in = ReconciledEventsTest.class.getResourceAsStream("/upbit-docs/rest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
