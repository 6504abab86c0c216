package io.camelupbit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The load generator: a minimal WebSocket server on loopback (no permessage-deflate) that sends pre-encoded binary
 * ticker frames of 100 codes, either as fast as the client reads them ({@link #firehose}) or on a fixed schedule
 * ({@link #paced}), carrying each frame's intended send time in its {@code timestamp} field. It ignores what clients
 * send (subscribe messages are only counted). The WebSocket frame header is encoded once per template, so a firehose
 * write is a reference-counted view of a prepared buffer: the generator costs far less than any client.
 */
final class FirehoseServer implements AutoCloseable {

    /** Every stamp is {@code intended nanoTime - NANO_BASE + STAMP_BASE}; receivers invert it with {@link #sentAt}. */
    static final long NANO_BASE = System.nanoTime();
    static final String PATH = "/websocket/v1";
    static final String THREAD_PREFIX = "bench-server";

    private static final AttributeKey<Runnable> PUMP = AttributeKey.valueOf("pump");

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(THREAD_PREFIX,
            true), NioIoHandler.newFactory());
    private final BlockingQueue<Channel> accepted = new LinkedBlockingQueue<>();
    private final AtomicInteger textFramesReceived = new AtomicInteger();
    private final Channel server;
    /** Wire frames (header + payload), one per code, stamp placeholder included. */
    private final byte[][] wire;
    private final int[] stampAt;

    FirehoseServer(List<String> payloads) throws InterruptedException {
        wire = new byte[payloads.size()][];
        stampAt = new int[payloads.size()];
        for (int i = 0; i < wire.length; i++) {
            byte[] payload = payloads.get(i).getBytes(StandardCharsets.UTF_8);
            wire[i] = encodeBinaryFrame(payload);
            int at = payloads.get(i).indexOf(Frames.placeholderStamp());
            stampAt[i] = at < 0 ? -1 : wire[i].length - payload.length + at;
        }
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath(PATH).checkStartsWith(true).allowExtensions(false)
                                        .maxFramePayloadLength(1 << 20).build()),
                                new Handler());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    String url() {
        return "ws://127.0.0.1:" + ((java.net.InetSocketAddress) server.localAddress()).getPort() + PATH;
    }

    int textFramesReceived() {
        return textFramesReceived.get();
    }

    /** The next connection whose WebSocket handshake completed. */
    Channel awaitConnection(long timeoutMillis) throws InterruptedException {
        Channel ch = accepted.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (ch == null) {
            throw new IllegalStateException("no client connected within " + timeoutMillis + " ms");
        }
        return ch;
    }

    /** Intended send time (nanoTime) of a received stamp. */
    static long sentAt(long stamp) {
        return stamp - Frames.STAMP_BASE + NANO_BASE;
    }

    /**
     * Sends frames as fast as the connection takes them (writes while the channel is writable, a flush every 256),
     * round robin over the codes, until the returned handle is stopped; TCP back-pressure from the client is the
     * only brake. Returns a handle to stop it and read the frames written.
     */
    Generator firehose(Channel ch) {
        ByteBuf[] frames = new ByteBuf[wire.length];
        for (int i = 0; i < wire.length; i++) {
            frames[i] = Unpooled.directBuffer(wire[i].length).writeBytes(wire[i]);
        }
        Generator g = new Generator();
        g.onStop = () -> ch.eventLoop().execute(() -> {
            ch.attr(PUMP).set(null);
            for (ByteBuf f : frames) {
                f.release();
            }
        });
        Runnable pump = new Runnable() {
            int next;

            @Override
            public void run() {
                if (g.stopped || !ch.isActive()) {
                    return;
                }
                int n = 0;
                while (ch.isWritable() && n < 256) {
                    ByteBuf f = frames[next];
                    next = next + 1 == frames.length ? 0 : next + 1;
                    ch.write(f.retainedDuplicate(), ch.voidPromise());
                    n++;
                }
                g.sent.addAndGet(n);
                ch.flush();
                if (ch.isWritable()) {
                    ch.eventLoop().execute(this);
                }
                // else the handler runs us again when the channel becomes writable
            }
        };
        ch.attr(PUMP).set(pump);
        ch.eventLoop().execute(pump);
        return g;
    }

    /**
     * Sends {@code rate} frames per second on a fixed schedule: frame i is due at {@code start + i / rate}, and that
     * intended time, not the moment the pacer got to it, is the frame's stamp (coordinated-omission safe). A pacer
     * thread wakes about every 50 µs and hands the frames due to the channel's event loop in one task.
     */
    Generator paced(Channel ch, int rate) {
        Generator g = new Generator();
        Thread pacer = new Thread(() -> {
            long period = 1_000_000_000L / rate;
            long start = System.nanoTime() + 1_000_000;
            long i = 0;
            byte[] digits = new byte[Frames.STAMP_DIGITS];
            while (!g.stopped && ch.isActive()) {
                long now = System.nanoTime();
                List<ByteBuf> due = null;
                long intended;
                while ((intended = start + i * period) <= now) {
                    int k = (int) (i % wire.length);
                    ByteBuf b = ch.alloc().directBuffer(wire[k].length).writeBytes(wire[k]);
                    stamp(intended - NANO_BASE + Frames.STAMP_BASE, digits);
                    b.setBytes(stampAt[k], digits);
                    if (due == null) {
                        due = new ArrayList<>();
                    }
                    due.add(b);
                    i++;
                }
                if (due != null) {
                    List<ByteBuf> batch = due;
                    g.sent.addAndGet(batch.size());
                    ch.eventLoop().execute(() -> {
                        for (ByteBuf b : batch) {
                            ch.write(b, ch.voidPromise());
                        }
                        ch.flush();
                    });
                }
                LockSupport.parkNanos(50_000);
            }
        }, THREAD_PREFIX + "-pacer");
        pacer.setDaemon(true);
        pacer.start();
        g.thread = pacer;
        return g;
    }

    private static void stamp(long value, byte[] digits) {
        for (int i = digits.length - 1; i >= 0; i--) {
            digits[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** A server-to-client (unmasked) binary frame, FIN set. */
    private static byte[] encodeBinaryFrame(byte[] payload) {
        int header = payload.length < 126 ? 2 : payload.length < 65536 ? 4 : 10;
        byte[] f = new byte[header + payload.length];
        f[0] = (byte) 0x82;
        if (header == 2) {
            f[1] = (byte) payload.length;
        } else if (header == 4) {
            f[1] = 126;
            f[2] = (byte) (payload.length >>> 8);
            f[3] = (byte) payload.length;
        } else {
            f[1] = 127;
            for (int i = 0; i < 8; i++) {
                f[2 + i] = (byte) ((long) payload.length >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, f, header, payload.length);
        return f;
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** A running generator. */
    static final class Generator {
        volatile boolean stopped;
        final AtomicLong sent = new AtomicLong();
        Thread thread;
        Runnable onStop;

        void stop() throws InterruptedException {
            stopped = true;
            if (thread != null) {
                thread.join(2000);
            }
            if (onStop != null) {
                onStop.run();
            }
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                accepted.add(ctx.channel());
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame) {
                textFramesReceived.incrementAndGet();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            Runnable pump = ctx.channel().attr(PUMP).get();
            if (pump != null && ctx.channel().isWritable()) {
                pump.run();
            }
            super.channelWritabilityChanged(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
