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

    /**
     * An item that cannot be delivered: one of its keys (type, market, time, stream type, orderbook level or its id)
     * is missing or malformed. The frame's other items are read on.
     *
     * @param type    the item's type; {@code null} when that is what is missing or malformed
     * @param index   the item's position in its frame (0 for a frame of one object)
     * @param problem the field and what is wrong with it; never quotes the frame
     */
    default void onMalformedItem(String type, int index, String problem) {
    }

    /**
     * A field of a deliverable item that is malformed: it reads as {@code null} in the event, which follows.
     *
     * @param type    the item's type
     * @param field   the field's DEFAULT name ({@code list.field} inside a list)
     * @param problem what is wrong; never quotes the frame
     */
    default void onFieldError(String type, String field, String problem) {
    }

    /** An item this version does not decode: an unknown type, a response to a method, an unknown shape. */
    void onIgnored(String what);
}
