package io.camelupbit.test;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Serves Upbit's REST API on the WebSocket port, as api.upbit.com serves both: a request to a path under
 * {@code /v1/} that is no WebSocket upgrade goes to the {@link RestService}; keep-alive is honoured (HTTP/1.1 by
 * default, {@code Connection: close} ends it). Anything else is passed on to the {@link HandshakeGate}, and from then
 * on the connection is a WebSocket handshake: this handler leaves the pipeline.
 *
 * <p>Answers are JSON ({@code application/json; charset=utf-8}) with {@code Content-Length} and
 * {@code Remaining-Req}; an answer held back by {@link UpbitSimulator#delayRest} is written later on the channel's
 * event loop (a client that pipelines requests gets its answers in order, the delay being the same for all); a
 * dropped answer closes the connection.
 */
final class RestHandler extends ChannelInboundHandlerAdapter {

    private static final String PREFIX = "/v1/";

    private final RestService service;

    RestHandler(RestService service) {
        this.service = service;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request) || !isRest(request)) {
            ctx.pipeline().remove(this);
            ctx.fireChannelRead(msg);
            return;
        }
        RestOutcome outcome;
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        try {
            outcome = service.handle(restRequest(ctx, request));
        } finally {
            request.release();
        }
        if (outcome.dropped()) {
            ctx.close();
            return;
        }
        FullHttpResponse response = response(outcome, keepAlive);
        Duration delay = outcome.delay();
        if (delay.isZero()) {
            write(ctx, response, keepAlive);
        } else {
            ctx.executor().schedule(() -> write(ctx, response, keepAlive), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private static boolean isRest(FullHttpRequest request) {
        return request.decoderResult().isSuccess() && request.uri().startsWith(PREFIX)
                && !request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private static RestRequest restRequest(ChannelHandlerContext ctx, FullHttpRequest request) {
        String uri = request.uri();
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        String query = question < 0 ? "" : uri.substring(question + 1);
        String clientIp = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
        return new RestRequest(request.method().name(), path, query,
                request.content().toString(StandardCharsets.UTF_8),
                request.headers().get(HttpHeaderNames.AUTHORIZATION), clientIp);
    }

    private static FullHttpResponse response(RestOutcome outcome, boolean keepAlive) {
        RestResponse answer = outcome.response();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()),
                Unpooled.copiedBuffer(answer.json(), StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        if (outcome.remainingReq() != null) {
            response.headers().set("Remaining-Req", outcome.remainingReq());
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        return response;
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
