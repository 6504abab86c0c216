package io.camelupbit.test;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Checks the signature of an {@code Authorization: Bearer <JWT>} value with java-jwt, as Upbit does for the private
 * WebSocket and the REST API (research-rest.md §1.1): HS512 or HS256, the HMAC key being the raw UTF-8 bytes of the
 * secret key registered for the token's {@code access_key} claim. What comes after the signature (nonce, query
 * hash) is for the callers. Thread-safe.
 */
final class JwtVerifier {

    private static final String BEARER = "Bearer ";

    private final Map<String, String> secrets;

    JwtVerifier(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    /**
     * What a token says and whether its signature holds.
     *
     * @param accessKey its {@code access_key} claim, or {@code null}
     * @param nonce     its {@code nonce} claim, or {@code null}
     * @param algorithm its {@code alg}, or {@code null}
     * @param jwt       the decoded token when the signature holds, else {@code null}
     * @param rejection why it does not hold, or {@code null} when it does
     */
    record Verified(String accessKey, String nonce, String algorithm, DecodedJWT jwt, String rejection) {
        boolean ok() {
            return rejection == null;
        }
    }

    /** Verifies the value of an {@code Authorization} header (not null). */
    Verified verify(String authorization) {
        String token = token(authorization);
        if (token == null) {
            return rejected(null, null, null, "not a bearer token");
        }
        DecodedJWT jwt;
        try {
            jwt = JWT.decode(token);
        } catch (JWTDecodeException e) {
            return rejected(null, null, null, "malformed token");
        }
        String algorithmName = jwt.getAlgorithm();
        String accessKey = jwt.getClaim("access_key").asString();
        String nonce = jwt.getClaim("nonce").asString();
        if (accessKey == null) {
            return rejected(null, nonce, algorithmName, "access_key claim missing");
        }
        String secret = secrets.get(accessKey);
        if (secret == null) {
            return rejected(accessKey, nonce, algorithmName, "unknown access_key");
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        Algorithm algorithm;
        if ("HS512".equals(algorithmName)) {
            algorithm = Algorithm.HMAC512(key);
        } else if ("HS256".equals(algorithmName)) {
            algorithm = Algorithm.HMAC256(key);
        } else {
            return rejected(accessKey, nonce, algorithmName, "unsupported algorithm " + algorithmName);
        }
        try {
            JWT.require(algorithm).build().verify(jwt);
        } catch (SignatureVerificationException e) {
            return rejected(accessKey, nonce, algorithmName, "signature verification failed");
        } catch (JWTVerificationException e) {
            return rejected(accessKey, nonce, algorithmName, "verification failed: " + e.getMessage());
        }
        return new Verified(accessKey, nonce, algorithmName, jwt, null);
    }

    /**
     * The {@code access_key} claim of a bearer token, read without checking anything, or {@code null} when there is
     * no readable one: what the REST limits count a request against before it is authenticated.
     */
    static String claimedAccessKey(String authorization) {
        String token = token(authorization);
        if (token == null) {
            return null;
        }
        try {
            return JWT.decode(token).getClaim("access_key").asString();
        } catch (JWTDecodeException e) {
            return null;
        }
    }

    private static String token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }

    private static Verified rejected(String accessKey, String nonce, String algorithm, String rejection) {
        return new Verified(accessKey, nonce, algorithm, null, rejection);
    }
}
