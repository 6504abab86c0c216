package io.camelupbit.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import io.camelupbit.event.UpbitEvent;

/**
 * The frames a channel's lines decoded lately, by their bytes: a frame byte for byte equal to one decoded before (the
 * same event on another redundant connection) replays that decoding's events instead of decoding again. Decoding is a
 * function of the bytes alone and events are immutable, so a replay reports exactly what a decoding would, at a
 * fraction of its cost (a hash and a comparison of the bytes).
 * <p>
 * Only frames that decoded into events and nothing else are kept (no status, error, malformed item or field): the
 * rest decode every time. A direct-mapped table of {@link #SLOTS} frames, each slot overwritten by the next frame that
 * hashes to it: a copy that comes after its slot was reused is decoded, never mistaken, since a replay needs equal
 * bytes. Memory: about {@code SLOTS} times the frame size (Upbit's ticker frames are about 1 KB: 2 MB). Not
 * thread-safe: the lines of one channel share it on their event loop.
 */
public final class RecentFrames {

    /** Frames kept: copies arrive within a few hundred frames of each other while their lines keep pace. */
    static final int SLOTS = 2048;
    /** Events of one frame kept (a list frame holds more); a longer frame is decoded every time. */
    static final int MAX_EVENTS = 16;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final Slot[] slots = new Slot[SLOTS];
    private final Recorder recorder = new Recorder();
    /** Written on the channel's event loop, read by tooling. */
    private volatile long replayed;

    /**
     * Reports the frame's items to the listener: replayed when an equal frame was decoded lately and its item bytes
     * are known as far as the listener wants them, decoded by {@code decoder} (and kept) otherwise.
     *
     * @throws FrameDecodingException as {@link FrameDecoder#decode} does
     */
    public void decode(FrameDecoder decoder, byte[] data, int offset, int length, FrameListener listener)
            throws FrameDecodingException {
        int hash = hash(data, offset, length);
        int index = hash & (SLOTS - 1);
        Slot slot = slots[index];
        if (slot != null && slot.matches(hash, data, offset, length)
                && (slot.itemOffsets[0] >= 0 || !listener.wantsItemBytes())) {
            replayed = replayed + 1;
            slot.replay(data, offset, listener);
            return;
        }
        recorder.start(listener, offset);
        try {
            decoder.decode(data, offset, length, recorder);
        } finally {
            recorder.listener = null;
        }
        if (recorder.keepable()) {
            if (slot == null) {
                slot = new Slot();
                slots[index] = slot;
            }
            slot.keep(hash, data, offset, length, recorder);
        }
    }

    /** Frames replayed instead of decoded since this was made. */
    public long replayed() {
        return replayed;
    }

    /** A 32-bit hash of all the bytes, eight at a time. */
    static int hash(byte[] data, int offset, int length) {
        long h = length * MIX;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            h = Long.rotateLeft((h ^ (long) LONGS.get(data, offset + i)) * MIX, 31);
        }
        for (; i < length; i++) {
            h = (h ^ data[offset + i]) * MIX;
        }
        h ^= h >>> 32;
        return (int) (h ^ h >>> 16);
    }

    /** One kept frame: its bytes and the events it decoded into, with where each item lies in it. */
    private static final class Slot {
        int hash;
        int length = -1;
        byte[] bytes = new byte[0];
        final UpbitEvent[] events = new UpbitEvent[MAX_EVENTS];
        /** Item start relative to the frame's first byte; -1 when the decoding did not work it out. */
        final int[] itemOffsets = new int[MAX_EVENTS];
        final int[] itemLengths = new int[MAX_EVENTS];
        int count;

        boolean matches(int hash, byte[] data, int offset, int length) {
            return this.hash == hash && this.length == length
                    && Arrays.equals(bytes, 0, length, data, offset, offset + length);
        }

        void keep(int hash, byte[] data, int offset, int length, Recorder recorder) {
            if (bytes.length < length) {
                bytes = new byte[length];
            }
            System.arraycopy(data, offset, bytes, 0, length);
            if (recorder.count < count) {
                Arrays.fill(events, recorder.count, count, null);
            }
            System.arraycopy(recorder.events, 0, events, 0, recorder.count);
            System.arraycopy(recorder.itemOffsets, 0, itemOffsets, 0, recorder.count);
            System.arraycopy(recorder.itemLengths, 0, itemLengths, 0, recorder.count);
            Arrays.fill(recorder.events, 0, recorder.count, null);
            this.count = recorder.count;
            this.hash = hash;
            this.length = length;
        }

        void replay(byte[] data, int offset, FrameListener listener) {
            for (int i = 0; i < count; i++) {
                int at = itemOffsets[i];
                listener.onEvent(events[i], data, at < 0 ? -1 : offset + at, itemLengths[i]);
            }
        }
    }

    /** Passes a decoding on to the listener and notes whether the frame held events and nothing else. */
    private static final class Recorder implements FrameListener {
        FrameListener listener;
        int frameOffset;
        final UpbitEvent[] events = new UpbitEvent[MAX_EVENTS];
        final int[] itemOffsets = new int[MAX_EVENTS];
        final int[] itemLengths = new int[MAX_EVENTS];
        int count;
        boolean other;

        void start(FrameListener listener, int frameOffset) {
            this.listener = listener;
            this.frameOffset = frameOffset;
            Arrays.fill(events, 0, count, null);
            count = 0;
            other = false;
        }

        boolean keepable() {
            return !other && count > 0;
        }

        @Override
        public boolean wantsItemBytes() {
            return listener.wantsItemBytes();
        }

        @Override
        public void onEvent(UpbitEvent event, byte[] frame, int offset, int length) {
            if (count < MAX_EVENTS) {
                events[count] = event;
                itemOffsets[count] = offset < 0 ? -1 : offset - frameOffset;
                itemLengths[count] = length;
                count++;
            } else {
                other = true;
            }
            listener.onEvent(event, frame, offset, length);
        }

        @Override
        public void onStatus(String status) {
            other = true;
            listener.onStatus(status);
        }

        @Override
        public void onError(UpbitError error) {
            other = true;
            listener.onError(error);
        }

        @Override
        public void onSubscriptionList(SubscriptionList list) {
            other = true;
            listener.onSubscriptionList(list);
        }

        @Override
        public void onMalformedItem(String type, int index, String problem) {
            other = true;
            listener.onMalformedItem(type, index, problem);
        }

        @Override
        public void onFieldError(String type, String field, String problem) {
            other = true;
            listener.onFieldError(type, field, problem);
        }

        @Override
        public void onIgnored(String what) {
            other = true;
            listener.onIgnored(what);
        }
    }
}
