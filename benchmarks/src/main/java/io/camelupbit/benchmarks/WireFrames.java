package io.camelupbit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;

/**
 * The generator's frames, encoded once: per market code a server-to-client binary WebSocket frame (header included)
 * whose payload carries a {@link Frames#STAMP_DIGITS}-digit stamp placeholder, and where that stamp lies, so that
 * sending a frame is a copy and a 19-byte patch.
 */
final class WireFrames {

    private final byte[][] wire;
    private final int[] stampAt;
    private final Map<String, Integer> indexOf = new HashMap<>();

    /** @param payloads one frame text per code, in the same order, each with {@link Frames#placeholderStamp()} */
    WireFrames(List<String> codes, List<String> payloads) {
        wire = new byte[payloads.size()][];
        stampAt = new int[payloads.size()];
        for (int i = 0; i < wire.length; i++) {
            byte[] payload = payloads.get(i).getBytes(StandardCharsets.UTF_8);
            wire[i] = encodeBinaryFrame(payload);
            int at = payloads.get(i).indexOf(Frames.placeholderStamp());
            if (at < 0) {
                throw new IllegalArgumentException("frame of " + codes.get(i) + " has no stamp placeholder");
            }
            // the placeholder is ASCII, so its char index is its byte index
            stampAt[i] = wire[i].length - payload.length + at;
            indexOf.put(codes.get(i), i);
        }
    }

    int size() {
        return wire.length;
    }

    int length(int frame) {
        return wire[frame].length;
    }

    /**
     * The frames a connection subscribed to, in this set's order whatever the order of the codes: two connections
     * with the same codes get the same sequence. Codes without a frame are left out.
     */
    Subscription subscription(Collection<String> codes) {
        boolean[] has = new boolean[wire.length];
        for (String code : codes) {
            Integer i = indexOf.get(code);
            if (i != null) {
                has[i] = true;
            }
        }
        int n = 0;
        for (boolean h : has) {
            n += h ? 1 : 0;
        }
        int[] order = new int[n];
        for (int i = 0, j = 0; i < has.length; i++) {
            if (has[i]) {
                order[j++] = i;
            }
        }
        return new Subscription(order, has);
    }

    /** Appends frame {@code frame} to {@code to} with {@code stamp} (its digits) in place of the placeholder. */
    void writeStamped(int frame, byte[] stamp, ByteBuf to) {
        int start = to.writerIndex();
        to.writeBytes(wire[frame]);
        to.setBytes(start + stampAt[frame], stamp);
    }

    /** {@code value} as {@link Frames#STAMP_DIGITS} decimal digits. */
    static void digits(long value, byte[] digits) {
        for (int i = digits.length - 1; i >= 0; i--) {
            digits[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Adds one to a stamp's digits in place: a stamp per frame without a division per digit. */
    static void increment(byte[] digits) {
        int i = digits.length - 1;
        while (digits[i] == '9') {
            digits[i--] = '0';
        }
        digits[i]++;
    }

    /** A server-to-client (unmasked) binary frame, FIN set. */
    private static byte[] encodeBinaryFrame(byte[] payload) {
        int header = payload.length < 126 ? 2 : payload.length < 65536 ? 4 : 10;
        byte[] f = new byte[header + payload.length];
        f[0] = (byte) 0x82;
        if (header == 2) {
            f[1] = (byte) payload.length;
        } else if (header == 4) {
            f[1] = 126;
            f[2] = (byte) (payload.length >>> 8);
            f[3] = (byte) payload.length;
        } else {
            f[1] = 127;
            for (int i = 0; i < 8; i++) {
                f[2 + i] = (byte) ((long) payload.length >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, f, header, payload.length);
        return f;
    }

    /**
     * What one connection asked for: the indices of its frames in send order, and membership by index.
     *
     * @param order the subscribed frames, in {@link WireFrames} order
     * @param has   per frame index, whether it is subscribed
     */
    record Subscription(int[] order, boolean[] has) {
    }
}
