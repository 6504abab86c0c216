package io.camelupbit.test;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import io.netty.handler.timeout.IdleStateHandler;

import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one accepted socket: [TLS] → idle detection (any inbound bytes, ping frames included, count as
 * activity) → HTTP → handshake observer → REST (answers {@code /v1/...} requests, keep-alive, until something else
 * arrives) → [permessage-deflate] → handshake gate → fault filter (counts pings; drops
 * every frame of a silent connection) → WebSocket protocol (answers pings, handles close) → fragment aggregation
 * (64 KiB) → session.
 */
final class SimulatorChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ServerContext context;

    SimulatorChannelInitializer(ServerContext context) {
        this.context = context;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        SimulatorSettings settings = context.settings();
        int maxMessage = settings.maxMessageSize();
        ChannelPipeline p = ch.pipeline();
        if (settings.tls() != null) {
            p.addLast("tls", settings.tls().newHandler(ch.alloc()));
        }
        p.addLast("idle", new IdleStateHandler(settings.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        p.addLast("http", new HttpServerCodec());
        p.addLast("http-aggregator", new HttpObjectAggregator(maxMessage));
        p.addLast("handshake-observer", new HandshakeResponseObserver());
        p.addLast("rest", new RestHandler(context.rest()));
        if (settings.compression()) {
            // maxAllocation bounds the inflated size of a message as well.
            p.addLast("compression", new WebSocketServerCompressionHandler(maxMessage));
        }
        p.addLast("gate", new HandshakeGate(context));
        ConnectionFaults faults = new ConnectionFaults();
        p.addLast("faults", new InboundFaultFilter(faults));
        p.addLast("websocket", new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(SimulatorSettings.PUBLIC_PATH)
                .checkStartsWith(true) // the gate has already restricted the paths to the three served
                .maxFramePayloadLength(maxMessage)
                .allowExtensions(settings.compression())
                .build()));
        p.addLast("frame-aggregator", new WebSocketFrameAggregator(maxMessage));
        p.addLast("session", new SimSession(context, faults));
    }
}
