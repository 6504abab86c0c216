package io.camelupbit.auth;

import java.util.UUID;
import java.util.function.Supplier;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;

/**
 * Makes the {@code Authorization} header for a private connection: {@code Bearer <JWT>} with the access key and a new
 * random nonce every time, never cached, so every connect and reconnect presents a fresh token. The HMAC key is the
 * secret key's UTF-8 bytes, as Upbit specifies. Neither key appears in {@link #toString()}.
 */
public final class JwtAuthorization implements Supplier<String> {

    private final String accessKey;
    private final Algorithm algorithm;

    public JwtAuthorization(String accessKey, String secretKey, JwtAlgorithm algorithm) {
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("an access key and a secret key are required");
        }
        this.accessKey = accessKey;
        this.algorithm = switch (algorithm) {
            case HS512 -> Algorithm.HMAC512(secretKey);
            case HS256 -> Algorithm.HMAC256(secretKey);
        };
    }

    /** A new {@code Bearer} token with a fresh nonce. */
    @Override
    public String get() {
        return "Bearer " + JWT.create()
                .withClaim("access_key", accessKey)
                .withClaim("nonce", UUID.randomUUID().toString())
                .sign(algorithm);
    }

    @Override
    public String toString() {
        return "JwtAuthorization[" + algorithm.getName() + "]";
    }
}
