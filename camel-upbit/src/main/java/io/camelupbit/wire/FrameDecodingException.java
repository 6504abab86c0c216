package io.camelupbit.wire;

import java.nio.charset.StandardCharsets;

/** A frame that is not what Upbit sends. Carries a short excerpt of the frame for the log. */
public final class FrameDecodingException extends Exception {

    static final int EXCERPT_LENGTH = 120;

    FrameDecodingException(String reason, byte[] data, int offset, int length, Throwable cause) {
        super(reason + " in frame: " + excerpt(data, offset, length), cause);
    }

    private static String excerpt(byte[] data, int offset, int length) {
        int shown = Math.min(length, EXCERPT_LENGTH);
        String text = new String(data, offset, shown, StandardCharsets.UTF_8);
        return shown < length ? text + "... (" + length + " bytes)" : text;
    }
}
