package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.camelupbit.test.SimTestSupport.errorName;
import static org.assertj.core.api.Assertions.assertThat;

class OrderbookStreamTest {

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b
            .seed(5).speed(10).connectLimitPerSecond(1000).messageLimits(1000, 10_000));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DEFAULT", "SIMPLE"})
    void everyFieldOfTheDocAndAFullBookOnTheTickGrid(String format) {
        boolean simple = "SIMPLE".equals(format);
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC\",\"KRW-XRP\"]},"
                    + "{\"format\":\"" + format + "\"}]");
            List<WsClient.Frame> frames = client.next(8);
            for (int i = 0; i < frames.size(); i++) {
                Map<String, Object> book = Json.object(frames.get(i).text());
                assertThat(book.keySet()).containsExactlyInAnyOrderElementsOf(
                        simple ? DocFields.ORDERBOOK_SIMPLE : DocFields.ORDERBOOK);
                String code = (String) book.get(simple ? "cd" : "code");
                assertThat(code).isIn("KRW-BTC", "KRW-XRP");
                assertThat(book.get(simple ? "ty" : "type")).isEqualTo("orderbook");
                assertThat(book.get(simple ? "st" : "stream_type")).isEqualTo(i < 2 ? "SNAPSHOT" : "REALTIME");
                assertThat((BigDecimal) book.get(simple ? "lv" : "level")).isEqualByComparingTo("0");
                assertThat((BigDecimal) book.get(simple ? "tms" : "timestamp")).isPositive();
                List<Map<String, Object>> units = units(book, simple);
                assertThat(units).hasSize(30);
                for (Map<String, Object> unit : units) {
                    assertThat(unit.keySet()).containsExactlyInAnyOrderElementsOf(
                            simple ? DocFields.ORDERBOOK_UNIT_SIMPLE : DocFields.ORDERBOOK_UNIT);
                }
                assertSaneBook(book, simple, "KRW");
            }
        }
    }

    @ParameterizedTest(name = "{0} gives {1} rows")
    @CsvSource({"KRW-ETH.1, 1", "KRW-ETH.5, 5", "KRW-ETH.15, 15", "KRW-ETH.30, 30", "KRW-ETH, 30", "KRW-ETH.7, 30",
            "KRW-ETH.100, 30"})
    void depthSuffixGivesNRowsAndTheBareCode(String code, int rows) {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"" + code + "\"]}]");
            for (WsClient.Frame frame : client.next(3)) {
                Map<String, Object> book = Json.object(frame.text());
                assertThat(book).containsEntry("code", "KRW-ETH");
                assertThat(units(book, false)).hasSize(rows);
                assertSaneBook(book, false, "KRW");
            }
        }
    }

    @Test
    void levelAggregatesIntoBucketsAndEachLevelIsItsOwnStream() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC\"],\"level\":100000},"
                    + "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC\"],\"level\":0},"
                    + "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.5\"],\"level\":\"10000\"}]");
            // One snapshot per (code, level), in request order.
            Map<String, Object> aggregated = Json.object(client.next().text());
            Map<String, Object> nativeBook = Json.object(client.next().text());
            Map<String, Object> tenThousand = Json.object(client.next().text());
            assertThat((BigDecimal) aggregated.get("level")).isEqualByComparingTo("100000");
            assertThat((BigDecimal) nativeBook.get("level")).isEqualByComparingTo("0");
            assertThat((BigDecimal) tenThousand.get("level")).isEqualByComparingTo("10000");
            assertThat(List.of(aggregated, nativeBook, tenThousand)).allSatisfy(b -> {
                assertThat(b).containsEntry("code", "KRW-BTC").containsEntry("stream_type", "SNAPSHOT");
                assertSaneBook(b, false, "KRW");
            });
            assertThat(units(tenThousand, false)).hasSizeLessThanOrEqualTo(5);

            for (Map<String, Object> unit : units(aggregated, false)) {
                assertThat(((BigDecimal) unit.get("ask_price")).remainder(new BigDecimal("100000"))).isZero();
                assertThat(((BigDecimal) unit.get("bid_price")).remainder(new BigDecimal("100000"))).isZero();
            }
            for (Map<String, Object> unit : units(tenThousand, false)) {
                assertThat(((BigDecimal) unit.get("ask_price")).remainder(new BigDecimal("10000"))).isZero();
            }
            assertThat(distinctPrices(aggregated)).isLessThan(distinctPrices(nativeBook));

            // Realtime: each stream keeps its level.
            Set<BigDecimal> levels = new HashSet<>();
            for (WsClient.Frame frame : client.next(9)) {
                Map<String, Object> book = Json.object(frame.text());
                assertThat(book).containsEntry("stream_type", "REALTIME");
                levels.add(((BigDecimal) book.get("level")).stripTrailingZeros());
            }
            assertThat(levels).hasSize(3);
        }
    }

    @Test
    void aggregationSumsTheSizesOfEachBucket() {
        Trade trade = upbit.simulator().market().lastTrade("KRW-BTC");
        List<OrderbookUnit> rows = upbit.simulator().market().book(trade);
        assertThat(rows).hasSize(30);
        BigDecimal level = new BigDecimal("10000");
        OrderbookMessage book = MarketMessages.orderbook(trade, rows, level, 30, Ticker.StreamType.REALTIME);
        assertThat(book.units()).hasSizeLessThan(30);
        for (OrderbookUnit bucket : book.units()) {
            BigDecimal askPrice = bucket.askPrice();
            BigDecimal bidPrice = bucket.bidPrice();
            // An ask belongs to the bucket at or above it, a bid to the one at or below it.
            BigDecimal asks = rows.stream().filter(r -> r.askPrice().compareTo(askPrice) <= 0
                            && r.askPrice().compareTo(askPrice.subtract(level)) > 0)
                    .map(OrderbookUnit::askSize).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal bids = rows.stream().filter(r -> r.bidPrice().compareTo(bidPrice) >= 0
                            && r.bidPrice().compareTo(bidPrice.add(level)) < 0)
                    .map(OrderbookUnit::bidSize).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(bucket.askSize()).isEqualByComparingTo(asks);
            assertThat(bucket.bidSize()).isEqualByComparingTo(bids);
        }
    }

    @Test
    void anUnsupportedLevelIsSilentByDefault() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            // KRW-ETH supports only level 0 by default; the ticker of the same market paces the test.
            client.send("[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-ETH\"],\"level\":10000},"
                    + "{\"type\":\"ticker\",\"codes\":[\"KRW-ETH\"]}]");
            List<WsClient.Frame> frames = client.next(6);
            assertThat(frames).allSatisfy(f -> assertThat(Json.object(f.text())).containsEntry("type", "ticker"));
            assertThat(client.drain()).allSatisfy(f -> assertThat(f.text()).doesNotContain("orderbook"));
            client.send("[{\"ticket\":\"l\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}]");
            assertThat(client.next(t -> t.contains("LIST_SUBSCRIPTIONS")).text()).contains("\"level\":10000");
        }
    }

    @Test
    void anUnsupportedLevelGetsInvalidParamWhenAsked() {
        try (UpbitSimulator sim = UpbitSimulator.builder().unsupportedLevel(UnsupportedLevel.ERROR_INVALID_PARAM)
                .supportedLevels("KRW-ETH", new BigDecimal("1000"), new BigDecimal("10000")).build().start();
             WsClient client = WsClient.connect(sim.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC\"],\"level\":5000}]");
            assertThat(errorName(client.next())).isEqualTo("INVALID_PARAM");
            // Other quotes aggregate nothing.
            client.send("[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"BTC-ETH\"],\"level\":10000}]");
            assertThat(errorName(client.next())).isEqualTo("INVALID_PARAM");
            // Levels configured on the builder work, written as given (1E+4 is 10000).
            client.send("[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-ETH\"],\"level\":1E+4}]");
            Map<String, Object> book = Json.object(client.next().text());
            assertThat(book).containsEntry("code", "KRW-ETH");
            assertThat((BigDecimal) book.get("level")).isEqualByComparingTo("10000");
            assertThat(units(book, false)).allSatisfy(u ->
                    assertThat(((BigDecimal) u.get("bid_price")).remainder(new BigDecimal("10000"))).isZero());
        }
    }

    @Test
    void jsonListFramesCarryArrays() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.5\"]},"
                    + "{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]},{\"format\":\"JSON_LIST\"}]");
            List<Map<String, Object>> snapshots = Json.list(client.next().text());
            assertThat(snapshots).extracting(m -> m.get("type")).containsExactly("orderbook", "trade");
            assertThat(units(snapshots.get(0), false)).hasSize(5);
            for (WsClient.Frame frame : client.next(5)) {
                List<Map<String, Object>> items = Json.list(frame.text());
                assertThat(items).isNotEmpty().allSatisfy(item -> {
                    assertThat(item.get("type")).isIn("orderbook", "trade");
                    assertThat(item).containsEntry("stream_type", "REALTIME");
                });
            }
            client.send("[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.1\"]},"
                    + "{\"format\":\"SIMPLE_LIST\"}]");
            List<Map<String, Object>> simple = Json.list(client.next(t -> t.contains("\"ty\"")).text());
            assertThat(simple.get(0).keySet()).containsExactlyInAnyOrderElementsOf(DocFields.ORDERBOOK_SIMPLE);
        }
    }

    /** Asks rise and bids fall from the best row, on the grid, sizes with 8 decimals, totals the sums. */
    static void assertSaneBook(Map<String, Object> book, boolean simple, String quote) {
        List<Map<String, Object>> units = units(book, simple);
        assertThat(units).isNotEmpty();
        String ap = simple ? "ap" : "ask_price";
        String bp = simple ? "bp" : "bid_price";
        String as = simple ? "as" : "ask_size";
        String bs = simple ? "bs" : "bid_size";
        BigDecimal asks = BigDecimal.ZERO;
        BigDecimal bids = BigDecimal.ZERO;
        BigDecimal lastAsk = null;
        BigDecimal lastBid = null;
        for (Map<String, Object> u : units) {
            BigDecimal ask = (BigDecimal) u.get(ap);
            BigDecimal bid = (BigDecimal) u.get(bp);
            assertThat(TickSize.onGrid(quote, ask)).as("ask %s on grid", ask).isTrue();
            assertThat(TickSize.onGrid(quote, bid)).as("bid %s on grid", bid).isTrue();
            if (lastAsk != null) {
                assertThat(ask).isGreaterThan(lastAsk);
                assertThat(bid).isLessThan(lastBid);
            }
            lastAsk = ask;
            lastBid = bid;
            BigDecimal askSize = (BigDecimal) u.get(as);
            BigDecimal bidSize = (BigDecimal) u.get(bs);
            assertThat(askSize).isPositive();
            assertThat(bidSize).isPositive();
            assertThat(askSize.scale()).isEqualTo(8);
            asks = asks.add(askSize);
            bids = bids.add(bidSize);
        }
        BigDecimal bestAsk = (BigDecimal) units.get(0).get(ap);
        BigDecimal bestBid = (BigDecimal) units.get(0).get(bp);
        assertThat(bestAsk).isGreaterThan(bestBid);
        assertThat((BigDecimal) book.get(simple ? "tas" : "total_ask_size")).isEqualByComparingTo(asks);
        assertThat((BigDecimal) book.get(simple ? "tbs" : "total_bid_size")).isEqualByComparingTo(bids);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> units(Map<String, Object> book, boolean simple) {
        return (List<Map<String, Object>>) book.get(simple ? "obu" : "orderbook_units");
    }

    private static int distinctPrices(Map<String, Object> book) {
        Set<BigDecimal> prices = new HashSet<>();
        for (Map<String, Object> u : units(book, false)) {
            prices.add(((BigDecimal) u.get("ask_price")).stripTrailingZeros());
            prices.add(((BigDecimal) u.get("bid_price")).stripTrailingZeros());
        }
        return prices.size();
    }
}
