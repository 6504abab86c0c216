package io.camelupbit.test;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The listing status a market's tickers carry (upbit-protocol.md §4.1): {@code market_state}, {@code market_warning},
 * {@code is_trading_suspended} and {@code delisting_date}. It is a label only: the market's trades go on whatever it
 * says, since a client must not depend on it to see data.
 *
 * <p>Upbit documents {@code market_state} {@code PREVIEW} (deposits only), {@code ACTIVE} and {@code DELISTED},
 * {@code market_warning} {@code NONE} and {@code CAUTION} (deprecated, like {@code is_trading_suspended}), and
 * {@code delisting_date} as a nullable "Date" without a format; the simulator writes {@code yyyy-MM-dd}, the form
 * of the ticker's other dates. Other strings are accepted on purpose, so that a test can check how a client treats
 * a value Upbit has not documented.
 *
 * <p>By default the well-known markets (KRW-BTC, KRW-ETH, KRW-XRP, KRW-SOL, KRW-DOGE) are {@link #ACTIVE}; every
 * other market gets a status derived from the seed and its code, fixed for the run: some carry {@code CAUTION},
 * some are {@code PREVIEW} or {@code DELISTED}, some have a delisting date (past for a delisted market, ahead for
 * an active one), some are suspended. {@link UpbitSimulator.Builder#marketStatus} sets a market's status instead.
 *
 * @param marketState      {@code PREVIEW}, {@code ACTIVE} or {@code DELISTED}
 * @param marketWarning    {@code NONE} or {@code CAUTION}
 * @param tradingSuspended {@code is_trading_suspended}
 * @param delistingDate    {@code delisting_date}, e.g. {@code 2026-12-01}, or {@code null} (none scheduled)
 */
public record MarketStatus(String marketState, String marketWarning, boolean tradingSuspended,
                           String delistingDate) {

    /** A listed market in good standing: {@code ACTIVE}, {@code NONE}, not suspended, no delisting date. */
    public static final MarketStatus ACTIVE = new MarketStatus("ACTIVE", "NONE", false, null);

    /** The markets that keep {@link #ACTIVE} unless told otherwise, so examples and older tests see no surprise. */
    static final Set<String> WELL_KNOWN = Set.of("KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL", "KRW-DOGE");

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a blank state or warning, or a blank (rather than null) date
     */
    public MarketStatus {
        requireText(marketState, "marketState");
        requireText(marketWarning, "marketWarning");
        if (delistingDate != null && delistingDate.isBlank()) {
            throw new IllegalArgumentException("delistingDate must be null or a date, not blank");
        }
    }

    /**
     * The default status of this market in a run with this seed whose simulated time starts on this (UTC) day: a
     * function of the three only, so it stays the same for the market during the run and in the next run.
     */
    static MarketStatus derived(long seed, String code, LocalDate startDay) {
        if (WELL_KNOWN.contains(code)) {
            return ACTIVE;
        }
        // Its own stream (seed and code mixed with a constant), so the status never shifts the market's walk.
        Random r = new Random(MarketState.mix(seed ^ 0x5DEECE66DL, code));
        int stateDraw = r.nextInt(100);
        String state = stateDraw < 15 ? "PREVIEW" : stateDraw < 35 ? "DELISTED" : "ACTIVE";
        String warning = r.nextInt(100) < 30 ? "CAUTION" : "NONE";
        boolean suspendedDraw = r.nextInt(100) < 20;
        int days = 1 + r.nextInt(30);
        boolean scheduled = r.nextInt(100) < 30;
        return switch (state) {
            // A delisted market stopped trading on its delisting date, in the past.
            case "DELISTED" -> new MarketStatus(state, warning, true, startDay.minusDays(days).toString());
            // Listed for deposits, not yet for trading: no delisting, suspension as drawn.
            case "PREVIEW" -> new MarketStatus(state, warning, suspendedDraw, null);
            // Some active markets have their delisting announced ahead, which comes with a caution.
            default -> scheduled
                    ? new MarketStatus(state, "CAUTION", suspendedDraw, startDay.plusDays(days).toString())
                    : new MarketStatus(state, warning, suspendedDraw, null);
        };
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
