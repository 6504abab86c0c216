package io.camelupbit.session;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import io.camelupbit.wire.UpbitFormat;

/**
 * How a session connects and behaves. Holds no secret.
 *
 * @param url              WebSocket URL ({@code wss://...} or, to loopback or when allowed, {@code ws://...})
 * @param sslContext       TLS context for {@code wss}; {@code null} for the JVM default
 * @param compression      negotiate permessage-deflate
 * @param maxFrameSize     largest accepted frame payload, bytes (after decompression)
 * @param format           the connection's response format
 * @param sendLinger       how long a change waits for others before it is sent
 * @param connectionLinger how long an unused connection stays open
 * @param reconnectDelay   wait before reconnecting after a lost or refused connection
 * @param authorization    makes the {@code Authorization} header of each handshake (a fresh token every time);
 *                         {@code null} on the public channel
 */
public record SessionSettings(
        URI url,
        SSLContext sslContext,
        boolean compression,
        int maxFrameSize,
        UpbitFormat format,
        Duration sendLinger,
        Duration connectionLinger,
        Duration reconnectDelay,
        Supplier<String> authorization) {

    /** Describes the channel without any credential. */
    @Override
    public String toString() {
        return "SessionSettings[url=" + url + ", private=" + (authorization != null) + ", format=" + format + "]";
    }
}
