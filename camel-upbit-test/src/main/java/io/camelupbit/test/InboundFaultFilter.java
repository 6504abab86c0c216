package io.camelupbit.test;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits in front of Netty's WebSocket protocol handler, which answers pings with pongs and close frames with close
 * frames on its own: counts the ping frames, and while the connection is silent swallows every frame (ping, close and
 * data alike, lost for good), so that neither the protocol handler nor the session reacts. That is what a half-open peer looks like:
 * no pong, no close reply, no answer. Control frames are never compressed (RFC 7692), so pings are seen as sent.
 */
final class InboundFaultFilter extends ChannelInboundHandlerAdapter {

    private final ConnectionFaults faults;

    InboundFaultFilter(ConnectionFaults faults) {
        this.faults = faults;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof PingWebSocketFrame) {
            faults.pingReceived();
        }
        if (msg instanceof WebSocketFrame && faults.silent()) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
