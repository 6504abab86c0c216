package io.camelupbit.benchmarks.proto;

import io.camelupbit.wire.*;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The values of one decoded object, stored by {@link ProtoField} slot. Reused for every object a decoder reads, so
 * decoding allocates only the values themselves. An absent field and a JSON {@code null} both read as {@code null}.
 */
final class ProtoFieldSlots {

    private final Object[] objects = new Object[ProtoField.COUNT];
    private final long[] longs = new long[ProtoField.COUNT];
    private final boolean[] longSet = new boolean[ProtoField.COUNT];

    void clear() {
        Arrays.fill(objects, null);
        Arrays.fill(longSet, false);
    }

    void putObject(ProtoField field, Object value) {
        objects[field.ordinal()] = value;
    }

    void putLong(ProtoField field, long value) {
        longs[field.ordinal()] = value;
        longSet[field.ordinal()] = true;
    }

    String text(ProtoField field) {
        return (String) objects[field.ordinal()];
    }

    BigDecimal decimal(ProtoField field) {
        return (BigDecimal) objects[field.ordinal()];
    }

    Boolean bool(ProtoField field) {
        return (Boolean) objects[field.ordinal()];
    }

    @SuppressWarnings("unchecked")
    <T> T object(ProtoField field) {
        return (T) objects[field.ordinal()];
    }

    /** Whether a number was read into this long field. */
    boolean hasLong(ProtoField field) {
        return longSet[field.ordinal()];
    }

    long longValue(ProtoField field) {
        return longs[field.ordinal()];
    }

    /** The long, {@code null} when absent or JSON {@code null}. */
    Long boxedLong(ProtoField field) {
        return longSet[field.ordinal()] ? longs[field.ordinal()] : null;
    }
}
