package io.camelupbit.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TradeStreamTest {

    private static final BigDecimal TWO_POW_53 = new BigDecimal("9007199254740992");

    @RegisterExtension
    static UpbitSimulatorExtension upbit = UpbitSimulatorExtension.create(b -> b
            .seed(11).speed(10).connectLimitPerSecond(1000).messageLimits(1000, 10_000));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DEFAULT", "SIMPLE"})
    void everyFieldOfTheDocWithSaneValues(String format) {
        boolean simple = "SIMPLE".equals(format);
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]},{\"format\":\"" + format
                    + "\"}]");
            List<Map<String, Object>> frames = new ArrayList<>();
            for (WsClient.Frame f : client.next(21)) {
                assertThat(f.binary()).isTrue();
                frames.add(Json.object(f.text()));
            }
            Map<String, Trade> byId = upbit.simulator().market().tradesAfter("KRW-BTC", -1).stream()
                    .collect(Collectors.toMap(t -> BigDecimal.valueOf(t.sequentialId()).toPlainString(),
                            Function.identity()));
            long previousId = 0;
            for (int i = 0; i < frames.size(); i++) {
                Map<String, Object> t = frames.get(i);
                assertThat(t.keySet()).containsExactlyInAnyOrderElementsOf(
                        simple ? DocFields.TRADE_SIMPLE : DocFields.TRADE);
                Field f = new Field(t, simple);
                assertThat(f.str("type", "ty")).isEqualTo("trade");
                assertThat(f.str("code", "cd")).isEqualTo("KRW-BTC");
                assertThat(f.str("stream_type", "st")).isEqualTo(i == 0 ? "SNAPSHOT" : "REALTIME");

                BigDecimal id = f.num("sequential_id", "sid");
                assertThat(id.scale()).isZero();
                assertThat(id).isGreaterThan(TWO_POW_53);
                assertThat(id.longValueExact()).isGreaterThan(previousId);
                previousId = id.longValueExact();

                // The same trade as the market model's (one frame per trade of the walk).
                Trade trade = byId.get(id.toPlainString());
                assertThat(trade).as("trade %s in the market history", id).isNotNull();
                BigDecimal price = f.num("trade_price", "tp");
                assertThat(price).isEqualByComparingTo(trade.price());
                assertThat(price.scale()).isEqualTo(8);
                assertThat(f.num("trade_volume", "tv")).isEqualTo(trade.volume()).isPositive();
                assertThat(f.str("ask_bid", "ab")).isEqualTo(trade.side().name());
                long tradeTimestamp = f.num("trade_timestamp", "ttms").longValueExact();
                assertThat(tradeTimestamp).isEqualTo(trade.time().toEpochMilli());
                assertThat(f.num("timestamp", "tms").longValueExact()).isGreaterThanOrEqualTo(tradeTimestamp);
                Instant time = Instant.ofEpochMilli(tradeTimestamp);
                assertThat(f.str("trade_date", "td")).matches("\\d{4}-\\d{2}-\\d{2}")
                        .isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE.format(time.atOffset(ZoneOffset.UTC)));
                assertThat(f.str("trade_time", "ttm")).matches("\\d{2}:\\d{2}:\\d{2}")
                        .isEqualTo(DateTimeFormatter.ofPattern("HH:mm:ss").format(time.atOffset(ZoneOffset.UTC)));

                BigDecimal prevClose = f.num("prev_closing_price", "pcp");
                BigDecimal diff = price.subtract(prevClose);
                assertThat(f.str("change", "c")).isEqualTo(diff.signum() > 0 ? "RISE" : diff.signum() < 0 ? "FALL" : "EVEN");
                assertThat(f.num("change_price", "cp")).isEqualByComparingTo(diff.abs());

                // The book right after the trade: the taker consumed the best level on its side.
                BigDecimal ask = f.num("best_ask_price", "bap");
                BigDecimal bid = f.num("best_bid_price", "bbp");
                assertThat(ask).isGreaterThan(bid);
                assertThat(trade.side() == Trade.Side.BID ? ask : bid).isEqualByComparingTo(price);
                assertThat(TickSize.onGrid("KRW", ask)).isTrue();
                assertThat(TickSize.onGrid("KRW", bid)).isTrue();
                assertThat(f.num("best_ask_size", "bas")).isPositive();
                assertThat(f.num("best_bid_size", "bbs")).isPositive();
            }
        }
    }

    @Test
    void tradesAgreeWithTheTickerOfTheSameMarket() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-ETH\"],\"is_only_snapshot\":true},"
                    + "{\"type\":\"trade\",\"codes\":[\"KRW-ETH\"],\"is_only_snapshot\":true}]");
            Map<String, Object> ticker = Json.object(client.next().text());
            Map<String, Object> trade = Json.object(client.next().text());
            assertThat(trade).containsEntry("stream_type", "SNAPSHOT");
            if (ticker.get("trade_timestamp").equals(trade.get("trade_timestamp"))) {
                assertThat((BigDecimal) trade.get("trade_price"))
                        .isEqualByComparingTo((BigDecimal) ticker.get("trade_price"));
                assertThat(trade.get("trade_volume")).isEqualTo(ticker.get("trade_volume"));
                assertThat(trade.get("change")).isEqualTo(ticker.get("change"));
                assertThat(trade.get("prev_closing_price")).isEqualTo(ticker.get("prev_closing_price"));
                assertThat(trade.get("change_price")).isEqualTo(ticker.get("change_price"));
            }
            // The snapshot is the last trade of the model as of the snapshot.
            assertThat(upbit.simulator().market().tradesAfter("KRW-ETH", -1))
                    .anyMatch(t -> BigDecimal.valueOf(t.sequentialId()).equals(trade.get("sequential_id")));
        }
    }

    @Test
    void numbersAreExactDecimalsWithoutExponent() {
        try (WsClient client = WsClient.connect(upbit.url())) {
            client.send("[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-XRP\"]}]");
            String text = client.next().text();
            assertThat(text).containsPattern("\"trade_price\":\\d+\\.\\d{8},");
            assertThat(text).containsPattern("\"sequential_id\":\\d{17},");
            assertThat(text).containsPattern("\"trade_volume\":\\d+\\.\\d{8},");
            assertThat(text).doesNotContain("E-", "E+", "e-", "e+");
        }
    }

    /** Reads a field by its DEFAULT or SIMPLE key. */
    record Field(Map<String, Object> item, boolean simple) {
        String str(String full, String abbreviated) {
            return (String) item.get(simple ? abbreviated : full);
        }

        BigDecimal num(String full, String abbreviated) {
            Object value = item.get(simple ? abbreviated : full);
            assertThat(value).as(full).isInstanceOf(BigDecimal.class);
            return (BigDecimal) value;
        }
    }
}
