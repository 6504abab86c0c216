package io.camelupbit.session;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.camelupbit.event.Asset;
import io.camelupbit.event.AskBid;
import io.camelupbit.event.CandleEvent;
import io.camelupbit.event.CandleUnit;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.OrderbookUnit;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;

import static io.camelupbit.session.Verdict.DELIVER;
import static io.camelupbit.session.Verdict.DUPLICATE;
import static io.camelupbit.session.Verdict.STALE;
import static org.assertj.core.api.Assertions.assertThat;

/** Each event once, whichever line brings it first: the contract's keys, on events built by hand. */
class LineArbiterTest {

    private static final long SPAN = TimeUnit.SECONDS.toNanos(10);

    private static final String A = "line A";
    private static final String B = "line B";

    private final LineArbiter arbiter = new LineArbiter(SPAN, 1000, 0);
    private long now = 1_000_000_000L;

    @Test
    void aTradeOnceWhicheverLineBringsIt() {
        // line A is ahead, line B brings the same trades a little later, and one A lost
        assertThat(judge(trade("KRW-BTC", 1))).isEqualTo(DELIVER);
        assertThat(judge(trade("KRW-BTC", 2))).isEqualTo(DELIVER);
        assertThat(judge(trade("KRW-BTC", 1), B)).isEqualTo(DUPLICATE);
        assertThat(judge(trade("KRW-BTC", 2), B)).isEqualTo(DUPLICATE);
        assertThat(judge(trade("KRW-BTC", 3), B)).isEqualTo(DELIVER);
        // the same number in another market is another trade
        assertThat(judge(trade("KRW-ETH", 1))).isEqualTo(DELIVER);
    }

    @Test
    void tradeNumbersAreNotTakenToRise() {
        assertThat(judge(trade("KRW-BTC", 10))).isEqualTo(DELIVER);
        assertThat(judge(trade("KRW-BTC", 5))).isEqualTo(DELIVER);
        assertThat(judge(trade("KRW-BTC", 5))).isEqualTo(DUPLICATE);
    }

    @Test
    void numbersAreKeptForTheSpanAndUpToTheCapacity() {
        LineArbiter small = new LineArbiter(SPAN, 3, 0);
        for (long id = 1; id <= 4; id++) {
            assertThat(small.judge(trade("KRW-BTC", id), A, now)).isEqualTo(DELIVER);
        }
        // the oldest left when the fourth came
        assertThat(small.judge(trade("KRW-BTC", 1), A, now)).isEqualTo(DELIVER);
        assertThat(small.judge(trade("KRW-BTC", 4), B, now)).isEqualTo(DUPLICATE);
        // after the span, a number is new again
        assertThat(small.judge(trade("KRW-BTC", 4), B, now + SPAN + 1)).isEqualTo(DELIVER);
    }

    @Test
    void aStateOnlyWhenNewerThanTheLastDelivered() {
        assertThat(judge(ticker(100, "50000000", StreamType.SNAPSHOT), A)).isEqualTo(DELIVER);
        // the other line's copy, snapshot or not, is the same state
        assertThat(judge(ticker(100, "50000000", StreamType.REALTIME), B)).isEqualTo(DUPLICATE);
        assertThat(judge(ticker(200, "50010000", StreamType.REALTIME), A)).isEqualTo(DELIVER);
        // a lagging line's older state would take the route back
        assertThat(judge(ticker(100, "50000000", StreamType.REALTIME), B)).isEqualTo(STALE);
        assertThat(judge(ticker(200, "50010000", StreamType.REALTIME), B)).isEqualTo(DUPLICATE);
    }

    @Test
    void aLinesOwnOrderPassesAsWithOneLine() {
        assertThat(judge(ticker(200, "50010000", StreamType.REALTIME), A)).isEqualTo(DELIVER);
        // Upbit sent an older one after a newer one on this connection: one line would deliver it, so do two
        assertThat(judge(ticker(100, "50000000", StreamType.REALTIME), A)).isEqualTo(DELIVER);
        // and a repeat of it, which Upbit would not send, but one connection would deliver
        assertThat(judge(ticker(100, "50000000", StreamType.REALTIME), A)).isEqualTo(DELIVER);
        // the newest delivered is still 200: the other line's copies of both are not delivered again
        assertThat(judge(ticker(100, "50000000", StreamType.REALTIME), B)).isEqualTo(STALE);
        assertThat(judge(ticker(200, "50010000", StreamType.REALTIME), B)).isEqualTo(DUPLICATE);
        // once the other line brings the newest, an older one from the first is stale
        assertThat(judge(ticker(300, "50020000", StreamType.REALTIME), B)).isEqualTo(DELIVER);
        assertThat(judge(ticker(250, "50015000", StreamType.REALTIME), A)).isEqualTo(STALE);
        // a snapshot is no part of a line's realtime order: an older one is stale from any line
        assertThat(judge(ticker(290, "50019000", StreamType.SNAPSHOT), B)).isEqualTo(STALE);
        // and a newer one is the newest state
        assertThat(judge(ticker(310, "50021000", StreamType.SNAPSHOT), A)).isEqualTo(DELIVER);
    }

    @Test
    void orderbooksSharingATimestampAreToldApartByContent() {
        assertThat(judge(book(300, "0", "1.0"))).isEqualTo(DELIVER);
        assertThat(judge(book(300, "0", "2.0"))).isEqualTo(DELIVER);
        assertThat(judge(book(300, "0", "1.0"), B)).isEqualTo(DUPLICATE);
        assertThat(judge(book(300, "0", "2.0"), B)).isEqualTo(DUPLICATE);
        // another level of the same market is another stream
        assertThat(judge(book(300, "10000", "1.0"))).isEqualTo(DELIVER);
        assertThat(judge(book(300, "1E+4", "1.0"), B)).isEqualTo(DUPLICATE);
    }

