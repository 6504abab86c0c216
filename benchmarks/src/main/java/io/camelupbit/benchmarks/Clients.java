package io.camelupbit.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelupbit.UpbitConsumer;
import io.camelupbit.event.TickerEvent;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** The three receivers of the end-to-end runs: camel-upbit, the hand-written baseline, the transport ceiling. */
final class Clients {

    private Clients() {
    }

    /** A connected client; its threads are known by name so their allocations and CPU can be counted. */
    interface Client extends AutoCloseable {
        /** {@link #deliveryThreads()} of a client that delivers on the threads that read. */
        Predicate<String> NO_THREADS = n -> false;

        String name();

        Receiver receiver();

        /** Whether a thread reads and decodes this client's frames. */
        Predicate<String> ioThreads();

        /** Whether a thread runs this client's routes apart from the readers; {@link #NO_THREADS} when none does. */
        default Predicate<String> deliveryThreads() {
            return NO_THREADS;
        }

        /** Anything about the run worth a line in the log (e.g. frames a redundant line did not decode). */
        default String note() {
            return "";
        }

        /** Whether a thread does this client's work (for allocation and CPU accounting). */
        default Predicate<String> threads() {
            return ioThreads().or(deliveryThreads());
        }
    }

    static String subscribe(List<String> codes) {
        return "[{\"ticket\":\"bench\"},{\"type\":\"ticker\",\"codes\":[\"" + String.join("\",\"", codes)
                + "\"]},{\"format\":\"DEFAULT\"}]";
    }

    /**
     * camel-upbit: {@code from("upbit:ticker?codes=<100 codes>")} into a counting processor, plus
     * {@code extraRoutes} ticker routes on codes the server never sends (they are in the subscription and the index
     * but match no frame).
     */
    static final class Ours implements Client {
        final CamelContext context;
        private final Receiver receiver = new Receiver();

        Ours(String url, List<String> codes, int extraRoutes) throws Exception {
            this(url, codes, extraRoutes, false, Map.of());
        }

        /** One route over {@code codes}, with these {@code upbit} component options (e.g. {@code shards}). */
        Ours(String url, List<String> codes, Map<String, Object> componentOptions) throws Exception {
            this(url, codes, 0, false, componentOptions);
        }

        /** @param pooled Camel's pooled exchange factory (exchanges reused), an experiment for docs/performance.md */
        Ours(String url, List<String> codes, int extraRoutes, boolean pooled) throws Exception {
            this(url, codes, extraRoutes, pooled, Map.of());
        }

