package io.camelupbit.test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A test client over the JDK's {@link WebSocket} (no Origin header unless asked, no permessage-deflate): collects
 * every complete message with its frame kind, and the close status.
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    /** One complete message received. */
    record Frame(boolean binary, String text) {
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeStatus = new CompletableFuture<>();
    private final StringBuilder textParts = new StringBuilder();
    private final ByteArrayOutputStream binaryParts = new ByteArrayOutputStream();
    private WebSocket socket;

    static WsClient connect(String url) {
        return connect(url, Map.of());
    }

    static WsClient connect(String url, Map<String, String> headers) {
        return connect(url, headers, HttpClient.newHttpClient());
    }

    static WsClient connect(String url, Map<String, String> headers, HttpClient http) {
        WsClient client = new WsClient();
        WebSocket.Builder builder = http.newWebSocketBuilder();
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(URI.create(url), client).orTimeout(10, TimeUnit.SECONDS).join();
        return client;
    }

    /** Starts the handshake and returns at once: the future completes when the upgrade does (or fails). */
    static CompletableFuture<WsClient> connectAsync(String url) {
        WsClient client = new WsClient();
        return HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), client)
                .thenApply(ws -> {
                    client.socket = ws;
                    return client;
                });
    }

    /** The HTTP status with which the handshake was refused (fails if it was accepted). */
    static int refusedStatus(String url, Map<String, String> headers) {
        return refusedResponse(url, headers).statusCode();
    }

    /** The HTTP response with which the handshake was refused, as the JDK client saw it (fails if accepted). */
    static HttpResponse<?> refusedResponse(String url, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        try {
            WebSocket ws = builder.buildAsync(URI.create(url), new WebSocket.Listener() { })
                    .orTimeout(10, TimeUnit.SECONDS).join();
            ws.abort();
            return fail("handshake to " + url + " was accepted");
        } catch (CompletionException e) {
            return handshakeRefusal(e);
        }
    }

    /** The refusal response inside a failed handshake's exception (fails if it failed otherwise). */
    static HttpResponse<?> handshakeRefusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException || failure instanceof ExecutionException
                ? failure.getCause() : failure;
        assertThat(cause).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) cause).getResponse();
    }

    WsClient send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
        return this;
    }

    /** The next message (fails after a generous timeout). */
    Frame next() {
        try {
            Frame f = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (f == null) {
                fail("no message within " + WAIT);
            }
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message whose text matches, skipping others. */
    Frame next(Predicate<String> matching) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Frame f = next();
            if (matching.test(f.text())) {
                return f;
            }
        }
        return fail("no matching message within " + WAIT);
    }

    /** The next n messages. */
    List<Frame> next(int n) {
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    /** Sends a WebSocket ping frame with this (short) payload. */
    WsClient ping(String payload) {
        socket.sendPing(ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)))
                .orTimeout(10, TimeUnit.SECONDS).join();
        return this;
    }

    /** The payload of the next pong frame (fails after a generous timeout). */
    String nextPong() {
        try {
            String pong = pongs.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return pong != null ? pong : fail("no pong within " + WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Pong payloads received and not yet taken. */
    List<String> drainPongs() {
        List<String> out = new ArrayList<>();
        pongs.drainTo(out);
        return out;
    }

    /** Messages received and not yet taken. */
    List<Frame> drain() {
        List<Frame> out = new ArrayList<>();
        frames.drainTo(out);
        return out;
    }

    CompletableFuture<Integer> closeStatus() {
        return closeStatus;
    }

    int awaitClose() {
        return closeStatus.orTimeout(10, TimeUnit.SECONDS).join();
    }

    WebSocket socket() {
        return socket;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        textParts.append(data);
        if (last) {
            frames.add(new Frame(false, textParts.toString()));
            textParts.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binaryParts.writeBytes(bytes);
        if (last) {
            frames.add(new Frame(true, binaryParts.toString(StandardCharsets.UTF_8)));
            binaryParts.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        pongs.add(new String(bytes, StandardCharsets.UTF_8));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeStatus.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeStatus.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