    @Test
    void aBookIsJudgedByTheRowsTheRouteTakes() {
        // a line whose set changed may ask a deeper book than the other: the route's view of both is the same book
        LineArbiter oneRow = new LineArbiter(SPAN, 1000, 1);
        OrderbookUnit top = new OrderbookUnit(new BigDecimal("101"), new BigDecimal("100"), BigDecimal.ONE,
                BigDecimal.ONE);
        OrderbookUnit second = new OrderbookUnit(new BigDecimal("102"), new BigDecimal("99"), BigDecimal.TEN,
                BigDecimal.TEN);
        OrderbookEvent shallow = new OrderbookEvent("KRW-BTC", BigDecimal.ONE, BigDecimal.ONE, List.of(top), 300,
                BigDecimal.ZERO, StreamType.REALTIME);
        OrderbookEvent deep = new OrderbookEvent("KRW-BTC", new BigDecimal("11"), new BigDecimal("11"),
                List.of(top, second), 300, BigDecimal.ZERO, StreamType.REALTIME);
        assertThat(oneRow.judge(shallow, A, 1)).isEqualTo(DELIVER);
        assertThat(oneRow.judge(deep, B, 2)).isEqualTo(DUPLICATE);
        // a route that takes every row sees two books
        assertThat(judge(shallow, A)).isEqualTo(DELIVER);
        assertThat(judge(deep, B)).isEqualTo(DELIVER);
    }

    @Test
    void aCandleOfALaterPeriodIsNewerWhateverItsTimestamp() {
        LocalDateTime minute = LocalDateTime.of(2026, 12, 5, 12, 0);
        assertThat(judge(candle(minute, 500, "1"))).isEqualTo(DELIVER);
        assertThat(judge(candle(minute.plusMinutes(1), 400, "2"))).isEqualTo(DELIVER);
        assertThat(judge(candle(minute, 600, "3"), B)).isEqualTo(STALE);
        assertThat(judge(candle(minute.plusMinutes(1), 400, "2"), B)).isEqualTo(DUPLICATE);
    }

    @Test
    void accountEventsByTheirKeys() {
        assertThat(judge(order("o", OrderState.TRADE, "t1", "0.3"))).isEqualTo(DELIVER);
        assertThat(judge(order("o", OrderState.TRADE, "t1", "0.3"))).isEqualTo(DUPLICATE);
        assertThat(judge(order("o", OrderState.TRADE, "t2", "0.5"))).isEqualTo(DELIVER);
        assertThat(judge(order("o", OrderState.DONE, null, "0.5"))).isEqualTo(DELIVER);

        assertThat(judge(asset("a1", 700))).isEqualTo(DELIVER);
        assertThat(judge(asset("a1", 700))).isEqualTo(DUPLICATE);
        assertThat(judge(asset("a2", 700))).isEqualTo(DELIVER);
    }

    private Verdict judge(UpbitEvent event) {
        return judge(event, A);
    }

    private Verdict judge(UpbitEvent event, Object line) {
        now += 1_000_000;
        return arbiter.judge(event, line, now);
    }

    private static TradeEvent trade(String code, long id) {
        BigDecimal one = BigDecimal.ONE;
        return new TradeEvent(code, one, one, AskBid.BID, one, null, BigDecimal.ZERO, null, null, id, id, id, one, one,
                one, one, StreamType.REALTIME);
    }

    private static TickerEvent ticker(long timestamp, String price, StreamType streamType) {
        BigDecimal p = new BigDecimal(price);
        return new TickerEvent("KRW-BTC", p, p, p, p, p, null, null, null, null, null, BigDecimal.ONE,
                BigDecimal.TEN, BigDecimal.TEN, p, p, null, null, timestamp, AskBid.BID, null, null, null, null, null,
                null, null, null, null, null, timestamp, streamType);
    }

    private static OrderbookEvent book(long timestamp, String level, String askSize) {
        BigDecimal size = new BigDecimal(askSize);
        return new OrderbookEvent("KRW-BTC", size, BigDecimal.ONE,
                List.of(new OrderbookUnit(new BigDecimal("101"), new BigDecimal("100"), size, BigDecimal.ONE)),
                timestamp, new BigDecimal(level), StreamType.REALTIME);
    }

    private static CandleEvent candle(LocalDateTime start, long timestamp, String close) {
        BigDecimal price = new BigDecimal(close);
        return new CandleEvent(CandleUnit.MINUTE_1, "KRW-BTC", start, start.plusHours(9), price, price, price, price,
                BigDecimal.ONE, price, timestamp, StreamType.REALTIME);
    }

    private static MyOrderEvent order(String uuid, OrderState state, String tradeUuid, String executed) {
        return new MyOrderEvent("KRW-BTC", uuid, AskBid.BID, OrderType.LIMIT, state, tradeUuid, null, null, null,
                null, new BigDecimal(executed), null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, 1L, StreamType.REALTIME);
    }

    private static MyAssetEvent asset(String uuid, long timestamp) {
        return new MyAssetEvent(uuid, List.of(new Asset("KRW", BigDecimal.TEN, BigDecimal.ZERO)), timestamp,
                timestamp, StreamType.REALTIME);
    }
}
