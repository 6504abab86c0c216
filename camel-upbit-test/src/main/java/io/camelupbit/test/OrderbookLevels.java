package io.camelupbit.test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The orderbook {@code level}s each market supports (upbit-protocol.md §2.3), and the aggregation of a book into
 * price buckets of width {@code level}.
 *
 * <p>Level 0 (the native tick) always works; other levels only on KRW markets, and only those configured: by
 * default KRW-BTC supports 10,000, 100,000 and 1,000,000 ({@link UpbitSimulator.Builder#supportedLevels} changes a
 * market's set). Immutable.
 */
final class OrderbookLevels {

    /** The default non-zero levels. */
    static final Map<String, List<BigDecimal>> DEFAULTS = Map.of(
            "KRW-BTC", List.of(new BigDecimal("10000"), new BigDecimal("100000"), new BigDecimal("1000000")));

    private final Map<String, Set<BigDecimal>> levels;
    private final UnsupportedLevel unsupported;

    OrderbookLevels(Map<String, List<BigDecimal>> levels, UnsupportedLevel unsupported) {
        Map<String, Set<BigDecimal>> copy = new LinkedHashMap<>();
        levels.forEach((code, list) -> copy.put(code, Set.copyOf(list.stream().map(OrderbookLevels::key).toList())));
        this.levels = Map.copyOf(copy);
        this.unsupported = unsupported;
    }

    /** Whether this market serves this level ({@code null} and 0 always). */
    boolean supported(String code, BigDecimal level) {
        if (level == null || level.signum() == 0) {
            return true;
        }
        if (!"KRW".equals(MarketCodes.quote(code))) {
            return false;
        }
        return levels.getOrDefault(code, Set.of()).contains(key(level));
    }

    UnsupportedLevel unsupported() {
        return unsupported;
    }

    /**
     * The book with its prices grouped into buckets of width {@code level}: an ask goes to the bucket at or above
     * it, a bid to the bucket at or below it (so no bucket shows a better price than the orders in it), sizes of a
     * bucket are summed, best first. Level 0 returns the rows as they are.
     */
    static List<OrderbookUnit> aggregate(List<OrderbookUnit> rows, BigDecimal level) {
        if (level == null || level.signum() == 0) {
            return rows;
        }
        Map<BigDecimal, BigDecimal> asks = new LinkedHashMap<>();
        Map<BigDecimal, BigDecimal> bids = new LinkedHashMap<>();
        for (OrderbookUnit row : rows) {
            asks.merge(bucket(row.askPrice(), level, RoundingMode.CEILING), row.askSize(), BigDecimal::add);
            bids.merge(bucket(row.bidPrice(), level, RoundingMode.FLOOR), row.bidSize(), BigDecimal::add);
        }
        // Rows pair the i-th ask with the i-th bucket; both sides come out best first as the input was.
        List<Map.Entry<BigDecimal, BigDecimal>> a = new ArrayList<>(asks.entrySet());
        List<Map.Entry<BigDecimal, BigDecimal>> b = new ArrayList<>(bids.entrySet());
        List<OrderbookUnit> out = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            out.add(new OrderbookUnit(a.get(i).getKey(), b.get(i).getKey(), a.get(i).getValue(), b.get(i).getValue()));
        }
        return out;
    }

    private static BigDecimal bucket(BigDecimal price, BigDecimal level, RoundingMode mode) {
        return TickSize.normalize(price.divide(level, 0, mode).multiply(level));
    }

    private static BigDecimal key(BigDecimal level) {
        return TickSize.normalize(level);
    }
}
