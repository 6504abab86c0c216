package io.camelupbit.wire;

import java.nio.charset.StandardCharsets;

/**
 * A frame that is not well-formed JSON or not an object or a list. Carries a short excerpt of the frame for the log,
 * unless the frame may hold private data.
 */
public final class FrameDecodingException extends Exception {

    static final int EXCERPT_LENGTH = 120;

    FrameDecodingException(String reason, byte[] data, int offset, int length, boolean quote, Throwable cause) {
        super(reason + (quote ? " in frame: " + excerpt(data, offset, length) : " in a frame of " + length + " bytes"),
                cause);
    }

    private static String excerpt(byte[] data, int offset, int length) {
        int shown = Math.min(length, EXCERPT_LENGTH);
        String text = new String(data, offset, shown, StandardCharsets.UTF_8);
        return shown < length ? text + "... (" + length + " bytes)" : text;
    }
}
