package io.camelupbit.test;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

import java.time.Instant;

/**
 * Verifies the {@code Authorization: Bearer <JWT>} of a private handshake (upbit-protocol.md §7.1): the signature
 * ({@link JwtVerifier}: HS512 or HS256 with the UTF-8 bytes of the secret key of the {@code access_key} claim) and a
 * {@code nonce} claim that key never spent before, on a handshake or a REST request ({@link NonceLedger}). Every
 * token presented is recorded as a {@link JwtRecord}. The nonce of a token is spent only when its signature holds,
 * so a forged token cannot burn a client's nonce. Thread-safe.
 */
final class HandshakeAuthenticator {

    private final JwtVerifier verifier;
    private final NonceLedger nonces;
    private final Recorder recorder;

    HandshakeAuthenticator(JwtVerifier verifier, NonceLedger nonces, Recorder recorder) {
        this.verifier = verifier;
        this.nonces = nonces;
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
        JwtVerifier.Verified token = verifier.verify(authorization);
        String accessKey = token.accessKey();
        String nonce = token.nonce();
        if (!token.ok()) {
            return reject(accessKey, nonce, token.algorithm(), token.rejection(), at);
        }
        if (nonce == null || nonce.isBlank()) {
            return reject(accessKey, nonce, token.algorithm(), "nonce claim missing", at);
        }
        if (!nonces.spend(accessKey, nonce)) {
            return reject(accessKey, nonce, token.algorithm(), "nonce reused", at);
        }
        recorder.jwt(new JwtRecord(accessKey, nonce, token.algorithm(), true, null, at));
        return new Result(accessKey, null);
    }

    private Result reject(String accessKey, String nonce, String algorithm, String rejection, Instant at) {
        recorder.jwt(new JwtRecord(accessKey, nonce, algorithm, false, rejection, at));
        return new Result(null, rejection);
    }
}
