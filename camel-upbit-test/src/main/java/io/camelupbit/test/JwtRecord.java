package io.camelupbit.test;

import java.time.Instant;

/**
 * One bearer token presented on a private handshake, and the verdict on it.
 *
 * @param accessKey the {@code access_key} claim, or {@code null} when the token could not be decoded or lacked it
 * @param nonce     the {@code nonce} claim, or {@code null}
 * @param algorithm the {@code alg} header ({@code HS512}, {@code HS256}, ...), or {@code null}
 * @param valid     whether the token passed: known access key, supported algorithm, good signature, fresh nonce
 * @param rejection why it failed (e.g. {@code "signature verification failed"}, {@code "nonce reused"}), or
 *                  {@code null} when valid
 * @param at        wall-clock time of the handshake
 */
public record JwtRecord(String accessKey, String nonce, String algorithm, boolean valid, String rejection,
                        Instant at) {
}
