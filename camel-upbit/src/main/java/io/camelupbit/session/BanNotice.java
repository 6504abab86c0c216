package io.camelupbit.session;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ban length a 418 answer states in its body. Upbit's docs say a 418 comes "with the block time"
 * (https://docs.upbit.com/kr/docs/rate-limits) but not in what form, so this reads the forms a person would write, in
 * Korean or English ({@code 600초}, {@code 10분}, {@code 1시간}, {@code 600 seconds}, {@code 10 minutes},
 * {@code 1 hour}), anywhere in the body, JSON or text, and takes the longest. A number without a unit counts for
 * nothing: it could be an IP address or an error code.
 */
final class BanNotice {

    /** Only the start of a body is read: a ban notice is short, and a body may be anything. */
    static final int MAX_BODY = 4096;

    private static final Pattern DURATION = Pattern.compile(
            "(\\d{1,9})\\s*(초|분|시간|seconds?\\b|secs?\\b|minutes?\\b|mins?\\b|hours?\\b)",
            Pattern.CASE_INSENSITIVE);

    private BanNotice() {
    }

    /** The longest duration the body states, in milliseconds; 0 when it states none. */
    static long statedMillis(String body) {
        if (body == null || body.isEmpty()) {
            return 0;
        }
        Matcher m = DURATION.matcher(body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body);
        long longest = 0;
        while (m.find()) {
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            TimeUnit in = unit.equals("시간") || unit.startsWith("hour") ? TimeUnit.HOURS
                    : unit.equals("분") || unit.startsWith("min") ? TimeUnit.MINUTES : TimeUnit.SECONDS;
            longest = Math.max(longest, in.toMillis(amount));
        }
        return longest;
    }
}
