package io.camelupbit.wire;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses Upbit's date and time texts straight from the parser's characters: no {@code String}, no formatter, nothing
 * allocated but the result (dates come from the decoder's {@link DateCache}). The ticker writes {@code yyyyMMdd} /
 * {@code HHmmss}, the trade {@code yyyy-MM-dd} / {@code HH:mm:ss}, the candle {@code yyyy-MM-dd'T'HH:mm:ss}.
 * Errors never quote the text: it may come from a private frame.
 */
final class TimeText {

    private TimeText() {
    }

    /**
     * {@code yyyyMMdd} or {@code yyyy-MM-dd}, or an ISO-like date-time whose date part is {@code yyyy-MM-dd}
     * ({@code 2030-01-15T00:00:00}, with or without an offset): Upbit's docs give {@code delisting_date} no format.
     */
    static LocalDate date(char[] text, int offset, int length, DateCache dates) {
        if (length > 10 && (text[offset + 10] == 'T' || text[offset + 10] == ' ')) {
            return date(text, offset, 10, dates);
        }
        return switch (length) {
            case 8 -> dates.date(digits(text, offset, 4), digits(text, offset + 4, 2),
                    digits(text, offset + 6, 2));
            case 10 -> {
                expect(text, offset, length, 4, '-');
                expect(text, offset, length, 7, '-');
                yield dates.date(digits(text, offset, 4), digits(text, offset + 5, 2),
                        digits(text, offset + 8, 2));
            }
            default -> throw new IllegalArgumentException("must be a date (yyyyMMdd or yyyy-MM-dd)");
        };
    }

    /** {@code HHmmss} or {@code HH:mm:ss}. */
    static LocalTime time(char[] text, int offset, int length) {
        return switch (length) {
            case 6 -> LocalTime.of(digits(text, offset, 2), digits(text, offset + 2, 2),
                    digits(text, offset + 4, 2));
            case 8 -> {
                expect(text, offset, length, 2, ':');
                expect(text, offset, length, 5, ':');
                yield LocalTime.of(digits(text, offset, 2), digits(text, offset + 3, 2),
                        digits(text, offset + 6, 2));
            }
            default -> throw new IllegalArgumentException("must be a time (HHmmss or HH:mm:ss)");
        };
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss}. */
    static LocalDateTime dateTime(char[] text, int offset, int length, DateCache dates) {
        if (length != 19 || text[offset + 10] != 'T') {
            throw new IllegalArgumentException("must be a date-time (yyyy-MM-ddTHH:mm:ss)");
        }
        return LocalDateTime.of(date(text, offset, 10, dates), time(text, offset + 11, 8));
    }

    /**
     * An ISO 8601 date-time with its offset ({@code 2026-07-14T16:36:34+09:00}), as announcements carry; rare, so
     * parsed by {@code java.time}, after a length bound.
     */
    static OffsetDateTime offsetDateTime(char[] text, int offset, int length) {
        try {
            if (length <= 40) {
                return OffsetDateTime.parse(new String(text, offset, length));
            }
        } catch (DateTimeParseException e) {
            // reported below, as a text too long to be one
        }
        throw new IllegalArgumentException("must be a date-time with offset (yyyy-MM-ddTHH:mm:ss+hh:mm)");
    }

    private static int digits(char[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("must hold digits where a date or time has them");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void expect(char[] text, int offset, int length, int index, char c) {
        if (text[offset + index] != c) {
            throw new IllegalArgumentException("must have '" + c + "' at " + index);
        }
    }
}
