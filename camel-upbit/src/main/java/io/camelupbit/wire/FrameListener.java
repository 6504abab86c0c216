package io.camelupbit.wire;

import io.camelupbit.event.UpbitEvent;

/** Receives what a {@link FrameDecoder} found in one frame, in frame order. */
public interface FrameListener {

    /** A data item decoded into its typed event. */
    void onEvent(UpbitEvent event);

    /** A status frame, e.g. {@code {"status":"UP"}}. */
    void onStatus(String status);

    /** An error frame. */
    void onError(UpbitError error);

    /** An item this version does not decode (a data type not supported yet, or an unknown frame shape). */
    void onIgnored(String what);
}
