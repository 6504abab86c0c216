package io.camelupbit.benchmarks.proto;

import io.camelupbit.wire.*;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Parses Upbit's date and time texts without a formatter (no allocation beyond the result). The ticker writes
 * {@code yyyyMMdd} / {@code HHmmss}, the trade {@code yyyy-MM-dd} / {@code HH:mm:ss}.
 */
final class ProtoTimeText {

    private ProtoTimeText() {
    }

    /** {@code yyyyMMdd} or {@code yyyy-MM-dd}; {@code null} stays {@code null}. */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.length()) {
            case 8 -> LocalDate.of(digits(text, 0, 4), digits(text, 4, 2), digits(text, 6, 2));
            case 10 -> {
                expect(text, 4, '-');
                expect(text, 7, '-');
                yield LocalDate.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
            }
            default -> throw new IllegalArgumentException("not a date: " + text);
        };
    }

    /** {@code HHmmss} or {@code HH:mm:ss}; {@code null} stays {@code null}. */
    static LocalTime time(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.length()) {
            case 6 -> LocalTime.of(digits(text, 0, 2), digits(text, 2, 2), digits(text, 4, 2));
            case 8 -> {
                expect(text, 2, ':');
                expect(text, 5, ':');
                yield LocalTime.of(digits(text, 0, 2), digits(text, 3, 2), digits(text, 6, 2));
            }
            default -> throw new IllegalArgumentException("not a time: " + text);
        };
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i + ": " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void expect(String text, int index, char c) {
        if (text.charAt(index) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + index + ": " + text);
        }
    }
}
