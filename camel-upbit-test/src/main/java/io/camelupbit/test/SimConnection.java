package io.camelupbit.test;

import java.util.List;
import java.util.Set;

/**
 * One open WebSocket connection of the {@link UpbitSimulator}, as seen by a test. Reads return the state at the
 * moment of the call; the writing methods are thread-safe and may be called from any thread.
 *
 * <p>Identical lines: connections subscribed to the same market data stream (type, code, and for orderbooks level
 * and depth) get the same realtime items, the same objects computed once: the same trades ({@code sequential_id}s)
 * in the same order, the same tickers, books and candles with the same {@code timestamp}s and values. Each
 * connection's stream starts after its own snapshot (or, realtime only, after the market's last trade when it
 * subscribed), so a connection that subscribed later gets a suffix of what an earlier one gets; the snapshots
 * themselves are each connection's own, taken when it subscribed. Private events ({@code myOrder}, {@code myAsset})
 * and notices are the same objects for every connection of the key that takes them, in the same order. The faults
 * below then act on one connection only: {@link #dropAbruptly()}, {@link #close}, {@link #goSilent()} and
 * {@link #resume()}, {@link #dropNextItems(String, int)}, {@link #holdItems()} and {@link #releaseItems()},
 * {@link #forgetSubscription}, and the raw pushes.
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
     * {@link UpbitSimulator.Builder#maxTradesPerTick} due (it got the newest), because the client did not read for
     * so long that more than that many trades were waiting, or because they had left the market's history. Items a
     * fault withheld ({@link #withheldItems()}) are not counted here. Not cleared by {@link UpbitSimulator#reset()}.
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
     * status or error frames, no pong, no close reply; {@link #push pushes} are dropped too) and ignores every frame
     * that arrives (not recorded in {@link UpbitSimulator#received()}), but keeps TCP open: only a client with its
     * own liveness check (a ping frame answered by no pong) notices. The data items that fall due meanwhile (market
     * data, account events, notices, indicators) are not written and not in the {@link UpbitSimulator#sentLog() sent
     * log}: they are recorded in {@link #withheldItems()} with reason {@link WithheldItem.Reason#SILENT}. The
     * simulator's idle timeout does not close a silent connection, as a half-open peer would not; the client closing
     * its side, {@link #close}, {@link #dropAbruptly()} or stopping the simulator ends it, and {@link #resume()}
     * brings it back. Other connections are not affected.
     */
    void goSilent();

    /**
     * Ends a silence begun by {@link #goSilent()}: from now on the connection reads and answers again, and writes
     * the data items that fall due from now on. What fell due while it was silent stays lost to it (see
     * {@link #withheldItems()}): its market data streams go on where the other connections' are (no snapshot, no
     * catching up), and the frames that arrived meanwhile (requests, pings, a close frame) were discarded and are not
     * answered now. Nothing tells the client. Does nothing on a connection that is not silent.
     */
    void resume();

    /** Whether the connection is silent: {@link #goSilent()} was called and {@link #resume()} not since. */
    boolean isSilent();

    /**
     * Fault injection: the next {@code count} data items that fall due on this connection, of any type, are dropped:
     * not written, not in the {@link UpbitSimulator#sentLog() sent log}, recorded in {@link #withheldItems()} with
     * reason {@link WithheldItem.Reason#DROPPED}. Other connections still get them. Calls add up; a count of 0 clears
     * what is left of the any-type count. An item of a type with its own count ({@link #dropNextItems(String, int)})
     * takes from that one first.
     *
     * @throws IllegalArgumentException for a negative count
     */
    void dropNextItems(int count);

    /**
     * Fault injection: the next {@code count} data items of this {@code type} ({@code trade}, {@code ticker},
     * {@code orderbook}, {@code candle.1s}, ..., {@code myOrder}, {@code myAsset}, {@code announcement},
     * {@code indicator}, {@code indicator_signal}) that fall due on this connection are dropped, whatever their code,
     * snapshots included, as {@link #dropNextItems(int)} does; the items of other types are written. In a list
     * format the rest of a frame is written without them. Calls add up; 0 clears this type's count.
     *
     * @throws IllegalArgumentException for a negative count
     */
    void dropNextItems(String type, int count);

    /** How many items {@link #dropNextItems} calls have yet to drop, over all types: 0 once all were dropped. */
    int itemsToDrop();

    /**
     * Fault injection: a lagging line. From now on the data items that fall due on this connection (after any
     * {@link #dropNextItems drop}) are held back in memory, in order, until {@link #releaseItems()}; nothing else is
     * held (pings get their pong, requests their answers, pushes go out). Held items are not in the sent log until
     * they are written. Items held when the connection closes are never written and not recorded anywhere.
     */
    void holdItems();

    /**
     * Writes the items held back since {@link #holdItems()}, in the order they fell due and in the frames they would
     * have had, then writes the items due from then on as they come. Asynchronous: it happens on the connection's
     * event loop, before any item due later; {@link #isHoldingItems()} turns false and {@link #itemsHeld()} 0 once
     * the held items have been written (recorded in the sent log with the time of that write). On a connection that
     * is silent by then they are withheld ({@link WithheldItem.Reason#SILENT}) instead.
     */
    void releaseItems();

    /** Whether items are being held back: {@link #holdItems()} was called and its release not yet done. */
    boolean isHoldingItems();

    /** How many data items are held back now. */
    int itemsHeld();

    /**
     * The data items a fault kept from this client ({@link #goSilent() silence}, {@link #dropNextItems drops}),
     * oldest first: at most the newest {@value ItemGate#WITHHELD_KEPT}. Each was due on this connection (another
     * connection subscribed to the same stream got the same item, with the same key) but was never written. Not
     * cleared by {@link UpbitSimulator#reset()}.
     */
    List<WithheldItem> withheldItems();

    /**
     * How many data items faults have withheld on this connection since it opened, those fallen out of
     * {@link #withheldItems()} included.
     */
    long itemsWithheld();

    /**
     * WebSocket ping frames received on this connection, counted also while {@link #goSilent() silent} (when they
     * get no pong). Text {@code PING} messages are not counted here; they are in {@link UpbitSimulator#received()}.
     */
    int pingsReceived();

    /** Whether the connection is still open. */
    boolean isOpen();
}
