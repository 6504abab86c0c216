package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import static io.camelupbit.test.SimTestSupport.awaitLatestConnection;
import static io.camelupbit.test.TickerAssertions.assertCompleteTicker;
import static org.assertj.core.api.Assertions.assertThat;

class CompressionTest {

    private static final String SUBSCRIBE = "[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]}]";

    @Test
    void permessageDeflateIsNegotiatedWhenOffered() throws Exception {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start();
             NettyWsClient client = new NettyWsClient(sim.url())) {
            SimConnection connection = awaitLatestConnection(sim);
            assertThat(connection.compressionNegotiated()).isTrue();
            assertThat(connection.handshake().header("sec-websocket-extensions")).contains("permessage-deflate");
            client.send(SUBSCRIBE);
            assertCompleteTicker(Json.object(client.next()), "KRW-BTC", "SNAPSHOT", false);
        }
    }

    @Test
    void offerIsDeclinedWhenCompressionIsOff() throws Exception {
        try (UpbitSimulator sim = UpbitSimulator.builder().compression(false).build().start();
             NettyWsClient client = new NettyWsClient(sim.url())) {
            assertThat(awaitLatestConnection(sim).compressionNegotiated()).isFalse();
            client.send(SUBSCRIBE);
            assertCompleteTicker(Json.object(client.next()), "KRW-BTC", "SNAPSHOT", false);
        }
    }

    @Test
    void jdkClientGetsNoCompression() {
        try (UpbitSimulator sim = UpbitSimulator.builder().build().start();
             WsClient client = WsClient.connect(sim.url())) {
            assertThat(awaitLatestConnection(sim).compressionNegotiated()).isFalse();
        }
    }
}
