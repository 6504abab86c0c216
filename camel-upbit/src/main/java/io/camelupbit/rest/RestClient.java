package io.camelupbit.rest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import io.camelupbit.net.ProxySettings;
import io.camelupbit.net.TransportHandlers;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * HTTP/1.1 to Upbit's REST API over Netty, with what the WebSocket has: the proxy tunnel (HTTP CONNECT or SOCKS5, with
 * credentials), TLS with hostname verification, names resolved off the event loops, no {@code Origin}. Connections are
 * kept alive and pooled, at most {@code maxConnections}, one request at a time on each (Upbit's answers are small and
 * its limits count requests, not connections); a request waits for a free connection. Every request has a deadline.
 * Thread-safe: requests may come from any thread.
 */
public final class RestClient implements AutoCloseable {

    /** The largest answer read: a page of 100 orders with their trades is far below. */
    static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private static final AttributeKey<InFlight> IN_FLIGHT = AttributeKey.valueOf("upbit.rest.inFlight");

    private final URI base;
    private final String host;
    private final int port;
    private final boolean tls;
    private final String hostHeader;
    private final SSLContext sslContext;
    private final ProxySettings proxy;
    private final AddressResolverGroup<InetSocketAddress> resolver;
    private final EventLoopGroup group;
    private final int maxConnections;
    private final long timeoutMillis;
    private final long idleMillis;

    private final Deque<Channel> idle = new ArrayDeque<>();
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private final Set<Channel> channels = new HashSet<>();
    private int open;
    private volatile boolean closed;

    /**
     * @param base           {@code https://api.upbit.com} (or {@code http://} to loopback in tests)
     * @param sslContext     TLS context, {@code null} for the JVM's default
     * @param proxy          the proxy, or {@code null}
     * @param resolver       resolves names off the event loops
     * @param maxConnections most connections open at once
     * @param timeout        how long a request may wait for its whole answer once written
     * @param idleTimeout    how long an unused connection is kept
     */
    public RestClient(URI base, SSLContext sslContext, ProxySettings proxy,
            AddressResolverGroup<InetSocketAddress> resolver, EventLoopGroup group, int maxConnections,
            Duration timeout, Duration idleTimeout) {
        this.base = base;
        this.tls = "https".equalsIgnoreCase(base.getScheme());
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        this.hostHeader = base.getPort() > 0 ? host + ":" + port : host;
        this.sslContext = sslContext;
        this.proxy = proxy;
        this.resolver = resolver;
        this.group = group;
        this.maxConnections = maxConnections;
        this.timeoutMillis = timeout.toMillis();
        this.idleMillis = idleTimeout.toMillis();
    }

    /**
     * Sends the request on a free connection, or a new one, or when one frees up.
     *
     * @return Upbit's answer, whatever its status; or an {@link IOException}: a {@link RestTimeoutException} when the
     *         request was written and no complete answer came (Upbit may have processed it), another one when it was
     *         never sent
     */
    public CompletableFuture<RestResponse> send(RestRequest request) {
        Pending pending = new Pending(request, new CompletableFuture<>());
        Channel channel;
        synchronized (this) {
            if (closed) {
                pending.result.completeExceptionally(new IOException("REST client closed; not sent: " + request));
                return pending.result;
            }
            channel = takeIdle();
            if (channel == null) {
                if (open < maxConnections) {
                    open++;
                } else {
                    waiting.add(pending);
                    return pending.result;
                }
            }
        }
        if (channel != null) {
            write(channel, pending);
        } else {
            connect(pending);
        }
        return pending.result;
    }

    /** Connections open now, in use or idle. */
    public synchronized int openConnections() {
        return open;
    }

