package io.camelupbit.test;

/** Upbit's {@code format} values (upbit-protocol.md §2.4): full or abbreviated keys, object or array payload. */
enum Format {
    DEFAULT(false, false),
    SIMPLE(true, false),
    JSON_LIST(false, true),
    SIMPLE_LIST(true, true);

    private final boolean simpleKeys;
    private final boolean list;

    Format(boolean simpleKeys, boolean list) {
        this.simpleKeys = simpleKeys;
        this.list = list;
    }

    boolean simpleKeys() {
        return simpleKeys;
    }

    /** Whether data frames carry an array of one or more items. */
    boolean list() {
        return list;
    }

    /** The format of this exact (case-sensitive) name, or {@code null}. */
    static Format byName(String name) {
        for (Format f : values()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