        private Ours(String url, List<String> codes, int extraRoutes, boolean pooled,
                Map<String, Object> componentOptions) throws Exception {
            context = EndToEnd.newContext(url, componentOptions);
            if (pooled) {
                context.getCamelContextExtension().setExchangeFactory(
                        new org.apache.camel.impl.engine.PooledExchangeFactory());
            }
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("upbit:ticker?codes=" + String.join(",", codes)).routeId("match")
                            .process(e -> receiver.onEvent(e.getMessage().getBody(TickerEvent.class).timestamp()));
                    for (int i = 0; i < extraRoutes; i++) {
                        from(String.format("upbit:ticker?codes=KRW-N%04d", i)).routeId("other-" + i)
                                .process(e -> {
                                    throw new IllegalStateException("a non-matching route got an event");
                                });
                    }
                }
            });
            context.start();
        }

        @Override
        public String name() {
            return "camel-upbit";
        }

        @Override
        public Receiver receiver() {
            return receiver;
        }

        @Override
        public Predicate<String> ioThreads() {
            return n -> n.startsWith("upbit-io");
        }

        @Override
        public Predicate<String> deliveryThreads() {
            return n -> n.contains("UpbitDelivery");
        }

        @Override
        public String note() {
            UpbitConsumer consumer = (UpbitConsumer) context.getRoute("match").getConsumer();
            return consumer.getLines() < 2 ? "" : String.format(Locale.ROOT, "frames replayed, not decoded: %,d of %,d",
                    consumer.getFramesReplayed(), consumer.getFramesReceived());
        }

        @Override
        public void close() throws Exception {
            context.stop();
        }
    }

    /**
     * The hand-written baseline: JDK {@code java.net.http.WebSocket}, one shared {@code ObjectMapper} reading each
     * message into a {@code Map}, one {@code ProducerTemplate} sending it into a {@code direct:} route with the same
     * counting processor.
     */
    static final class Baseline implements Client {
        private final CamelContext context;
        private final ProducerTemplate template;
        private final ObjectMapper mapper = new ObjectMapper();
        private final Receiver receiver = new Receiver();
        private final WebSocket ws;
        private final HttpClient http;

        Baseline(String url, List<String> codes) throws Exception {
            context = new DefaultCamelContext();
            context.getShutdownStrategy().setTimeout(10);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ticker").routeId("baseline")
                            .process(e -> receiver.onEvent(((Number) e.getMessage().getBody(Map.class)
                                    .get("timestamp")).longValue()));
                }
            });
            context.start();
            template = context.createProducerTemplate();
            http = HttpClient.newHttpClient();
            ws = http.newWebSocketBuilder().buildAsync(URI.create(url), new Listener()).get(10, TimeUnit.SECONDS);
            ws.sendText(subscribe(codes), true);
        }

        private final class Listener implements WebSocket.Listener {
            private byte[] buffer = new byte[4096];
            private int length;

            @Override
            public void onOpen(WebSocket webSocket) {
                webSocket.request(1);
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                int n = data.remaining();
                if (length + n > buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, Math.max(length + n, buffer.length * 2));
                }
                data.get(buffer, length, n);
                length += n;
                if (last) {
                    try {
                        Map<?, ?> map = mapper.readValue(buffer, 0, length, Map.class);
                        template.sendBody("direct:ticker", map);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        length = 0;
                    }
                }
                webSocket.request(1);
                return null;
            }
        }

        @Override
        public String name() {
            return "baseline (JDK WebSocket + Map + ProducerTemplate)";
        }

        @Override
        public Receiver receiver() {
            return receiver;
        }

        /** The JDK client's threads read, decode and run the route: the baseline has no separate delivery. */
        @Override
        public Predicate<String> ioThreads() {
            return n -> n.startsWith("HttpClient");
        }

        @Override
        public void close() throws Exception {
            ws.abort();
            template.close();
            context.stop();
        }
    }

    /** The transport ceiling: a Netty WebSocket client that counts binary frames and decodes nothing. */
    static final class Ceiling implements Client {
        private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("bench-ceiling", true), NioIoHandler.newFactory());
        private final Receiver receiver = new Receiver();
        private final LongAdder frames = new LongAdder();
        private final Channel channel;

        Ceiling(String url, List<String> codes) throws Exception {
            URI uri = URI.create(url);
            String subscribe = subscribe(codes);
            channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                    new WebSocketClientProtocolHandler(WebSocketClientHandshakerFactory.newHandshaker(
                                            uri, WebSocketVersion.V13, null, false, new DefaultHttpHeaders(),
                                            1 << 20)),
                                    new SimpleChannelInboundHandler<WebSocketFrame>() {
                                        @Override
                                        public void userEventTriggered(ChannelHandlerContext ctx, Object evt)
                                                throws Exception {
                                            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent
                                                    .HANDSHAKE_COMPLETE) {
                                                ctx.writeAndFlush(new TextWebSocketFrame(subscribe));
                                            }
                                            super.userEventTriggered(ctx, evt);
                                        }

                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame f) {
                                            if (f instanceof BinaryWebSocketFrame) {
                                                receiver.onEvent(0);
                                            }
                                        }
                                    });
                        }
                    })
                    .connect(uri.getHost(), uri.getPort()).sync().channel();
        }

        @Override
        public String name() {
            return "transport ceiling (Netty, count only)";
        }

        @Override
        public Receiver receiver() {
            return receiver;
        }

        @Override
        public Predicate<String> ioThreads() {
            return n -> n.startsWith("bench-ceiling");
        }

        @Override
        public void close() {
            channel.close().awaitUninterruptibly();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
