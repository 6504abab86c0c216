package io.camelupbit.test;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Decides whether a handshake on the private path may proceed (upbit-protocol.md §7.1: {@code Authorization:
 * Bearer <JWT>} on the handshake). For now any non-blank bearer token passes; verifying the JWT (HS512/HS256 over
 * the secret's UTF-8 bytes, {@code access_key}, fresh {@code nonce}) belongs here when private streams are added.
 */
final class HandshakeAuthenticator {

    private static final String BEARER = "Bearer ";

    boolean authorized(HttpHeaders headers) {
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        return authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && !authorization.substring(BEARER.length()).isBlank();
    }
}
