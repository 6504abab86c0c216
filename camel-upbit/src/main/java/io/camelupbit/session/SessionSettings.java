package io.camelupbit.session;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import io.camelupbit.net.ProxySettings;
import io.camelupbit.wire.UpbitFormat;
import io.netty.resolver.AddressResolverGroup;

/**
 * How a session connects and behaves. Holds no secret: the private channel's token comes from {@code authorization}.
 *
 * @param url                  WebSocket URL ({@code wss://...} or, to loopback or when allowed, {@code ws://...})
 * @param channel              {@code public}, {@code private} or {@code info}
 * @param sslContext           TLS context for {@code wss}; {@code null} for the JVM default
 * @param proxy                HTTP CONNECT or SOCKS5 proxy; {@code null} for a direct connection
 * @param resolver             resolves Upbit's host (direct) or the proxy's host; must not block the event loop
 * @param compression          negotiate permessage-deflate
 * @param maxFrameSize         largest accepted frame payload, bytes (after decompression)
 * @param format               the connection's response format
 * @param sendLinger           how long a change waits for others before it is sent
 * @param connectionLinger     how long an unused connection stays open
 * @param heartbeatInterval    a WebSocket ping goes out after this long without writing
 * @param idleTimeout          no frame of any kind for this long means the connection is dead
 * @param backoff              reconnect delays
 * @param maxReconnectAttempts give up after this many failed attempts in a row; -1 never gives up
 * @param banPause             wait after HTTP 418 when Upbit gives no {@code Retry-After}
 * @param maxRetryAfter        the longest {@code Retry-After} honoured; a longer one is cut to it (and logged)
 * @param subscriptionCheck    how often to ask Upbit which subscription it holds ({@code LIST_SUBSCRIPTIONS});
 *                             zero never asks
 * @param authorization        makes the {@code Authorization} header of each handshake (a fresh token every time);
 *                             {@code null} on the public channel
 */
public record SessionSettings(
        URI url,
        String channel,
        SSLContext sslContext,
        ProxySettings proxy,
        AddressResolverGroup<InetSocketAddress> resolver,
        boolean compression,
        int maxFrameSize,
        UpbitFormat format,
        Duration sendLinger,
        Duration connectionLinger,
        Duration heartbeatInterval,
        Duration idleTimeout,
        ReconnectBackoff backoff,
        int maxReconnectAttempts,
        Duration banPause,
        Duration maxRetryAfter,
        Duration subscriptionCheck,
        Supplier<String> authorization) {

    /** Describes the channel without any credential. */
    @Override
    public String toString() {
        return "SessionSettings[url=" + url + ", channel=" + channel + ", proxy=" + proxy + ", format=" + format + "]";
    }
}
