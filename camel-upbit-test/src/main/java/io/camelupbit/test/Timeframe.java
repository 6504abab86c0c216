package io.camelupbit.test;

import java.time.Duration;
import java.time.Instant;

/**
 * The candle units of {@code indicator} and {@code indicator_signal} ({@code timeframe}). Periods are aligned to the
 * epoch, so to 00:00 UTC: a {@code 1d} candle runs from 00:00 to 24:00 UTC.
 */
enum Timeframe {
    M5("5m", 300, CandleUnit.M5),
    M15("15m", 900, CandleUnit.M15),
    M60("60m", 3600, CandleUnit.M60),
    M240("240m", 14400, CandleUnit.M240),
    D1("1d", 86400, null);

    private final String wireName;
    private final long seconds;
    private final CandleUnit candleUnit;

    Timeframe(String wireName, long seconds, CandleUnit candleUnit) {
        this.wireName = wireName;
        this.seconds = seconds;
        this.candleUnit = candleUnit;
    }

    /** The name on the wire, e.g. {@code 5m}. */
    String wireName() {
        return wireName;
    }

    Duration length() {
        return Duration.ofSeconds(seconds);
    }

    /** The market's candle unit of the same length, whose bars give a period's close; {@code null} for 1d. */
    CandleUnit candleUnit() {
        return candleUnit;
    }

    /** The start of the period holding this instant. */
    Instant periodStart(Instant t) {
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
    }

    /** The timeframe of this exact name, or {@code null}. */
    static Timeframe byName(String name) {
        for (Timeframe t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
