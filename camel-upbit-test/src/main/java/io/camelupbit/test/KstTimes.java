package io.camelupbit.test;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The times of the REST API: written in Korea Standard Time as Upbit's examples, read as Upbit documents. */
final class KstTimes {

    private static final ZoneOffset KST = ZoneOffset.ofHours(9);
    /** An order's {@code created_at}: {@code 2025-07-04T15:00:00+09:00}. */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    /** A trade's {@code created_at}, six fraction digits: {@code 2025-08-09T16:44:00.597751+09:00}. */
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private KstTimes() {
    }

    static String orderTime(Instant at) {
        return SECONDS.format(at.atOffset(KST));
    }

    static String tradeTime(Instant at) {
        return MICROS.format(at.atOffset(KST));
    }

    /**
     * A {@code start_time} or {@code end_time}: milliseconds since the epoch ({@code 1750741013000}) or ISO 8601
     * with an offset ({@code 2025-06-24T13:56:53+09:00}, {@code Z} too), Upbit's two formats. A time without an
     * offset is refused: its zone would be a guess.
     *
     * @throws RestFailure {@code invalid_parameter} for anything else
     */
    static Instant parse(String name, String text) {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(text));
            } catch (NumberFormatException | DateTimeException e) {
                throw RestFailure.invalid(name + " out of range: " + text);
            }
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw RestFailure.invalid(name + " must be ISO 8601 with an offset or epoch milliseconds: " + text);
        }
    }
}
