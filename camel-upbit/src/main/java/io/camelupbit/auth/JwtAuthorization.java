package io.camelupbit.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;

/**
 * Makes the {@code Authorization} header for a private connection and for each REST request: {@code Bearer <JWT>} with
 * the access key and a new random nonce every time, never cached, so every connect, reconnect and request presents a
 * fresh token; a REST request with parameters also carries their {@code query_hash} (SHA-512, lowercase hex) and
 * {@code query_hash_alg} (https://docs.upbit.com/kr/reference/auth). The HMAC key is the secret key's UTF-8 bytes, as
 * Upbit specifies. Neither key appears in {@link #toString()}.
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
        return forRequest(null);
    }

    /**
     * A new {@code Bearer} token for a REST request.
     *
     * @param hashText the text Upbit's {@code query_hash} covers: the query string as sent but not URL-encoded, or a
     *                 JSON body's pairs as {@code key=value&...} in the body's order; {@code null} or empty for a
     *                 request without parameters (the token then has no hash)
     */
    public String forRequest(String hashText) {
        JWTCreator.Builder token = JWT.create()
                .withClaim("access_key", accessKey)
                .withClaim("nonce", UUID.randomUUID().toString());
        if (hashText != null && !hashText.isEmpty()) {
            token.withClaim("query_hash", sha512Hex(hashText)).withClaim("query_hash_alg", "SHA512");
        }
        return "Bearer " + token.sign(algorithm);
    }

    /** SHA-512 of the text's UTF-8 bytes, lowercase hex. */
    static String sha512Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-512", e);
        }
    }

    @Override
    public String toString() {
        return "JwtAuthorization[" + algorithm.getName() + "]";
    }
}
