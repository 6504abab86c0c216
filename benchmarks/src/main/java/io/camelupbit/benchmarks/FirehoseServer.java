package io.camelupbit.benchmarks;

import java.net.InetSocketAddress;
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
 * The load generator: a minimal WebSocket server on loopback (no permessage-deflate) that sends each connection the
 * pre-encoded binary ticker frames of the codes it subscribed to, as Upbit does (the latest subscribe message
 * replaces the previous one), either as fast as the client reads them ({@link #firehose}) or on a fixed schedule
 * ({@link #paced}). Every frame carries a stamp in its {@code timestamp} field that grows per code and is the same
 * for the same event on every connection: with {@code redundancy} the lines carry the same events, and the
 * receiver's arbitration delivers each once. The generator runs on its own threads ({@link #THREAD_PREFIX}: one event
 * loop, and a pacer when paced) so that its CPU can be told apart from the receiver's.
 */
final class FirehoseServer implements AutoCloseable {

    /** A paced stamp is {@code intended nanoTime - NANO_BASE + STAMP_BASE}, inverted by {@link #sentAt}. */
    static final long NANO_BASE = System.nanoTime();
    static final String PATH = "/websocket/v1";
    static final String THREAD_PREFIX = "bench-server";
    /** Frames per firehose write and flush. */
    private static final int BATCH = 256;

    private static final AttributeKey<WireFrames.Subscription> SUBSCRIPTION = AttributeKey.valueOf("subscription");
    private static final AttributeKey<Runnable> PUMP = AttributeKey.valueOf("pump");

    /**
     * One thread serves every connection: feeding two connections of camel-upbit at their highest rate it used about
     * 0.05 cores, a second thread changed nothing but the noise. Only the transport ceiling can make it the limit.
     */
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(THREAD_PREFIX,
            true), NioIoHandler.newFactory());
    private final BlockingQueue<Channel> accepted = new LinkedBlockingQueue<>();
    /**
     * Connections in the order of their first subscribe message that named a code this server has frames of. Guarded
     * by itself; waiters are woken on every addition.
     */
    private final List<Channel> subscribed = new ArrayList<>();
    private final AtomicInteger textFramesReceived = new AtomicInteger();
    private final Channel server;
    private final WireFrames frames;

    /** @param payloads one ticker text per code, in the order of {@code codes}, each with a stamp placeholder */
    FirehoseServer(List<String> codes, List<String> payloads) throws InterruptedException {
        frames = new WireFrames(codes, payloads);
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
        return "ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + PATH;
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

    /**
     * The first {@code connections} connections that subscribed to codes this server has frames of, once that many
     * did (a later subscribe message still takes effect).
     */
    List<Channel> awaitSubscribed(int connections, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (subscribed) {
            long left;
            while (subscribed.size() < connections && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(subscribed, left);
            }
            if (subscribed.size() < connections) {
                throw new IllegalStateException(subscribed.size() + " of " + connections + " connection(s) "
                        + "subscribed to known codes within " + timeoutMillis + " ms");
            }
            return List.copyOf(subscribed.subList(0, connections));
        }
    }

    /** Intended send time (nanoTime) of a received paced stamp. */
    static long sentAt(long stamp) {
        return stamp - Frames.STAMP_BASE + NANO_BASE;
    }

    /**
     * Sends each connection its subscribed frames as fast as it takes them, round robin over its codes, until the
     * returned handle is stopped: while the channel is writable, {@value #BATCH} frames in one buffer, one flush, so
     * TCP back-pressure from the client is the only brake. The connections run at their own pace; the n-th frame of
     * a connection is stamped {@code STAMP_BASE + n}, so a code's stamps grow and two connections with the same
     * codes carry the same events under the same stamps.
     */
    Generator firehose(List<Channel> channels) {
        Generator g = new Generator();
        List<Channel> pumped = List.copyOf(channels);
        g.onStop = () -> pumped.forEach(ch -> ch.eventLoop().execute(() -> ch.attr(PUMP).set(null)));
        for (Channel ch : pumped) {
            Pump pump = new Pump(ch, g);
            ch.attr(PUMP).set(pump);
            ch.eventLoop().execute(pump);
        }
        return g;
    }

    /**
     * Sends {@code rate} events per second on a fixed schedule: event i is the frame of code {@code i mod codes},
     * due at {@code start + i / rate}, and goes to every connection subscribed to that code (none: skipped); its
     * stamp is that intended time, not the moment the pacer got to it (coordinated-omission safe). A pacer thread
     * wakes about every 50 µs and hands each connection the frames due to it in one task on its event loop.
     */
    Paced paced(List<Channel> channels, int rate) {
        Paced g = new Paced();
        List<Channel> targets = List.copyOf(channels);
        Thread pacer = new Thread(() -> {
            long period = 1_000_000_000L / rate;
            long start = System.nanoTime() + 1_000_000;
            long i = 0;
            byte[] stamp = new byte[Frames.STAMP_DIGITS];
            List<List<ByteBuf>> due = new ArrayList<>();
            targets.forEach(ch -> due.add(new ArrayList<>()));
            while (!g.stopped && targets.stream().allMatch(Channel::isActive)) {
                long now = System.nanoTime();
                long intended;
                while ((intended = start + i * period) <= now) {
                    int k = (int) (i % frames.size());
                    WireFrames.digits(intended - NANO_BASE + Frames.STAMP_BASE, stamp);
                    boolean sent = false;
                    for (int c = 0; c < targets.size(); c++) {
                        Channel ch = targets.get(c);
                        if (ch.attr(SUBSCRIPTION).get().has()[k]) {
                            ByteBuf b = ch.alloc().directBuffer(frames.length(k));
                            frames.writeStamped(k, stamp, b);
                            due.get(c).add(b);
                            sent = true;
                        }
                    }
                    if (sent) {
                        g.events.incrementAndGet();
                    }
                    i++;
                }
                for (int c = 0; c < targets.size(); c++) {
                    if (!due.get(c).isEmpty()) {
                        handOver(targets.get(c), due.get(c), g);
                        due.set(c, new ArrayList<>());
                    }
                }
                LockSupport.parkNanos(50_000);
            }
        }, THREAD_PREFIX + "-pacer");
        pacer.setDaemon(true);
        pacer.start();
        g.thread = pacer;
        return g;
    }

    /** Writes a connection's due frames on its event loop, one flush for all. */
    private static void handOver(Channel ch, List<ByteBuf> batch, Generator g) {
        g.frames.addAndGet(batch.size());
        ch.eventLoop().execute(() -> {
            for (ByteBuf b : batch) {
                ch.write(b, ch.voidPromise());
            }
            ch.flush();
        });
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** A running generator: stop it, read the frames it wrote to all its connections together. */
    static class Generator {
        volatile boolean stopped;
        final AtomicLong frames = new AtomicLong();
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

    /** A paced generator, which also counts events: each once, whatever number of connections it went to. */
    static final class Paced extends Generator {
        final AtomicLong events = new AtomicLong();
    }

    /**
     * One connection's firehose, on the event loop: one batch per run, then runs again while the channel stays
     * writable (the other connections get their turn in between), else when it becomes writable again.
     */
    private final class Pump implements Runnable {
        private final Channel ch;
        private final Generator g;
        private final byte[] stamp = new byte[Frames.STAMP_DIGITS];
        private int next;

        Pump(Channel ch, Generator g) {
            this.ch = ch;
            this.g = g;
            WireFrames.digits(Frames.STAMP_BASE, stamp);
        }

        @Override
        public void run() {
            if (g.stopped || !ch.isActive()) {
                return;
            }
            // read per batch: a later subscribe message takes effect at once
            int[] order = ch.attr(SUBSCRIPTION).get().order();
            if (order.length == 0) {
                ch.eventLoop().schedule(this, 1, TimeUnit.MILLISECONDS);
                return;
            }
            if (next >= order.length) {
                next = 0;
            }
            int size = 0;
            for (int j = 0, at = next; j < BATCH; j++, at = at + 1 == order.length ? 0 : at + 1) {
                size += frames.length(order[at]);
            }
            ByteBuf batch = ch.alloc().directBuffer(size);
            for (int j = 0; j < BATCH; j++) {
                WireFrames.increment(stamp);
                frames.writeStamped(order[next], stamp, batch);
                next = next + 1 == order.length ? 0 : next + 1;
            }
            ch.writeAndFlush(batch, ch.voidPromise());
            g.frames.addAndGet(BATCH);
            if (ch.isWritable()) {
                ch.eventLoop().execute(this);
            }
            // else the handler runs us again when the channel becomes writable
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                ctx.channel().attr(SUBSCRIPTION).set(frames.subscription(List.of()));
                accepted.add(ctx.channel());
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                textFramesReceived.incrementAndGet();
                SubscribeMessage.tickerCodes(text.text()).ifPresent(codes -> {
                    WireFrames.Subscription s = frames.subscription(codes);
                    ctx.channel().attr(SUBSCRIPTION).set(s);
                    if (s.order().length > 0) {
                        synchronized (subscribed) {
                            if (!subscribed.contains(ctx.channel())) {
                                subscribed.add(ctx.channel());
                                subscribed.notifyAll();
                            }
                        }
                    }
                });
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
