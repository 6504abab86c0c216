package io.camelupbit.wire;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The values of one decoded object, stored by {@link Field} slot. Reused for every object a decoder reads, so
 * decoding allocates only the values themselves.
 */
final class FieldSlots {

    private final Object[] objects = new Object[Field.COUNT];
    private final long[] longs = new long[Field.COUNT];
    private final boolean[] present = new boolean[Field.COUNT];

    void clear() {
        Arrays.fill(objects, null);
        Arrays.fill(present, false);
    }

    void putObject(Field field, Object value) {
        objects[field.ordinal()] = value;
        present[field.ordinal()] = true;
    }

    void putLong(Field field, long value) {
        longs[field.ordinal()] = value;
        present[field.ordinal()] = true;
    }

    /** Marks a field as sent with a JSON {@code null}. */
    void putNull(Field field) {
        objects[field.ordinal()] = null;
        present[field.ordinal()] = true;
    }

    boolean has(Field field) {
        return present[field.ordinal()];
    }

    String text(Field field) {
        return (String) objects[field.ordinal()];
    }

    BigDecimal decimal(Field field) {
        return (BigDecimal) objects[field.ordinal()];
    }

    Boolean bool(Field field) {
        return (Boolean) objects[field.ordinal()];
    }

    long longValue(Field field) {
        return longs[field.ordinal()];
    }
}
