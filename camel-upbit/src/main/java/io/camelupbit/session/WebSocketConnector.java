package io.camelupbit.session;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.camelupbit.net.ProxySettings;
import io.camelupbit.net.TransportHandlers;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Opens one WebSocket connection to Upbit with Netty, never blocking the event loop (names resolve elsewhere): TLS
 * with hostname verification for {@code wss}, no {@code Origin} header (Upbit throttles requests that carry one to 1
 * per 10 s), permessage-deflate offered, frames of any size up to the limit, fragmented messages reassembled.
 */
final class WebSocketConnector {

    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    /** Name lookup, connect and handshake together: a lookup that never answers must not hold a connection for ever. */
    static final long ATTEMPT_TIMEOUT_MILLIS = 30_000;

    private final SessionSettings settings;

    WebSocketConnector(SessionSettings settings) {
        this.settings = settings;
    }

    /**
     * Connects on the given event loop; the future completes when the WebSocket handshake did. Host names are resolved
     * by the settings' resolver, off the event loop: Upbit's host for a direct connection, the proxy's host otherwise
     * (the proxy resolves Upbit's).
     *
     * @param frameHandler the last handler of the pipeline, receiving WebSocket frames; it must complete the
     *                     handshake promise (see {@link InboundFrameHandler})
     */
    Connecting connect(EventLoop loop, InboundFrameHandler frameHandler) {
        URI uri = settings.url();
        boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        Promise<Channel> handshake = loop.newPromise();
        frameHandler.handshakePromise(handshake);
        Connecting connecting = new Connecting(handshake);
        ScheduledFuture<?> deadline = loop.schedule(ScheduledTasks.logged("connect deadline", () -> {
            if (handshake.tryFailure(new ConnectTimeoutException("no WebSocket within " + ATTEMPT_TIMEOUT_MILLIS
                    + " ms (name lookup, connect and handshake)"))) {
                connecting.abandon();
            }
        }), ATTEMPT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        handshake.addListener(done -> deadline.cancel(false));
        InetSocketAddress target = InetSocketAddress.createUnresolved(host, port);
        ProxySettings proxy = settings.proxy();
        if (proxy == null) {
            connecting.connect(bootstrap(loop, frameHandler, null, uri, tls, host, port, connecting)
                    .resolver(settings.resolver()), target);
            return connecting;
        }
        settings.resolver().getResolver(loop).resolve(InetSocketAddress.createUnresolved(proxy.host(), proxy.port()))
                .addListener((Future<InetSocketAddress> proxyAddress) -> loop.execute(() -> {
                    if (!proxyAddress.isSuccess()) {
                        handshake.tryFailure(proxyAddress.cause());
                        return;
                    }
                    // the proxy resolves Upbit's host: from behind a fixed egress the local resolver may not see it
                    connecting.connect(bootstrap(loop, frameHandler,
                            TransportHandlers.proxy(proxy, proxyAddress.getNow()), uri,
                            tls, host, port, connecting).resolver(NoopAddressResolverGroup.INSTANCE), target);
                }));
        return connecting;
    }

    private Bootstrap bootstrap(EventLoop loop, InboundFrameHandler frameHandler, ChannelHandler proxyHandler, URI uri,
            boolean tls, String host, int port, Connecting connecting) {
        return TransportHandlers.bootstrap(loop, CONNECT_TIMEOUT_MILLIS, proxyHandler, p -> {
            // first after the proxy, so every byte Upbit sends counts as life, pongs included
            p.addLast("idle", new IdleStateHandler(settings.idleTimeout().toMillis(),
                    settings.heartbeatInterval().toMillis(), 0, TimeUnit.MILLISECONDS));
            p.addLast("read-clock", frameHandler.readClock());
            if (tls) {
                p.addLast("tls", TransportHandlers.tls(settings.sslContext(), host, port));
            }
            p.addLast("http", new HttpClientCodec());
            p.addLast("http-aggregator", new HttpObjectAggregator(64 * 1024));
            p.addLast("refusal-body", new RefusalBodyRecorder(connecting));
            if (settings.compression()) {
                p.addLast("deflate", new WebSocketClientCompressionHandler(settings.maxFrameSize()));
            }
            p.addLast("websocket", new WebSocketClientProtocolHandler(protocolConfig(uri, handshakeHeaders())));
            p.addLast("frame-aggregator", new WebSocketFrameAggregator(settings.maxFrameSize()));
            p.addLast("upbit", (ChannelHandler) frameHandler);
        });
    }

    /**
     * A connection on its way: its handshake's outcome, and a way to abandon it at any step (while a name is being
     * resolved, connecting, or handshaking). Abandoned from any thread.
     */
    static final class Connecting {

        private final Promise<Channel> handshake;
        private volatile Channel channel;
        private volatile boolean abandoned;
        private volatile String refusalBody;

        Connecting(Promise<Channel> handshake) {
            this.handshake = handshake;
        }

        /** Completes with the channel when the WebSocket handshake did. */
        Future<Channel> handshake() {
            return handshake;
        }

        /** The start of the body of a refused handshake's answer (Netty's exception keeps only status and headers). */
        String refusalBody() {
            return refusalBody;
        }

        private void connect(Bootstrap bootstrap, InetSocketAddress target) {
            if (abandoned) {
                handshake.tryFailure(new ClosedChannelException());
                return;
            }
            ChannelFuture connect = bootstrap.connect(target);
            channel = connect.channel();
            connect.addListener(f -> {
                if (!f.isSuccess()) {
                    handshake.tryFailure(f.cause());
                }
            });
            if (abandoned) {
                channel.close();
            }
        }

        /** Closes the connection, or makes sure it is never opened when it is still resolving a name. */
        void abandon() {
            abandoned = true;
            Channel opened = channel;
            if (opened != null) {
                opened.close();
            }
        }
    }

    /**
     * Keeps the start of the body of an answer that refuses the upgrade (a ban may state its length there), then
     * leaves the pipeline: it sees the one HTTP answer and no WebSocket frame.
     */
    private static final class RefusalBodyRecorder extends ChannelInboundHandlerAdapter {

        private final Connecting connecting;

        RefusalBodyRecorder(Connecting connecting) {
            this.connecting = connecting;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpResponse response) {
                if (response.status().code() != 101) {
                    ByteBuf body = response.content();
                    connecting.refusalBody = body.toString(body.readerIndex(),
                            Math.min(body.readableBytes(), BanNotice.MAX_BODY), StandardCharsets.UTF_8);
                }
                ctx.pipeline().remove(this);
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** Made per connection: a private channel needs a token with a new nonce on every connect. */
    private HttpHeaders handshakeHeaders() {
        if (settings.authorization() == null) {
            return EmptyHttpHeaders.INSTANCE;
        }
        return new DefaultHttpHeaders().set(HttpHeaderNames.AUTHORIZATION, settings.authorization().get());
    }

    private WebSocketClientProtocolConfig protocolConfig(URI uri, HttpHeaders headers) {
        return WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .customHeaders(headers)
                .generateOriginHeader(false)
                // the decoder reads every frame as UTF-8 JSON and skips (and counts) one that is not, as it does for
                // binary frames; Netty's validator would close the whole connection over one bad frame instead
                .withUTF8Validator(false)
                .allowExtensions(settings.compression())
                .maxFramePayloadLength(settings.maxFrameSize())
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .dropPongFrames(true)
                // close frames reach the session, which learns Upbit's status code (1008 is a rate signal)
                .handleCloseFrames(false)
                .build();
    }
}
