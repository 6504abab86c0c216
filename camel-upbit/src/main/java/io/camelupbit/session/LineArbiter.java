package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * by content (two orderbooks can share a timestamp; a book by the rows the route takes, since a line whose set
 * changed may ask a deeper one), so each is delivered once and a copy is a duplicate. Realtime
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
    /** The orderbook rows the route takes, 0 for all: the content compared is the route's view of a book. */
    private final int depth;
    private final Map<String, RecentKeys<Long>> trades = new HashMap<>();
    private final RecentKeys<Object> accountEvents;
    private final RecentKeys<UpbitEvent> others;
    private final Map<StateKey, LastState> states = new HashMap<>();

    /**
     * @param spanNanos     how long keys are kept: more than one line can lag behind another
     * @param keysPerMarket the most trade numbers kept per market (and private keys per route)
     * @param depth         the orderbook rows the route takes, 0 for all
     */
    LineArbiter(long spanNanos, int keysPerMarket, int depth) {
        this.spanNanos = spanNanos;
        this.keysPerMarket = keysPerMarket;
        this.depth = depth;
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
        if (StateTime.isState(event)) {
            return newer(event, line, content(event));
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

    /**
     * What tells two states of one time apart: the fields that change with the state, not its time (a snapshot and a
     * realtime copy of one state are the same content); a book as the route takes it, cut to its depth.
     */
    private List<Object> content(UpbitEvent state) {
        if (state instanceof TickerEvent ticker) {
            return Arrays.asList(ticker.tradeTimestamp(), ticker.tradePrice(), ticker.tradeVolume(),
                    ticker.accTradeVolume(), ticker.accTradePrice(), ticker.accTradeVolume24h(),
                    ticker.accTradePrice24h(), ticker.marketState());
        }
        if (state instanceof OrderbookEvent book) {
            OrderbookEvent view = depth > 0 ? book.withDepth(depth) : book;
            return Arrays.asList(view.totalAskSize(), view.totalBidSize(), view.units());
        }
        CandleEvent candle = (CandleEvent) state;
        return Arrays.asList(candle.candleDateTimeUtc(), candle.openingPrice(), candle.highPrice(), candle.lowPrice(),
                candle.tradePrice(), candle.candleAccTradeVolume(), candle.candleAccTradePrice());
    }

    /** Whether this state is the route's newest one again, whatever its time (a snapshot repeating it). */
    boolean repeatsNewest(UpbitEvent state) {
        LastState last = states.get(StateKey.of(state));
        if (last == null) {
            return false;
        }
        if (state instanceof TickerEvent ticker && last.event instanceof TickerEvent newest) {
            // a ticker's snapshot is stamped when it is sent, and its 24 h figures move with the clock: the same last
            // trade is the same state
            return Objects.equals(ticker.tradeTimestamp(), newest.tradeTimestamp())
                    && Objects.equals(ticker.tradeVolume(), newest.tradeVolume());
        }
        return last.contents.contains(content(state));
    }

    /** The time of the newest state of this state's stream the route got; {@code null} before the first. */
    StateTime newest(UpbitEvent state) {
        LastState last = states.get(StateKey.of(state));
        return last == null ? null : StateTime.of(last.event);
    }

    /** Whether the line brought the newest state of this state's stream the route got. */
    boolean broughtNewest(UpbitEvent state, Object line) {
        LastState last = states.get(StateKey.of(state));
        return last != null && last.line == line;
    }

    private Verdict newer(UpbitEvent event, Object line, List<Object> content) {
        StateKey key = StateKey.of(event);
        LastState last = states.get(key);
        if (last == null) {
            states.put(key, new LastState(line, event, content));
            return Verdict.DELIVER;
        }
        int order = StateTime.compare(event, last.event);
        if (last.line == line && event.streamType() == StreamType.REALTIME) {
            // a line's own order is Upbit's and passes as with one line; the newest stays the newest, so the other
            // line's copies of what it brought are duplicates or stale in turn
            if (order > 0) {
                states.put(key, new LastState(line, event, content));
            } else if (order == 0) {
                last.addContent(content);
            }
            return Verdict.DELIVER;
        }
        if (order > 0) {
            states.put(key, new LastState(line, event, content));
            return Verdict.DELIVER;
        }
        if (order < 0) {
            // a snapshot is a state of its own: an older one is behind the route's, whichever line brought it
            return Verdict.STALE;
        }
        return last.addContent(content) ? Verdict.DELIVER : Verdict.DUPLICATE;
    }

    private record StateKey(String type, String code, BigDecimal level) {
        static StateKey of(UpbitEvent state) {
            BigDecimal level = state instanceof OrderbookEvent book ? book.level() : null;
            return new StateKey(state.type(), state.code(), level == null ? null : level.stripTrailingZeros());
        }
    }

    private record OrderKey(String uuid, Object state, String tradeUuid, BigDecimal executedVolume) {
    }

    private record AssetKey(String assetUuid, long timestamp) {
    }

    /**
     * The newest state delivered of one stream, its time, the line that brought it, and the contents delivered at
     * that time.
     */
    private static final class LastState {
        private final Object line;
        /** The newest state: its time is the stream's newest. */
        private final UpbitEvent event;
        private final List<List<Object>> contents = new ArrayList<>(2);

        LastState(Object line, UpbitEvent event, List<Object> content) {
            this.line = line;
            this.event = event;
            contents.add(content);
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
