package io.camelupbit.examples.kafkagateway;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Keeps one of the copies the gateways published. Trades: once per (market, {@code sequential_id}), remembering the
 * last {@link #TRADES_KEPT_PER_MARKET} ids of each market; tickers and orderbooks: newest wins per market by Upbit's
 * {@code timestamp}, so they never go backwards (a copy, or an older state from a gateway that lags, is dropped).
 * <p>
 * The window: copies of a trade reach Kafka within the gateways' lag of each other (milliseconds to seconds), and one
 * market's records share a partition, so a copy passes only when more than {@value #TRADES_KEPT_PER_MARKET} other
 * trades of its market came between the two copies: at 100 trades a second in one market, a gateway 40 s behind the
 * other. After a consumer restart or a partition moving to another consumer, the window starts empty: copies of trades
 * published before it whose first copy the previous owner read can pass once. Downstream writes keyed by (market,
 * {@code sequential_id}) absorb those (docs/scale-out.md).
 * <p>
 * Each topic's route calls its own predicate from its one consumer thread; the counts are read from any thread.
 */
public final class EventDedupe {

    /** Trade ids remembered per market. */
    public static final int TRADES_KEPT_PER_MARKET = 4096;

    private final Map<String, Map<Long, Boolean>> recentTrades = new ConcurrentHashMap<>();
    private final Map<String, Newest> newest = new ConcurrentHashMap<>();
    /** Every trade id read, for the summary's count of copies published (an example's accounting, not the scheme). */
    private final Set<String> everyTrade = ConcurrentHashMap.newKeySet();
    private final AtomicLong tradeRecords = new AtomicLong();
    private final Map<String, AtomicLong> tradeRecordsByGateway = new ConcurrentHashMap<>();
    private final AtomicLong trades = new AtomicLong();
    private final AtomicLong duplicatesPublished = new AtomicLong();
    private final AtomicLong duplicatesSuppressed = new AtomicLong();
    private final AtomicLong statesDelivered = new AtomicLong();
    private final AtomicLong statesDropped = new AtomicLong();
    private final AtomicLong resyncMarks = new AtomicLong();
    private final AtomicLong lastTradeNanos = new AtomicLong();
    private final AtomicLong largestGapNanos = new AtomicLong();

    /** True for the first copy of a trade: from {@code upbit.trade}, key = market, header {@code upbit-id}. */
    public Predicate firstTrade() {
        return exchange -> {
            tradeRecords.incrementAndGet();
            tradeRecordsByGateway.computeIfAbsent(header(exchange, GatewayRoutes.GATEWAY), g -> new AtomicLong())
                    .incrementAndGet();
            countResync(exchange);
            String code = exchange.getMessage().getHeader(KafkaConstants.KEY, String.class);
            long id = Long.parseLong(header(exchange, GatewayRoutes.ID));
            if (!everyTrade.add(code + "|" + id)) {
                duplicatesPublished.incrementAndGet();
            }
            Map<Long, Boolean> seen = recentTrades.computeIfAbsent(code, c -> new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                    return size() > TRADES_KEPT_PER_MARKET;
                }
            });
            if (seen.put(id, Boolean.TRUE) != null) {
                duplicatesSuppressed.incrementAndGet();
                return false;
            }
            trades.incrementAndGet();
            long now = System.nanoTime();
            long last = lastTradeNanos.getAndSet(now);
            if (last != 0) {
                largestGapNanos.accumulateAndGet(now - last, Math::max);
            }
            return true;
        };
    }

    /**
     * True for a ticker or orderbook newer than the last one delivered of its market (the same time with other
     * content counts as newer: two states of one millisecond); {@code topic} keeps tickers and orderbooks apart.
     */
    public Predicate newerState(String topic) {
        return exchange -> {
            countResync(exchange);
            String code = exchange.getMessage().getHeader(KafkaConstants.KEY, String.class);
            long time = Long.parseLong(header(exchange, GatewayRoutes.ID));
            String body = exchange.getMessage().getBody(String.class);
            if (newest.computeIfAbsent(topic + "|" + code, k -> new Newest()).advance(time, body)) {
                statesDelivered.incrementAndGet();
                return true;
            }
            statesDropped.incrementAndGet();
            return false;
        };
    }

    /** Distinct trades delivered. */
    public long trades() {
        return trades.get();
    }

    /** Trade records read that carried an id read before. */
    public long duplicatesPublished() {
        return duplicatesPublished.get();
    }

    /** Trade records dropped as copies. */
    public long duplicatesSuppressed() {
        return duplicatesSuppressed.get();
    }

    /** The one line the consumer logs. */
    public String summary() {
        return String.format("gateway summary: trades %d, trade records %d %s, duplicates published %d, duplicates "
                + "suppressed %d, duplicates passed %d, tickers and orderbooks delivered %d, dropped as not newer %d, "
                + "resync marks %d, largest gap between trades %d ms", trades.get(), tradeRecords.get(),
                new TreeMap<>(tradeRecordsByGateway),
                duplicatesPublished.get(), duplicatesSuppressed.get(),
                duplicatesPublished.get() - duplicatesSuppressed.get(), statesDelivered.get(), statesDropped.get(),
                resyncMarks.get(), largestGapNanos.get() / 1_000_000);
    }

    private void countResync(Exchange exchange) {
        if (exchange.getMessage().getHeader(GatewayRoutes.RESYNC) != null) {
            resyncMarks.incrementAndGet();
        }
    }

    /** Kafka record headers arrive as bytes. */
    private static String header(Exchange exchange, String name) {
        Object value = exchange.getMessage().getHeader(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value == null) {
            throw new IllegalArgumentException("record without header " + name);
        }
        return value.toString();
    }

    /** The newest state of one market: its time and the contents delivered at that time. */
    private static final class Newest {
        private long time = Long.MIN_VALUE;
        private final Set<String> contents = new HashSet<>();

        synchronized boolean advance(long newTime, String content) {
            if (newTime < time) {
                return false;
            }
            if (newTime > time) {
                time = newTime;
                contents.clear();
            }
            return contents.add(content);
        }
    }
}
