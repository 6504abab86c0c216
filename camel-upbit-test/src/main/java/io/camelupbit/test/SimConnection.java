package io.camelupbit.test;

import java.util.List;
import java.util.Set;

/**
 * One open WebSocket connection of the {@link UpbitSimulator}, as seen by a test. Reads return the state at the
 * moment of the call; the writing methods are thread-safe and may be called from any thread.
 */
public interface SimConnection {

    /** {@code "c1"}, {@code "c2"}, ... in accept order. */
    String id();

    /** The request path of the handshake, e.g. {@code /websocket/v1}. */
    String path();

    /** The handshake that opened this connection. */
    HandshakeRecord handshake();

    /** Whether permessage-deflate was agreed on this connection. */
    boolean compressionNegotiated();

    /** The current subscription set, replaced by every accepted subscribe message, in request order. */
    List<Subscription> subscription();

    /** The bare codes (orderbook {@code .N} suffix stripped) of this type in the current subscription set. */
    Set<String> subscribedCodes(String type);

    /** The current format: {@code DEFAULT}, {@code SIMPLE}, {@code JSON_LIST} or {@code SIMPLE_LIST}. */
    String format();

    /** Data frames sent on this connection (market data and pushes; not status, error or list-response frames). */
    int framesSent();

    /**
     * The access key of the private or info connection's valid JWT, or {@code null} on the public path (and on a
     * connection let through after a failed authentication, see {@link AuthFailure#ERROR_FRAME_INVALID_AUTH}).
     */
    String accessKey();

    /**
     * The text of the most recent frames sent on this connection (at most {@value SimSession#SENT_FRAMES_KEPT}),
     * oldest first: data frames, pushes, status, error and list-response frames alike.
     */
    List<String> sentFrames();

    /**
     * The data items written to this connection that are still in the simulator's {@link UpbitSimulator#sentLog()
     * sent log}, oldest first: one per item (a list frame gives several), no pushes, status or error frames. Empty
     * when the log is off; items fallen out of the log's ring or cleared by {@link UpbitSimulator#reset()} are not
     * here.
     */
    List<SentItem> sentItems();

    /**
     * Trades this connection's trade streams never sent because one tick had more than
     * {@link UpbitSimulator.Builder#maxTradesPerTick} due (it got the newest) or they had left the market's history.
     * Not cleared by {@link UpbitSimulator#reset()}.
     */
    long tradesSkipped();

    /** Sends this exact payload as a data frame (binary, or text when the simulator sends data as text). */
    void push(String json);

    /** Sends this exact payload as a text frame. */
    void pushText(String json);

    /**
     * Sends these exact bytes as one frame, text or binary, valid UTF-8 or not: for hostile-input tests (a text frame
     * whose bytes are not UTF-8 cannot be written from a {@code String}).
     */
    void pushBytes(byte[] payload, boolean asText);

    /**
     * Sends these bytes as one message cut into frames of {@code fragmentSize} bytes: a first binary (or text) frame
     * and continuation frames, the last one final only when {@code finish}. For hostile-input tests: a message longer
     * than the client's limit, or one that never ends.
     */
    void pushFragmented(byte[] payload, int fragmentSize, boolean asText, boolean finish);

    /**
     * Fault injection: the connection silently stops streaming this type for this bare code and drops it from its
     * subscription (a {@code LIST_SUBSCRIPTIONS} answer no longer lists it), as a server that lost part of a
     * subscription would. Nothing is sent to say so.
     */
    void forgetSubscription(String type, String code);

    /**
     * Closes the WebSocket with a close frame carrying this status code as is, valid or not (e.g. 999 or 5000, which
     * RFC 6455 forbids), then the TCP connection: for hostile-input tests.
     */
    void closeWithRawStatus(int statusCode);

    /**
     * Closes the WebSocket with this status code and reason (a close frame, then the TCP close). It works on a
     * {@link #goSilent() silent} connection too: it is how a test ends one cleanly.
     */
    void close(int statusCode, String reason);

    /**
     * Fault injection: closes the TCP connection at once with a RST ({@code SO_LINGER} 0), without a WebSocket close
     * frame (or TLS close_notify), discarding anything not yet sent: a crashed server or a broken network path. The
     * client sees the connection end abnormally (close status 1006, or an I/O error). Asynchronous, like
     * {@link #close}: {@link #isOpen()} turns false once the connection's event loop has closed it.
     */
    void dropAbruptly();

    /**
     * Fault injection: the connection becomes half-open. From now on the simulator sends nothing on it (no data, no
     * status or error frames, no pong, no close reply; {@link #push pushes} and account events are dropped too) and
     * ignores every frame that arrives (not recorded in {@link UpbitSimulator#received()}), but keeps TCP open: only
     * a client with its own liveness check (a ping frame answered by no pong) notices. The simulator's idle timeout
     * does not close a silent connection, as a half-open peer would not; the client closing its side, {@link #close},
     * {@link #dropAbruptly()} or stopping the simulator ends it. There is no way back.
     */
    void goSilent();

    /** Whether {@link #goSilent()} was called. */
    boolean isSilent();

    /**
     * WebSocket ping frames received on this connection, counted also while {@link #goSilent() silent} (when they
     * get no pong). Text {@code PING} messages are not counted here; they are in {@link UpbitSimulator#received()}.
     */
    int pingsReceived();

    /** Whether the connection is still open. */
    boolean isOpen();
}
