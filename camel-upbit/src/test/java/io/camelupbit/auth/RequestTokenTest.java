package io.camelupbit.auth;

import java.util.HashSet;
import java.util.Set;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST token: Upbit's three documented query strings hash to the SHA-512 any implementation computes (values in
 * upbit-docs/rest/research-rest.md, computed with Python's hashlib), and the token is signed with the secret's bytes.
 */
class RequestTokenTest {

    private final JwtAuthorization authorization = new JwtAuthorization("access-1", "secret-0123456789",
            JwtAlgorithm.HS512);

    @Test
    void theDocumentedQueryStringsHashAsUpbitComputesThem() {
        assertThat(JwtAuthorization.sha512Hex("market=KRW-BTC&limit=10")).isEqualTo("d8214a07d0b7181ac91485f885d4349e"
                + "9de6733bbd0806fec3102519a0ba1479b9be54245055706da413a6e916a8a978c1fc1a79e8e459d54c4de8fbe2bc70cd");
        assertThat(JwtAuthorization.sha512Hex("market=KRW-BTC&states[]=wait&states[]=watch")).isEqualTo(
                "c01bbcb80094d2225c90eda65128baf7ef800471fbdeb76579856d1532cd263060e41ede9c52bfc926a0b46c4b7797a61e"
                        + "4327cda59d236f829cde4c875dfe77");
        assertThat(JwtAuthorization.sha512Hex("market=KRW-BTC&side=bid&volume=0.01&price=100.0&ord_type=limit"))
                .isEqualTo("1db802a392c559d55c99662a20c6911ba9ea31a9f58bf92156af243ca1462b004c6e6b27c934afefbde5ca15"
                        + "d28deb67e90cd619b466c9a3c2fe020ad2bbdd24");
    }

    @Test
    void aRequestWithParametersCarriesTheirHashAndEveryTokenAFreshNonce() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            DecodedJWT token = verified(authorization.forRequest("market=KRW-BTC&limit=10"));
            assertThat(token.getClaim("access_key").asString()).isEqualTo("access-1");
            assertThat(token.getClaim("query_hash").asString())
                    .isEqualTo(JwtAuthorization.sha512Hex("market=KRW-BTC&limit=10"));
            assertThat(token.getClaim("query_hash_alg").asString()).isEqualTo("SHA512");
            nonces.add(token.getClaim("nonce").asString());
        }
        assertThat(nonces).hasSize(50);
    }

    @Test
    void aRequestWithoutParametersHasNoHash() {
        DecodedJWT token = verified(authorization.forRequest(""));

        assertThat(token.getClaims()).containsOnlyKeys("access_key", "nonce");
        assertThat(verified(authorization.get()).getClaims()).containsOnlyKeys("access_key", "nonce");
    }

    private static DecodedJWT verified(String header) {
        assertThat(header).startsWith("Bearer ");
        return JWT.require(Algorithm.HMAC512("secret-0123456789")).build().verify(header.substring(7));
    }
}
