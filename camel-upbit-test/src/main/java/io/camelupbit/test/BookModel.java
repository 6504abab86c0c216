package io.camelupbit.test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The order book of a market at one of its trades: 30 rows on the tick grid around the trade price, asks above and
 * bids below, best first. A buy ({@code BID}) took the best ask, so the best ask sits at the trade price; a sell
 * took the best bid. The spread is one tick, now and then two. Sizes are log-normal around a realistic row value
 * and grow a little with depth.
 *
 * <p>A pure function of (seed, code, trade): the sizes come from a {@link Random} seeded from the market's seed mix
 * and the trade index, so the same seed gives the same books, and the walk's own draws are untouched.
 */
final class BookModel {

    /** The rows of the simulated book; aggregated and shallower books are cut from these. */
    static final int ROWS = 30;
    private static final int SIZE_SCALE = 8;
    private static final BigDecimal MIN_SIZE = new BigDecimal("0.00000001");
    /** One book row holds about this share of the market's daily traded value. */
    private static final double ROW_SHARE_OF_DAY = 1.0 / 20_000;

    private final long seedMix;
    private final String quote;
    private final double rowValue;

    BookModel(long seedMix, String quote, MarketProfile profile) {
        this.seedMix = seedMix;
        this.quote = quote;
        this.rowValue = profile.dailyTradedValue().doubleValue() * ROW_SHARE_OF_DAY;
    }

    /** The native book right after this trade. Fewer than 30 rows only where the grid reaches zero. */
    List<OrderbookUnit> rows(Trade trade) {
        Random random = new Random(MarketState.mix(seedMix, Long.toString(trade.index())));
        boolean wide = random.nextInt(5) == 0;
        BigDecimal price = TickSize.normalize(trade.price());
        BigDecimal ask;
        BigDecimal bid;
        if (trade.side() == Trade.Side.BID) {
            ask = price;
            bid = TickSize.below(quote, price);
            if (wide && bid.signum() > 0) {
                bid = TickSize.below(quote, bid);
            }
        } else {
            bid = price;
            ask = TickSize.above(quote, price);
            if (wide) {
                ask = TickSize.above(quote, ask);
            }
        }
        List<OrderbookUnit> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS && bid.signum() > 0; i++) {
            rows.add(new OrderbookUnit(ask, bid, size(random, ask, i), size(random, bid, i)));
            ask = TickSize.above(quote, ask);
            bid = TickSize.below(quote, bid);
        }
        return rows;
    }

    private BigDecimal size(Random random, BigDecimal price, int depth) {
        double value = rowValue * Math.exp(0.9 * random.nextGaussian() - 0.405) * (1 + 0.1 * depth);
        BigDecimal size = BigDecimal.valueOf(value).divide(price, SIZE_SCALE, RoundingMode.HALF_UP);
        return size.max(MIN_SIZE);
    }
}
