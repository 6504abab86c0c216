package io.camelupbit.wire;

/**
 * Canonical strings for the short texts a stream repeats in every item (type, market code, stream type, the enum
 * texts), looked up by the parser's characters so that a repeated value costs no allocation. A slot holds the last
 * text that hashed to it; a miss just makes a new string. One per decoder: not thread-safe.
 */
final class TextCache {

    /** Longer texts are not worth caching (and Upbit's repeated ones are all shorter). */
    static final int MAX_LENGTH = 32;
    private static final int SLOTS = 512;

    private final String[] slots = new String[SLOTS];

    String text(char[] chars, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(chars, offset, length);
        }
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ (hash >>> 9)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && matches(cached, chars, offset, length)) {
            return cached;
        }
        String text = new String(chars, offset, length);
        slots[slot] = text;
        return text;
    }

    private static boolean matches(String text, char[] chars, int offset, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
