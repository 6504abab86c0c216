package io.camelupbit.test;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Notes whether the 101 response agreed on permessage-deflate. It sits nearer the socket than the compression
 * handler, so it sees the response after that handler added its {@code Sec-WebSocket-Extensions} header: what the
 * client was actually told, not what it offered.
 */
final class HandshakeResponseObserver extends ChannelOutboundHandlerAdapter {

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response
                && response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
            String extensions = response.headers().get(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS);
            ctx.channel().attr(ChannelAttributes.COMPRESSION)
                    .set(extensions != null && extensions.contains("permessage-deflate"));
        }
        super.write(ctx, msg, promise);
    }
}
