package io.camelupbit.net;

import java.net.InetSocketAddress;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import io.netty.channel.ChannelHandler;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.Socks5ProxyHandler;
import io.netty.handler.ssl.SslHandler;

/**
 * The handlers every connection to Upbit starts its pipeline with, WebSocket and REST alike: the proxy tunnel, then
 * TLS with hostname verification.
 */
public final class TransportHandlers {

    private TransportHandlers() {
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
