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
    /** The slots written since the last clear, so that clearing costs the fields an item has, not all of them. */
    private final int[] written = new int[Field.COUNT];
    private int writtenCount;
    /** More writes than slots (an item repeating keys): clear them all. */
    private boolean overflow;

    void clear() {
        if (overflow) {
            Arrays.fill(objects, null);
            Arrays.fill(longSet, false);
            overflow = false;
        } else {
            for (int i = 0; i < writtenCount; i++) {
                objects[written[i]] = null;
                longSet[written[i]] = false;
            }
        }
        writtenCount = 0;
    }

    void putObject(Field field, Object value) {
        objects[field.ordinal()] = value;
        wrote(field);
    }

    void putLong(Field field, long value) {
        longs[field.ordinal()] = value;
        longSet[field.ordinal()] = true;
        wrote(field);
    }

    private void wrote(Field field) {
        if (writtenCount < written.length) {
            written[writtenCount++] = field.ordinal();
        } else {
            overflow = true;
        }
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
