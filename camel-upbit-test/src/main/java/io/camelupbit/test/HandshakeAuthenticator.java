package io.camelupbit.test;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the {@code Authorization: Bearer <JWT>} of a private handshake (upbit-protocol.md §7.1) with java-jwt:
 * HS512 or HS256, the HMAC key being the raw UTF-8 bytes of the secret key of the {@code access_key} claim (a key
 * registered with {@link UpbitSimulator.Builder#apiKey}), and a {@code nonce} claim never seen before on this
 * simulator. Every token presented is recorded as a {@link JwtRecord}. The nonce of a token is spent only when its
 * signature holds, so a forged token cannot burn a client's nonce. Thread-safe.
 */
final class HandshakeAuthenticator {

    private static final String BEARER = "Bearer ";

    private final Map<String, String> secrets;
    private final Recorder recorder;
    private final Set<String> seenNonces = ConcurrentHashMap.newKeySet();

    HandshakeAuthenticator(Map<String, String> secrets, Recorder recorder) {
        this.secrets = Map.copyOf(secrets);
        this.recorder = recorder;
    }

    /** The outcome: the authenticated access key, or why the handshake is refused. */
    record Result(String accessKey, String rejection) {
        boolean ok() {
            return rejection == null;
        }
    }

    Result authenticate(HttpHeaders headers, Instant at) {
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null) {
            return new Result(null, "no Authorization header"); // no token, nothing to record
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            return reject(null, null, null, "not a bearer token", at);
        }
        String token = authorization.substring(BEARER.length()).strip();
        DecodedJWT jwt;
        try {
            jwt = JWT.decode(token);
        } catch (JWTDecodeException e) {
            return reject(null, null, null, "malformed token", at);
        }
        String algorithmName = jwt.getAlgorithm();
        String accessKey = jwt.getClaim("access_key").asString();
        String nonce = jwt.getClaim("nonce").asString();
        if (accessKey == null) {
            return reject(null, nonce, algorithmName, "access_key claim missing", at);
        }
        String secret = secrets.get(accessKey);
        if (secret == null) {
            return reject(accessKey, nonce, algorithmName, "unknown access_key", at);
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        Algorithm algorithm;
        if ("HS512".equals(algorithmName)) {
            algorithm = Algorithm.HMAC512(key);
        } else if ("HS256".equals(algorithmName)) {
            algorithm = Algorithm.HMAC256(key);
        } else {
            return reject(accessKey, nonce, algorithmName, "unsupported algorithm " + algorithmName, at);
        }
        try {
            JWT.require(algorithm).build().verify(jwt);
        } catch (SignatureVerificationException e) {
            return reject(accessKey, nonce, algorithmName, "signature verification failed", at);
        } catch (JWTVerificationException e) {
            return reject(accessKey, nonce, algorithmName, "verification failed: " + e.getMessage(), at);
        }
        if (nonce == null || nonce.isBlank()) {
            return reject(accessKey, nonce, algorithmName, "nonce claim missing", at);
        }
        if (!seenNonces.add(nonce)) {
            return reject(accessKey, nonce, algorithmName, "nonce reused", at);
        }
        recorder.jwt(new JwtRecord(accessKey, nonce, algorithmName, true, null, at));
        return new Result(accessKey, null);
    }

    private Result reject(String accessKey, String nonce, String algorithm, String rejection, Instant at) {
        recorder.jwt(new JwtRecord(accessKey, nonce, algorithm, false, rejection, at));
        return new Result(null, rejection);
    }
}