    @Override
    public void close() {
        List<Channel> all;
        List<Pending> notSent;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(channels);
            notSent = new ArrayList<>(waiting);
            waiting.clear();
            idle.clear();
        }
        notSent.forEach(p -> p.result.completeExceptionally(new IOException("REST client closed; not sent: "
                + p.request)));
        all.forEach(Channel::close);
    }

    private Channel takeIdle() {
        for (Channel channel = idle.pollFirst(); channel != null; channel = idle.pollFirst()) {
            if (channel.isActive()) {
                return channel;
            }
        }
        return null;
    }

    /** Opens a connection for the request; {@link #open} already counts it. */
    private void connect(Pending pending) {
        EventLoop loop = group.next();
        InetSocketAddress target = InetSocketAddress.createUnresolved(host, port);
        if (proxy == null) {
            opened(bootstrap(loop, null).resolver(resolver).connect(target), pending);
            return;
        }
        resolver.getResolver(loop).resolve(InetSocketAddress.createUnresolved(proxy.host(), proxy.port()))
                .addListener((Future<InetSocketAddress> proxyAddress) -> {
                    if (!proxyAddress.isSuccess()) {
                        notOpened(pending, proxyAddress.cause());
                        return;
                    }
                    // the proxy resolves Upbit's host, as for the WebSocket
                    opened(bootstrap(loop, TransportHandlers.proxy(proxy, proxyAddress.getNow()))
                            .resolver(NoopAddressResolverGroup.INSTANCE).connect(target), pending);
                });
    }

    private void opened(ChannelFuture connect, Pending pending) {
        Channel channel = connect.channel();
        synchronized (this) {
            channels.add(channel);
        }
        channel.closeFuture().addListener(f -> closed(channel));
        connect.addListener(done -> {
            if (!done.isSuccess()) {
                pending.result.completeExceptionally(new IOException("not sent: no connection to Upbit's REST API ("
                        + done.cause() + ")", done.cause()));
            } else if (closed) {
                pending.result.completeExceptionally(new IOException("REST client closed; not sent: "
                        + pending.request));
                channel.close();
            } else {
                // writes wait in the proxy and TLS handlers until the tunnel and the handshake are up
                write(channel, pending);
            }
        });
    }

    /** A connection could not even be started (its proxy's name did not resolve). */
    private void notOpened(Pending pending, Throwable cause) {
        pending.result.completeExceptionally(new IOException("not sent: no connection to Upbit's REST API ("
                + cause + ")", cause));
        Pending next;
        synchronized (this) {
            open--;
            next = nextToOpen();
        }
        if (next != null) {
            connect(next);
        }
    }

    /** A connection closed: a request on it fails; one waiting gets a new connection. */
    private void closed(Channel channel) {
        InFlight inFlight = channel.attr(IN_FLIGHT).getAndSet(null);
        if (inFlight != null) {
            inFlight.fail(inFlight.written
                    ? new RestTimeoutException("the connection closed before Upbit's answer to " + inFlight.pending.request
                            + "; Upbit may have processed it")
                    : new IOException("not sent: the connection closed before " + inFlight.pending.request
                            + " was written"));
        }
        Pending next;
        synchronized (this) {
            channels.remove(channel);
            idle.remove(channel);
            open--;
            next = nextToOpen();
        }
        if (next != null) {
            connect(next);
        }
    }

    /** The next waiting request when a connection slot is free; the slot is then taken. */
    private Pending nextToOpen() {
        if (closed || waiting.isEmpty() || open >= maxConnections) {
            return null;
        }
        open++;
        return waiting.poll();
    }

    /** An answer came: the connection serves the next waiting request, or waits in the pool. */
    private void released(Channel channel, boolean keepAlive) {
        if (!keepAlive || !channel.isActive()) {
            channel.close();
            return;
        }
        Pending next;
        synchronized (this) {
            next = closed ? null : waiting.poll();
            if (next == null && !closed) {
                idle.addFirst(channel);
            }
        }
        if (next != null) {
            write(channel, next);
        } else if (closed) {
            channel.close();
        }
    }

    private void write(Channel channel, Pending pending) {
        EventLoop loop = channel.eventLoop();
        if (!loop.inEventLoop()) {
            loop.execute(() -> write(channel, pending));
            return;
        }
        InFlight inFlight = new InFlight(pending);
        channel.attr(IN_FLIGHT).set(inFlight);
        if (!channel.isOpen()) {
            // closed meanwhile: its close listener has run or will, and fails the request as not sent
            if (channel.attr(IN_FLIGHT).compareAndSet(inFlight, null)) {
                inFlight.fail(new IOException("not sent: the connection closed before " + pending.request
                        + " was written"));
            }
            return;
        }
        inFlight.deadline = loop.schedule(() -> {
            if (channel.attr(IN_FLIGHT).compareAndSet(inFlight, null)) {
                inFlight.fail(new RestTimeoutException("no answer to " + pending.request + " within " + timeoutMillis
                        + " ms; Upbit may have processed it"));
                channel.close();
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        channel.writeAndFlush(httpRequest(pending.request)).addListener(done -> {
            if (done.isSuccess()) {
                inFlight.written = true;
            } else {
                channel.close();
            }
        });
    }

    private FullHttpRequest httpRequest(RestRequest request) {
        byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
        String path = base.getRawPath() == null || base.getRawPath().equals("/") ? "" : base.getRawPath();
        FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()),
                path + request.pathAndQuery(), Unpooled.wrappedBuffer(body));
        http.headers().set(HttpHeaderNames.HOST, hostHeader);
        http.headers().set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON);
        if (request.authorization() != null) {
            http.headers().set(HttpHeaderNames.AUTHORIZATION, request.authorization());
        }
        if (request.body() != null) {
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        }
        HttpUtil.setContentLength(http, body.length);
        return http;
    }

    private Bootstrap bootstrap(EventLoop loop, ChannelHandler proxyHandler) {
        return TransportHandlers.bootstrap(loop, CONNECT_TIMEOUT_MILLIS, proxyHandler, p -> {
            if (tls) {
                p.addLast("tls", TransportHandlers.tls(sslContext, host, port));
            }
            p.addLast("idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
            p.addLast("http", new HttpClientCodec());
            p.addLast("aggregator", new HttpObjectAggregator(MAX_RESPONSE_BYTES));
            p.addLast("answer", new AnswerHandler());
        });
    }

    /** Hands each answer to the request in flight on its connection; closes an idle connection. */
    private final class AnswerHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            InFlight inFlight = ctx.channel().attr(IN_FLIGHT).getAndSet(null);
            if (inFlight == null) {
                // nothing asked for it (it came after its request's deadline): the connection is out of step
                ctx.close();
                return;
            }
            Map<String, String> headers = new HashMap<>();
            response.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            RestResponse answer = new RestResponse(response.status().code(), headers,
                    response.content().toString(StandardCharsets.UTF_8));
            // back in the pool first: a caller sending its next request on completion finds the connection free
            released(ctx.channel(), HttpUtil.isKeepAlive(response));
            inFlight.succeed(answer);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent && ctx.channel().attr(IN_FLIGHT).get() == null) {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // the close fails the request in flight, if any, with what is known about it
            ctx.close();
        }
    }

    private record Pending(RestRequest request, CompletableFuture<RestResponse> result) {
    }

    /** The request on a connection: whether it left, and its deadline. Touched on the connection's event loop. */
    private static final class InFlight {
        final Pending pending;
        boolean written;
        ScheduledFuture<?> deadline;

        InFlight(Pending pending) {
            this.pending = pending;
        }

        void succeed(RestResponse response) {
            cancelDeadline();
            pending.result.complete(response);
        }

        void fail(IOException cause) {
            cancelDeadline();
            pending.result.completeExceptionally(cause);
        }

        private void cancelDeadline() {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }
}
