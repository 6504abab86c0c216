package io.camelupbit.session;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * When a connection last read anything (data, a status, a pong): first in the pipeline after the proxy, beside the idle
 * detection. A line that read nothing since a moment delivered nothing since then, so it covered for no other line.
 * Written on the connection's event loop, read on its owner's (which may be another).
 */
@ChannelHandler.Sharable
final class ReadClock extends ChannelInboundHandlerAdapter {

    private volatile long lastRead = System.nanoTime();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastRead = System.nanoTime();
        ctx.fireChannelRead(msg);
    }

    /** System.nanoTime() of the last read, or of the clock's creation before any. */
    long lastRead() {
        return lastRead;
    }
}
