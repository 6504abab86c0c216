package io.camelupbit.test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
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

    /** The HTTP status with which the handshake was refused (fails if it was accepted). */
    static int refusedStatus(String url, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        try {
            WebSocket ws = builder.buildAsync(URI.create(url), new WebSocket.Listener() { })
                    .orTimeout(10, TimeUnit.SECONDS).join();
            ws.abort();
            return fail("handshake to " + url + " was accepted");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
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
