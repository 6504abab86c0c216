package io.camelupbit.test;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streams connections share, read by hand on a clock moved by hand: what makes two connections subscribed to
 * the same stream get the same items, whenever each reads.
 */
class SharedStreamTest {

    private static final Instant START = Instant.parse("2026-05-01T12:00:00Z");
    private static final Duration TICK = Duration.ofMillis(200);
    private static final String CODE = "KRW-BTC";

    private final MutableClock wall = new MutableClock(START);
    private final Market market = new Market(5, new SimClock(wall, START, 1.0), TICK, Map.of());
    private final SharedStreams streams = new SharedStreams(market, new OrderbookLevels(OrderbookLevels.DEFAULTS,
            UnsupportedLevel.SILENCE), 1000);

    @Test
    void readersReadingAtDifferentMomentsGetTheSameItems() {
        for (String type : List.of("trade", "ticker", "orderbook", "candle.1s")) {
            StreamKey key = new StreamKey(type, CODE, "orderbook".equals(type) ? BigDecimal.ZERO : null,
                    "orderbook".equals(type) ? 15 : 0);
            SharedStream.Reader a = streams.join(key, true, (code, n) -> { });
            SharedStream.Reader b = streams.join(key, true, (code, n) -> { });
            List<DataItem> gotA = new ArrayList<>();
            List<DataItem> gotB = new ArrayList<>();
            // a reads every 70 ms, b every 130 ms: alone, each would coalesce the trades of its own ticks.
            for (int ms = 10; ms <= 5000; ms += 10) {
                wall.advance(Duration.ofMillis(10));
                if (ms % 70 == 0) {
                    gotA.addAll(a.read());
                }
                if (ms % 130 == 0) {
                    gotB.addAll(b.read());
                }
            }
            gotB.addAll(b.read());
            gotA.addAll(a.read());
            assertThat(gotA).as(type).hasSizeGreaterThan(3);
            // The same objects, so the same ids, timestamps and values.
            assertThat(gotB).as(type).containsExactlyElementsOf(gotA);
            for (int i = 0; i < gotA.size(); i++) {
                assertThat(gotB.get(i)).isSameAs(gotA.get(i));
            }
            streams.leave(a);
            streams.leave(b);
            wall.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void aLaterReaderGetsWhatFollowsItsSnapshotAndTheSameItemsFromThere() {
        StreamKey key = new StreamKey("trade", CODE, null, 0);
        SharedStream.Reader early = streams.join(key, false, (code, n) -> { });
        wall.advance(Duration.ofSeconds(1));
        List<DataItem> gotEarly = new ArrayList<>(early.read());
        wall.advance(Duration.ofSeconds(1));

        SharedStream.Reader late = streams.join(key, true, (code, n) -> { });
        TradeMessage snapshot = (TradeMessage) late.snapshot();
        assertThat(snapshot.streamType()).isEqualTo(Ticker.StreamType.SNAPSHOT);
        assertThat(snapshot.tradeIndex()).isEqualTo(market.lastTrade(CODE).index());
        wall.advance(Duration.ofSeconds(1));
        List<DataItem> gotLate = late.read();
        gotEarly.addAll(early.read());

        // The early reader got every trade; the late one those after its snapshot, the same objects.
        assertThat(indexes(gotEarly)).isEqualTo(range(1, market.lastTrade(CODE).index()));
        assertThat(indexes(gotLate)).isEqualTo(range(snapshot.tradeIndex() + 1, market.lastTrade(CODE).index()));
        assertThat(gotLate).containsExactlyElementsOf(gotEarly.subList(gotEarly.size() - gotLate.size(),
                gotEarly.size()));
    }

    @Test
    void aReaderThatDoesNotReadKeepsTheNewestItemsAndCountsTheTradesItMissed() {
        SharedStreams small = new SharedStreams(market, new OrderbookLevels(OrderbookLevels.DEFAULTS,
                UnsupportedLevel.SILENCE), 5);
        StreamKey key = new StreamKey("trade", CODE, null, 0);
        AtomicLong skipped = new AtomicLong();
        SharedStream.Reader reading = small.join(key, false, (code, n) -> { });
        SharedStream.Reader stalled = small.join(key, false, (code, n) -> skipped.addAndGet(n));
        List<DataItem> gotReading = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            wall.advance(TICK);
            gotReading.addAll(reading.read());
        }
        assertThat(indexes(gotReading)).isEqualTo(range(1, 20));

        // 20 trades came while it did not read: it kept the newest 5 and counts the 15 before them.
        List<DataItem> gotStalled = stalled.read();
        assertThat(indexes(gotStalled)).isEqualTo(range(16, 20));
        assertThat(skipped.get()).isEqualTo(15);
        assertThat(gotStalled).containsExactlyElementsOf(gotReading.subList(15, 20));
    }

    @Test
    void aStreamLivesWhileItHasReadersAndARealtimeOnlyReaderStartsAfterTheLastTrade() {
        StreamKey ticker = new StreamKey("ticker", CODE, null, 0);
        StreamKey book = new StreamKey("orderbook", CODE, BigDecimal.ZERO, 15);
        wall.advance(Duration.ofSeconds(1));
        SharedStream.Reader a = streams.join(ticker, false, (code, n) -> { });
        assertThat(a.snapshot()).isNull();
        assertThat(a.read()).isEmpty(); // nothing traded since it joined
        SharedStream.Reader b = streams.join(ticker, true, (code, n) -> { });
        SharedStream.Reader c = streams.join(book, true, (code, n) -> { });
        assertThat(streams.keys()).containsExactlyInAnyOrder(ticker, book);
        assertThat(a.stream()).isSameAs(b.stream());
        assertThat(a.stream().readers()).isEqualTo(2);

        wall.advance(TICK);
        Ticker next = (Ticker) a.read().get(0);
        assertThat(next.tradeIndex()).isEqualTo(((Ticker) b.snapshot()).tradeIndex() + 1);
        assertThat(b.read()).containsExactly(next);

        streams.leave(a);
        assertThat(streams.keys()).containsExactlyInAnyOrder(ticker, book);
        streams.leave(b);
        streams.leave(c);
        assertThat(streams.keys()).isEmpty();
        // A new reader starts a new stream.
        SharedStream.Reader d = streams.join(ticker, true, (code, n) -> { });
        assertThat(d.stream()).isNotSameAs(a.stream());
    }

    private static List<Long> indexes(List<DataItem> items) {
        return items.stream().map(SharedStream::position).toList();
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }
}
