package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.UpbitEvent;

/**
 * What one subscriber wants from Upbit.
 *
 * @param type         Upbit type name, e.g. {@code ticker} or {@code candle.1m}
 * @param codes        market codes, upper case, sorted; empty means every market ({@code myOrder}) or none applies
 *                     ({@code myAsset})
 * @param snapshotMode snapshot, realtime or both
 * @param depth        orderbook rows wanted (1, 5, 15 or 30); 0 when not an orderbook
 * @param level        orderbook price aggregation ({@code 0} = the market's tick); {@code null} when not an orderbook
 */
public record SubscriptionSpec(String type, SortedSet<String> codes, SnapshotMode snapshotMode, int depth,
        BigDecimal level) {

    /** Upbit's full book depth, what it sends without a depth suffix. */
    public static final int FULL_DEPTH = 30;

    public SubscriptionSpec {
        codes = Collections.unmodifiableSortedSet(new TreeSet<>(codes));
    }

    /** Whether the event is of this spec's orderbook level (always true for other types). */
    boolean matchesLevel(UpbitEvent event) {
        if (event instanceof OrderbookEvent book) {
            BigDecimal sent = book.level() == null ? BigDecimal.ZERO : book.level();
            return sent.compareTo(level == null ? BigDecimal.ZERO : level) == 0;
        }
        return true;
    }
}
