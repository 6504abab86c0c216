package io.camelupbit.test;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Looks at each upgrade request before Netty's WebSocket handshake (REST requests under {@code /v1/} never get here:
 * {@link RestHandler} answers them): records it, and refuses it with a plain HTTP
 * response (no upgrade, a short text body with its {@code Content-Length}) when the test queued a refusal
 * ({@link UpbitSimulator#refuseHandshakes}, checked first, for any path), when it is no valid WebSocket upgrade (400,
 * or 426 for another protocol version), the path is unknown (404), the private or info path lacks a valid JWT (401,
 * unless {@link AuthFailure#ERROR_FRAME_INVALID_AUTH} lets it through to fail in-band), or the connect or
 * {@code Origin} limit is exceeded (429). An admitted request gets its connection id and is recorded here, in
 * arrival order, before Netty answers it with 101.
 *
 * <p>The verdict is taken and recorded when the request arrives; the answer may then be held back
 * ({@link HandshakeHold}: delayed or stalled handshakes). While it is held, the idle timeout does not close the
 * socket (the simulator, not the client, is the one keeping it waiting) and anything else arriving is dropped.
 * Removes itself once the request is let through: a WebSocket connection has one handshake.
 */
final class HandshakeGate extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeGate.class);

    private final ServerContext context;
    /** Whether this channel's answer is being held back; only touched on the channel's event loop. */
    private boolean holding;

    HandshakeGate(ServerContext context) {
        this.context = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (holding) {
            // A client that pipelines more bytes behind a request still waiting for its answer gets them ignored.
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!(msg instanceof FullHttpRequest)) {
            ctx.fireChannelRead(msg);
            return;
        }
        FullHttpRequest request = (FullHttpRequest) msg;
        String path = new QueryStringDecoder(request.uri()).path();
        Map<String, List<String>> headers = headerMap(request.headers());
        Instant at = context.settings().wallClock().instant();
        // An injected refusal comes first, as a proxy's or a throttle's would: no token is read, no limit counted.
        HandshakeRefusals.Refusal refusal = context.refusals().next();
        if (refusal == null) {
            HttpResponseStatus status = refusal(ctx, request, path, at);
            refusal = status == null ? null : new HandshakeRefusals.Refusal(status.code(), null, null);
        }
        if (refusal != null) {
            ReferenceCountUtil.release(request);
            context.recorder().handshake(new HandshakeRecord(null, path, headers, refusal.status(), at));
            LOG.debug("Refused handshake to {} with {}", path, refusal);
            HandshakeRefusals.Refusal answer = refusal;
            hold(ctx, () -> refuse(ctx, answer), () -> { });
            return;
        }
        HandshakeRecord accepted = new HandshakeRecord(context.connections().nextId(), path, headers, 101, at);
        context.recorder().handshake(accepted);
        ctx.channel().attr(ChannelAttributes.HANDSHAKE).set(accepted);
        hold(ctx, () -> {
            ctx.pipeline().remove(this);
            ctx.fireChannelRead(request);
        }, () -> ReferenceCountUtil.release(request));
    }

    private void hold(ChannelHandlerContext ctx, Runnable answer, Runnable discard) {
        holding = true;
        context.hold().answer(ctx.channel(), () -> {
            holding = false;
            answer.run();
        }, discard);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (holding && evt instanceof IdleStateEvent) {
            return; // the client is waiting for us: not idle on its part
        }
        super.userEventTriggered(ctx, evt);
    }

    private HttpResponseStatus refusal(ChannelHandlerContext ctx, FullHttpRequest request, String path, Instant at) {
        boolean upgrade = HttpMethod.GET.equals(request.method())
                && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
        if (!upgrade || !request.headers().contains(HttpHeaderNames.SEC_WEBSOCKET_KEY)) {
            return HttpResponseStatus.BAD_REQUEST;
        }
        // Checked here (Netty's handshaker would refuse it too) so that a record of 101 is never wrong.
        if (!"13".equals(request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION))) {
            return HttpResponseStatus.UPGRADE_REQUIRED;
        }
        Endpoint endpoint = Endpoint.ofPath(path);
        if (endpoint == null) {
            return HttpResponseStatus.NOT_FOUND;
        }
        if (endpoint.authenticated()) {
            HandshakeAuthenticator.Result auth = context.authenticator().authenticate(request.headers(), at);
            if (auth.ok()) {
                ctx.channel().attr(ChannelAttributes.ACCESS_KEY).set(auth.accessKey());
            } else if (context.settings().authFailure() == AuthFailure.HTTP_401) {
                LOG.debug("Handshake to {} unauthorized: {}", path, auth.rejection());
                return HttpResponseStatus.UNAUTHORIZED;
            } else {
                // Let it upgrade; the session answers its first message with INVALID_AUTH and closes.
                ctx.channel().attr(ChannelAttributes.AUTH_REJECTION).set(auth.rejection());
            }
        }
        HandshakeLimits.Verdict verdict =
                context.handshakeLimits().admit(request.headers().contains(HttpHeaderNames.ORIGIN));
        if (verdict != HandshakeLimits.Verdict.ADMITTED) {
            context.recorder().rateLimitViolation();
            LOG.debug("Handshake over the limit: {}", verdict);
            return HttpResponseStatus.TOO_MANY_REQUESTS;
        }
        return null;
    }

    private static void refuse(ChannelHandlerContext ctx, HandshakeRefusals.Refusal refusal) {
        HttpResponseStatus status = HttpResponseStatus.valueOf(refusal.status());
        String body = refusal.body() != null ? refusal.body() : status.code() + " " + status.reasonPhrase() + "\n";
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        if (status.equals(HttpResponseStatus.UPGRADE_REQUIRED)) {
            response.headers().set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, "13");
        }
        if (refusal.retryAfter() != null) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, refusal.retryAfter());
        }
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, body.startsWith("{") ? "application/json; charset=UTF-8"
                        : "text/plain; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static Map<String, List<String>> headerMap(HttpHeaders headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            map.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.getValue());
        }
        return map;
    }
}
