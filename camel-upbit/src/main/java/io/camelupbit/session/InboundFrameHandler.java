package io.camelupbit.session;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeoutException;

import io.camelupbit.wire.FrameDecoder;
import io.camelupbit.wire.FrameDecodingException;
import io.camelupbit.wire.FrameListener;
import io.camelupbit.wire.RecentFrames;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.Promise;

/**
 * The last handler of a connection's pipeline: completes the handshake promise, then decodes every text or binary
 * frame once, from its bytes, and reports the items to the session. A malformed frame is reported and skipped; it never
 * closes the connection. While the session holds reading (a full mailbox), the data frames of the read in progress wait
 * here undecoded, so a paused mailbox grows by at most the items of one frame.
 */
final class InboundFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    /** What the session learns from a connection. Called on the connection's event loop. */
    interface Inbound extends FrameListener {

        /** The handler joined this connection's pipeline; called on the loop the connection reads on. */
        default void attached(Channel channel) {
        }

        /** A data frame arrived; its items follow. */
        void onFrame(int bytes, long receivedAt);

        /** A frame could not be decoded. */
        void onDecodingError(FrameDecodingException error);

        /** The transport failed after the handshake; the connection is being closed. */
        void onTransportError(Throwable cause);

        /** Upbit closed the WebSocket with this status (e.g. 1008 for a policy violation). */
        void onCloseFrame(int statusCode, String reason);

        /** Nothing arrived for the idle timeout; returns whether to treat the connection as dead. */
        boolean onReaderIdle();

        /** A network read is done (its frames were all reported): a moment to hand batched work on. */
        void onReadComplete();
    }

    private final FrameDecoder decoder;
    /** Shared with the channel's other lines, whose copies of a frame it replays; {@code null} for a lone line. */
    private final RecentFrames recentFrames;
    private final Inbound inbound;
    private final ReadClock readClock = new ReadClock();
    private Promise<Channel> handshake;
    /** Reused copy buffer for frames whose bytes are not on the heap. */
    private byte[] scratch = new byte[8 * 1024];
    /** Data frames that arrived while holding, oldest first (retained). */
    private final ArrayDeque<WebSocketFrame> held = new ArrayDeque<>();
    private boolean holding;

    /**
     * @param quoteContent whether decoding errors may quote a frame; never on the private channel, whose frames hold
     *                     balances and orders
     * @param recentFrames what the channel's lines decoded lately, or {@code null} when it has one line
     */
    InboundFrameHandler(Inbound inbound, boolean quoteContent, RecentFrames recentFrames) {
        this.inbound = inbound;
        this.decoder = new FrameDecoder(quoteContent);
        this.recentFrames = recentFrames;
    }

    /** When this connection last read anything; goes into the pipeline first after the proxy. */
    ReadClock readClock() {
        return readClock;
    }

    void handshakePromise(Promise<Channel> promise) {
        this.handshake = promise;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.WRITER_IDLE && handshake.isSuccess()) {
                // keep-alive: Upbit answers with a pong, which resets the reader-idle clock
                ctx.writeAndFlush(new PingWebSocketFrame());
            } else if (idle.state() == IdleState.READER_IDLE && inbound.onReaderIdle()) {
                ctx.close();
            }
            return;
        }
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            handshake.trySuccess(ctx.channel());
        } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            handshake.tryFailure(new TimeoutException("WebSocket handshake timed out"));
        }
        super.userEventTriggered(ctx, evt);
    }

    /** Decodes no further data frame until {@link #release()}; they wait here. Event loop only. */
    void hold() {
        holding = true;
    }

    /**
     * Decodes the frames that waited, in order, unless one of them makes the session hold again; then reports the read
     * as complete. Event loop only.
     */
    void release() {
        holding = false;
        while (!holding && !held.isEmpty()) {
            WebSocketFrame frame = held.pollFirst();
            try {
                decode(frame);
            } finally {
                frame.release();
            }
        }
        inbound.onReadComplete();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof CloseWebSocketFrame close) {
            inbound.onCloseFrame(close.statusCode(), close.reasonText());
            // answer the close handshake, then let the connection go
            ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), "")).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (!(frame instanceof BinaryWebSocketFrame) && !(frame instanceof TextWebSocketFrame)) {
            return;
        }
        if (holding) {
            held.addLast(frame.retain());
            return;
        }
        decode(frame);
    }

    private void decode(WebSocketFrame frame) {
        ByteBuf content = frame.content();
        int length = content.readableBytes();
        inbound.onFrame(length, System.currentTimeMillis());
        byte[] data;
        int offset;
        if (content.hasArray()) {
            data = content.array();
            offset = content.arrayOffset() + content.readerIndex();
        } else {
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            content.getBytes(content.readerIndex(), scratch, 0, length);
            data = scratch;
            offset = 0;
        }
        try {
            if (recentFrames == null) {
                decoder.decode(data, offset, length, inbound);
            } else {
                recentFrames.decode(decoder, data, offset, length, inbound);
            }
        } catch (FrameDecodingException e) {
            inbound.onDecodingError(e);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        inbound.onReadComplete();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        inbound.attached(ctx.channel());
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseHeld();
    }

    private void releaseHeld() {
        WebSocketFrame frame;
        while ((frame = held.pollFirst()) != null) {
            frame.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        // frames still held die with the connection; the reconnect marks the gap
        releaseHeld();
        inbound.onReadComplete();
        handshake.tryFailure(new IOException("connection closed before the WebSocket handshake completed"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!handshake.tryFailure(cause)) {
            inbound.onTransportError(cause);
        }
        ctx.close();
    }
}
