package io.camelupbit.test;

import java.time.Instant;

/** The candle periods Upbit streams ({@code candle.1s} to {@code candle.240m}, upbit-protocol.md §2.2). */
enum CandleUnit {
    S1("candle.1s", 1),
    M1("candle.1m", 60),
    M3("candle.3m", 180),
    M5("candle.5m", 300),
    M10("candle.10m", 600),
    M15("candle.15m", 900),
    M30("candle.30m", 1800),
    M60("candle.60m", 3600),
    M240("candle.240m", 14400);

    private final String type;
    private final long seconds;

    CandleUnit(String type, long seconds) {
        this.type = type;
        this.seconds = seconds;
    }

    /** The data type name, e.g. {@code candle.1m} (case-sensitive). */
    String type() {
        return type;
    }

    /** The start of the period holding this instant; periods are aligned to the epoch, so to 00:00 UTC. */
    Instant periodStart(Instant t) {
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
    }

    /** The unit of this type name, or {@code null} when it is no candle type. */
    static CandleUnit ofType(String type) {
        for (CandleUnit u : values()) {
            if (u.type.equals(type)) {
                return u;
            }
        }
        return null;
    }
}
