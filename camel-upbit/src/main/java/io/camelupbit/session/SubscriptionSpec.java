package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import io.camelupbit.event.AnnouncementEvent;
import io.camelupbit.event.IndicatorEvent;
import io.camelupbit.event.IndicatorParams;
import io.camelupbit.event.IndicatorSignalEvent;
import io.camelupbit.event.IndicatorType;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.SignalParams;
import io.camelupbit.event.SignalTrigger;
import io.camelupbit.event.UpbitEvent;
import io.camelupbit.wire.IndicatorChoice;
import io.camelupbit.wire.TypeOptions;

/**
 * What one subscriber wants from Upbit.
 *
 * @param type         Upbit type name, e.g. {@code ticker} or {@code candle.1m}
 * @param codes        market codes, upper case, sorted; empty means every market ({@code myOrder}) or none applies
 *                     ({@code myAsset}, {@code announcement})
 * @param snapshotMode snapshot, realtime or both
 * @param depth        orderbook rows wanted (1, 5, 15 or 30); 0 when not an orderbook
 * @param level        orderbook price aggregation ({@code 0} = the market's tick); {@code null} when not an orderbook
 * @param options      the announcement's categories, the indicators' timeframe and choices; {@code null} for the other
 *                     types
 */
public record SubscriptionSpec(String type, SortedSet<String> codes, SnapshotMode snapshotMode, int depth,
        BigDecimal level, TypeOptions options) {

    /** Upbit's full book depth, what it sends without a depth suffix. */
    public static final int FULL_DEPTH = 30;

    public SubscriptionSpec {
        codes = Collections.unmodifiableSortedSet(new TreeSet<>(codes));
    }

    /** A spec of a type that takes no options. */
    public SubscriptionSpec(String type, SortedSet<String> codes, SnapshotMode snapshotMode, int depth,
            BigDecimal level) {
        this(type, codes, snapshotMode, depth, level, null);
    }

    /** This spec for some of its codes (the part one shard of the public channel carries). */
    public SubscriptionSpec withCodes(SortedSet<String> someCodes) {
        return new SubscriptionSpec(type, someCodes, snapshotMode, depth, level, options);
    }

    /** Whether Upbit sends a snapshot of this type on subscribe: not for private, announcement and indicator streams. */
    boolean hasSnapshot() {
        return hasSnapshot(type);
    }

    /** Whether Upbit sends a snapshot of this type on subscribe. */
    static boolean hasSnapshot(String type) {
        return switch (type) {
            case MyOrderEvent.TYPE, MyAssetEvent.TYPE, AnnouncementEvent.TYPE, IndicatorEvent.TYPE,
                 IndicatorSignalEvent.TYPE -> false;
            default -> true;
        };
    }

    /**
     * Whether an event of this spec's (type, code) is one this subscriber asked for: of its orderbook level, of one of
     * its announcement categories, of its timeframe and indicators; always true for the other types.
     */
    boolean matches(UpbitEvent event) {
        if (event instanceof OrderbookEvent book) {
            BigDecimal sent = book.level() == null ? BigDecimal.ZERO : book.level();
            return sent.compareTo(level == null ? BigDecimal.ZERO : level) == 0;
        }
        if (options == null) {
            return true;
        }
        if (event instanceof AnnouncementEvent notice && options instanceof TypeOptions.Announcement wanted) {
            return wanted.categories().isEmpty()
                    || notice.category() != null && wanted.categories().contains(notice.category().upbitName());
        }
        if (event instanceof IndicatorEvent value && options instanceof TypeOptions.Indicators wanted) {
            return value.timeframe() == wanted.timeframe()
                    && anyMatches(wanted, value.indicator(), value.params(), null, null);
        }
        if (event instanceof IndicatorSignalEvent signal && options instanceof TypeOptions.Indicators wanted) {
            return signal.timeframe() == wanted.timeframe() && anyMatches(wanted, signal.indicator(), signal.params(),
                    signal.trigger(), signal.eventParams());
        }
        return true;
    }

    private static boolean anyMatches(TypeOptions.Indicators wanted, IndicatorType indicator, IndicatorParams params,
            SignalTrigger trigger, SignalParams eventParams) {
        for (IndicatorChoice choice : wanted.indicators()) {
            if (choice.matches(indicator, params, trigger, eventParams)) {
                return true;
            }
        }
        return false;
    }
}
