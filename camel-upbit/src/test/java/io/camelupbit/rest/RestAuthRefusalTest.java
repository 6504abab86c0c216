package io.camelupbit.rest;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.camelupbit.auth.JwtAlgorithm;
import io.camelupbit.auth.JwtAuthorization;
import io.camelupbit.error.UpbitRestException;
import io.camelupbit.net.OffLoopResolverGroup;
import io.camelupbit.test.UpbitSimulatorExtension;
import io.camelupbit.wire.UpbitError;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two refusals a correct client never provokes, provoked on purpose against the simulator's independent checks:
 * a token whose hash covers other parameters than those sent, and a token sent twice. Upbit's answer reads as its
 * error name, which {@link UpbitRest} turns into an {@link UpbitRestException}.
 */
class RestAuthRefusalTest {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b.apiKey("auth-a", "auth-s-0123456789"));

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final OffLoopResolverGroup resolver = new OffLoopResolverGroup(1, InetAddress::getAllByName);
    private final JwtAuthorization keys = new JwtAuthorization("auth-a", "auth-s-0123456789", JwtAlgorithm.HS512);

    @AfterEach
    void stop() throws Exception {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        resolver.close();
    }

    @Test
    void aHashOfOtherParametersAndAReusedNonceAreRefusedByName() throws Exception {
        try (RestClient client = new RestClient(URI.create(upbit.restUrl()), null, null, resolver, group, 1,
                Duration.ofSeconds(10), Duration.ofSeconds(30))) {
            RestParams sent = new RestParams().add("market", "KRW-BTC");
            String wrongHash = keys.forRequest(new RestParams().add("market", "KRW-ETH").hashText());
            RestResponse badHash = client.send(new RestRequest("GET", sent.pathWithQuery("/v1/orders/chance"), null,
                    wrongHash)).get(10, TimeUnit.SECONDS);

            String token = keys.forRequest(sent.hashText());
            RestResponse first = client.send(new RestRequest("GET", sent.pathWithQuery("/v1/orders/chance"), null,
                    token)).get(10, TimeUnit.SECONDS);
            RestResponse again = client.send(new RestRequest("GET", sent.pathWithQuery("/v1/orders/chance"), null,
                    token)).get(10, TimeUnit.SECONDS);

            assertThat(badHash.status()).isEqualTo(401);
            assertThat(RestJson.error(badHash.body())).extracting(UpbitError::name).isEqualTo("invalid_query_payload");
            assertThat(first.status()).isEqualTo(200);
            assertThat(again.status()).isEqualTo(401);
            assertThat(RestJson.error(again.body())).extracting(UpbitError::name).isEqualTo("nonce_used");
        }
    }
}
