package io.camelupbit.wire;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The values of one decoded object, stored by {@link Field} slot. Reused for every object a decoder reads, so
 * decoding allocates only the values themselves. An absent field and a JSON {@code null} both read as {@code null}.
 */
final class FieldSlots {

    private final Object[] objects = new Object[Field.COUNT];
    private final long[] longs = new long[Field.COUNT];
    private final boolean[] longSet = new boolean[Field.COUNT];

    void clear() {
        Arrays.fill(objects, null);
        Arrays.fill(longSet, false);
    }

    void putObject(Field field, Object value) {
        objects[field.ordinal()] = value;
    }

    void putLong(Field field, long value) {
        longs[field.ordinal()] = value;
        longSet[field.ordinal()] = true;
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

    @SuppressWarnings("unchecked")
    <T> T object(Field field) {
        return (T) objects[field.ordinal()];
    }

    /** Whether a number was read into this long field. */
    boolean hasLong(Field field) {
        return longSet[field.ordinal()];
    }

    long longValue(Field field) {
        return longs[field.ordinal()];
    }

    /** The long, {@code null} when absent or JSON {@code null}. */
    Long boxedLong(Field field) {
        return longSet[field.ordinal()] ? longs[field.ordinal()] : null;
    }
}
