package io.camelupbit.session;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelupbit.event.CandleEvent;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;

/**
 * One route's arbitration between the lines of its channel (the A/B line arbitration of market-data feeds): every
 * event reaches the route once, from whichever line brought it first, in the order first seen.
 * <ul>
 * <li>a trade once per (code, {@code sequential_id});</li>
 * <li>a myOrder event once per (uuid, state, trade uuid, executed volume); a myAsset event once per (asset uuid,
 * timestamp);</li>
 * <li>ticker, orderbook and candle once per (type, code, orderbook level), and only when newer than the last one
 * delivered: by {@code timestamp}, for candles by the candle's start first; events with the same time are told apart
 * by content (two orderbooks can share a timestamp), so each is delivered once and a copy is a duplicate. Realtime
 * events from the line that brought the newest are not judged: a line's own order is Upbit's and passes as it would
 * with one line (an older one, a repeat); an older snapshot is always stale;</li>
 * <li>any other event once per its whole content within the span.</li>
 * </ul>
 * Per route, since a route that joins gets its own snapshot. Keys are kept for {@code span} (longer than one line can
 * lag behind another), at most {@code keysPerMarket} per market and type; states keep only the newest time. Not
 * thread-safe: one per route, on the channel's event loop.
 */
final class LineArbiter {

    private final long spanNanos;
    private final int keysPerMarket;
    private final Map<String, RecentKeys<Long>> trades = new HashMap<>();
    private final RecentKeys<Object> accountEvents;
    private final RecentKeys<UpbitEvent> others;
    private final Map<StateKey, LastState> states = new HashMap<>();

    /**
     * @param spanNanos     how long keys are kept: more than one line can lag behind another
     * @param keysPerMarket the most trade numbers kept per market (and private keys per route)
     */
    LineArbiter(long spanNanos, int keysPerMarket) {
        this.spanNanos = spanNanos;
        this.keysPerMarket = keysPerMarket;
        this.accountEvents = new RecentKeys<>(spanNanos, keysPerMarket);
        this.others = new RecentKeys<>(spanNanos, keysPerMarket);
    }

    /**
     * @param line the line that brought the event (compared by identity)
     */
    Verdict judge(UpbitEvent event, Object line, long nowNanos) {
        if (event instanceof TradeEvent trade) {
            return first(addTrade(trade, nowNanos));
        }
        if (event instanceof MyOrderEvent order) {
            return first(accountEvents.add(new OrderKey(order.uuid(), order.state(), order.tradeUuid(),
                    order.executedVolume()), nowNanos));
        }
        if (event instanceof MyAssetEvent asset) {
            return first(accountEvents.add(new AssetKey(asset.assetUuid(), asset.timestamp()), nowNanos));
        }
        if (event instanceof TickerEvent ticker) {
            return newer(ticker, line, null, ticker.timestamp(), Arrays.asList(ticker.tradeTimestamp(),
                    ticker.tradePrice(), ticker.tradeVolume(), ticker.accTradeVolume(), ticker.accTradePrice(),
                    ticker.accTradeVolume24h(), ticker.accTradePrice24h(), ticker.marketState()));
        }
        if (event instanceof OrderbookEvent book) {
            return newer(book, line, null, book.timestamp(), Arrays.asList(book.totalAskSize(), book.totalBidSize(),
                    book.units()));
        }
        if (event instanceof CandleEvent candle) {
            return newer(candle, line, candle.candleDateTimeUtc(), candle.timestamp(), Arrays.asList(
                    candle.openingPrice(), candle.highPrice(), candle.lowPrice(), candle.tradePrice(),
                    candle.candleAccTradeVolume(), candle.candleAccTradePrice()));
        }
        return first(others.add(event, nowNanos));
    }

    /** Remembers a trade delivered; false when the route had it within the span. */
    boolean addTrade(TradeEvent trade, long nowNanos) {
        return trades.computeIfAbsent(trade.code(), c -> new RecentKeys<>(spanNanos, keysPerMarket))
                .add(trade.sequentialId(), nowNanos);
    }

    /** Whether the route had this trade within the span; remembers nothing. */
    boolean hasTrade(String code, long sequentialId, long nowNanos) {
        RecentKeys<Long> numbers = trades.get(code);
        return numbers != null && numbers.contains(sequentialId, nowNanos);
    }

    private static Verdict first(boolean isNew) {
        return isNew ? Verdict.DELIVER : Verdict.DUPLICATE;
    }

    /** Markets and streams this route holds arbitration state for. */
    int streamsTracked() {
        return trades.size() + states.size();
    }

    private Verdict newer(UpbitEvent event, Object line, LocalDateTime period, long timestamp, List<Object> content) {
        BigDecimal level = event instanceof OrderbookEvent book ? book.level() : null;
        StateKey key = new StateKey(event.type(), event.code(), level == null ? null : level.stripTrailingZeros());
        LastState last = states.get(key);
        if (last == null) {
            states.put(key, new LastState(line, period, timestamp, content));
            return Verdict.DELIVER;
        }
        int order = last.compareTo(period, timestamp);
        if (last.line == line && event.streamType() == StreamType.REALTIME) {
            // a line's own order is Upbit's and passes as with one line; the newest stays the newest, so the other
            // line's copies of what it brought are duplicates or stale in turn
            if (order > 0) {
                states.put(key, new LastState(line, period, timestamp, content));
            } else if (order == 0) {
                last.addContent(content);
            }
            return Verdict.DELIVER;
        }
        if (order > 0) {
            states.put(key, new LastState(line, period, timestamp, content));
            return Verdict.DELIVER;
        }
        if (order < 0) {
            // a snapshot is a state of its own: an older one is behind the route's, whichever line brought it
            return Verdict.STALE;
        }
        return last.addContent(content) ? Verdict.DELIVER : Verdict.DUPLICATE;
    }

    private record StateKey(String type, String code, BigDecimal level) {
    }

    private record OrderKey(String uuid, Object state, String tradeUuid, BigDecimal executedVolume) {
    }

    private record AssetKey(String assetUuid, long timestamp) {
    }

    /** The newest time delivered of one stream, the line that brought it, and the contents delivered at that time. */
    private static final class LastState {
        private final Object line;
        private final LocalDateTime period;
        private final long timestamp;
        private final List<List<Object>> contents = new ArrayList<>(2);

        LastState(Object line, LocalDateTime period, long timestamp, List<Object> content) {
            this.line = line;
            this.period = period;
            this.timestamp = timestamp;
            contents.add(content);
        }

        /** Positive when (period, timestamp) is after this state, 0 when the same time, negative when before. */
        int compareTo(LocalDateTime otherPeriod, long otherTimestamp) {
            if (period != null && otherPeriod != null) {
                int byPeriod = otherPeriod.compareTo(period);
                if (byPeriod != 0) {
                    return byPeriod;
                }
            }
            return Long.compare(otherTimestamp, timestamp);
        }

        /** Adds a content of the same time; false when it was delivered already. */
        boolean addContent(List<Object> content) {
            if (contents.contains(content)) {
                return false;
            }
            contents.add(content);
            return true;
        }
    }
}
