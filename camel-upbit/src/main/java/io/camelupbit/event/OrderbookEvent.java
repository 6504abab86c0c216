package io.camelupbit.event;

import java.math.BigDecimal;
import java.util.List;

/**
 * A complete top-N order book of one market ({@code orderbook}). Every event replaces the previous book: it is never a
 * delta.
 *
 * @param code         market code (without the depth suffix)
 * @param totalAskSize total ask size Upbit reports
 * @param totalBidSize total bid size Upbit reports
 * @param units        rows, best first
 * @param timestamp    book time, epoch milliseconds; consecutive books can share it
 * @param level        price aggregation unit in use (0 = the market's own tick)
 * @param streamType   snapshot or realtime
 */
public record OrderbookEvent(
        String code,
        BigDecimal totalAskSize,
        BigDecimal totalBidSize,
        List<OrderbookUnit> units,
        long timestamp,
        BigDecimal level,
        StreamType streamType) implements UpbitEvent {

    /** The Upbit type name of this event. */
    public static final String TYPE = "orderbook";

    public OrderbookEvent {
        units = List.copyOf(units);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * This book cut to its best {@code depth} rows, with the totals summed over the rows kept (what Upbit reports for
     * a book of that depth; {@code null} when a row kept has no size); this book itself when it has no more rows
     * than that.
     */
    public OrderbookEvent withDepth(int depth) {
        if (units.size() <= depth) {
            return this;
        }
        List<OrderbookUnit> kept = units.subList(0, depth);
        BigDecimal asks = BigDecimal.ZERO;
        BigDecimal bids = BigDecimal.ZERO;
        for (OrderbookUnit unit : kept) {
            asks = asks == null || unit.askSize() == null ? null : asks.add(unit.askSize());
            bids = bids == null || unit.bidSize() == null ? null : bids.add(unit.bidSize());
        }
        return new OrderbookEvent(code, asks, bids, kept, timestamp, level, streamType);
    }
}
