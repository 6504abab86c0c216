package io.camelupbit.wire;

import io.camelupbit.event.UpbitEvent;

/** Receives what a {@link FrameDecoder} found in one frame, in frame order. */
public interface FrameListener {

    /**
     * Whether {@link #onEvent} needs the item's byte range; when false the decoder skips working it out and passes
     * an offset of -1.
     */
    default boolean wantsItemBytes() {
        return true;
    }

    /**
     * A data item decoded into its typed event.
     *
     * @param event  the event
     * @param frame  the frame's bytes; valid only during this call (the buffer is reused)
     * @param offset where the item's JSON object starts in {@code frame}
     * @param length the length of the item's JSON object
     */
    void onEvent(UpbitEvent event, byte[] frame, int offset, int length);

    /** A status frame, e.g. {@code {"status":"UP"}}. */
    void onStatus(String status);

    /** An error frame. */
    void onError(UpbitError error);

    /** The answer to a {@code LIST_SUBSCRIPTIONS} request. */
    void onSubscriptionList(SubscriptionList list);

    /** An item this version does not decode: an unknown type, a response to a method, an unknown shape. */
    void onIgnored(String what);
}
