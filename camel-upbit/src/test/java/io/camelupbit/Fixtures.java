package io.camelupbit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.Change;
import io.camelupbit.event.MarketState;
import io.camelupbit.event.MarketWarning;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TickerEvent;

/** Fixture frames (src/test/resources/frames) and the events they must decode to. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The fixture frame's text, e.g. {@code frame("ticker-default.json")}. */
    public static String frame(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/frames/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ticker of {@code ticker-default.json} / {@code ticker-simple.json}, written from the frame's text so that
     * every scale matches: {@code new BigDecimal("31883000.00000000")} is not equal to {@code 31883000}.
     */
    public static TickerEvent expectedTicker() {
        return new TickerEvent(
                "KRW-BTC",
                new BigDecimal("31883000"),
                new BigDecimal("32310000"),
                new BigDecimal("31855000"),
                new BigDecimal("32287000"),
                new BigDecimal("31883000.00000000"),
                Change.RISE,
                new BigDecimal("404000.00000000"),
                new BigDecimal("404000.00000000"),
                new BigDecimal("0.0126713295"),
                new BigDecimal("0.0126713295"),
                new BigDecimal("0.03103806"),
                new BigDecimal("2429.58834336"),
                new BigDecimal("7158.80283560"),
                new BigDecimal("78039261076.51241000"),
                new BigDecimal("228827082483.70729000"),
                LocalDate.of(2023, 2, 21),
                LocalTime.of(7, 41, 2),
                1676965262139L,
                AskBid.ASK,
                new BigDecimal("1146.25573608"),
                new BigDecimal("1283.33260728"),
                new BigDecimal("57678000.00000000"),
                LocalDate.of(2022, 3, 28),
                new BigDecimal("20700000.00000000"),
                LocalDate.of(2022, 12, 30),
                MarketState.ACTIVE,
                Boolean.FALSE,
                null,
                MarketWarning.NONE,
                1676965262177L,
                StreamType.REALTIME);
    }
}
