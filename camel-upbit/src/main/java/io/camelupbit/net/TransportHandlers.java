package io.camelupbit.net;

import java.net.InetSocketAddress;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.Socks5ProxyHandler;
import io.netty.handler.ssl.SslHandler;

/**
 * How every connection to Upbit starts, WebSocket and REST alike: the TCP options, the proxy tunnel, TLS with hostname
 * verification.
 */
public final class TransportHandlers {

    private TransportHandlers() {
    }

    /**
     * A TCP connection on the loop: no Nagle delay, the connect timeout, then the proxy tunnel (when there is one) first
     * in the pipeline and the caller's handlers after it.
     *
     * @param proxy    the proxy's handler, or {@code null} for a direct connection
     * @param handlers adds the rest of the pipeline
     */
    public static Bootstrap bootstrap(EventLoop loop, int connectTimeoutMillis, ChannelHandler proxy,
            PipelineBuilder handlers) {
        return new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) throws Exception {
                        if (proxy != null) {
                            ch.pipeline().addLast("proxy", proxy);
                        }
                        handlers.addTo(ch.pipeline());
                    }
                });
    }

    /** Adds handlers to a new connection's pipeline. */
    @FunctionalInterface
    public interface PipelineBuilder {
        void addTo(ChannelPipeline pipeline) throws Exception;
    }

    /** The tunnel through the proxy, whose address is already resolved (the proxy resolves Upbit's host). */
    public static ChannelHandler proxy(ProxySettings proxy, InetSocketAddress address) {
        return switch (proxy.type()) {
            case HTTP -> proxy.username() == null ? new HttpProxyHandler(address)
                    : new HttpProxyHandler(address, proxy.username(), proxy.password());
            case SOCKS5 -> new Socks5ProxyHandler(address, proxy.username(), proxy.password());
        };
    }

    /**
     * TLS to Upbit's host, verified as HTTPS does.
     *
     * @param context the component's context, {@code null} for the JVM's default
     */
    public static SslHandler tls(SSLContext context, String host, int port) throws Exception {
        SSLContext used = context != null ? context : SSLContext.getDefault();
        SSLEngine engine = used.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        return new SslHandler(engine);
    }
}
