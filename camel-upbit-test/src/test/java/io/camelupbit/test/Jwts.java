package io.camelupbit.test;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Upbit-style bearer tokens for the tests (upbit-protocol.md §7.1), signed with java-jwt. */
final class Jwts {

    private Jwts() {
    }

    static String hs512(String accessKey, String secretKey) {
        return hs512(accessKey, secretKey, UUID.randomUUID().toString());
    }

    static String hs512(String accessKey, String secretKey, String nonce) {
        return JWT.create().withClaim("access_key", accessKey).withClaim("nonce", nonce)
                .sign(Algorithm.HMAC512(secretKey.getBytes(StandardCharsets.UTF_8)));
    }

    static String hs256(String accessKey, String secretKey) {
        return JWT.create().withClaim("access_key", accessKey).withClaim("nonce", UUID.randomUUID().toString())
                .sign(Algorithm.HMAC256(secretKey.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
