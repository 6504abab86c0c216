package io.camelupbit.wire;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.camelupbit.Fixtures;
import io.camelupbit.event.AnnouncementEvent;
import io.camelupbit.event.Change;
import io.camelupbit.event.IndicatorEvent;
import io.camelupbit.event.IndicatorParams;
import io.camelupbit.event.IndicatorTimeframe;
import io.camelupbit.event.MarketState;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.SmpType;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TradeEvent;
import io.camelupbit.event.UpbitEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decoder on bytes: every type, every field, both key styles, list frames, hostile input. */
class FrameDecoderTest {

    private final FrameDecoder decoder = new FrameDecoder();
    private final CollectingListener collected = new CollectingListener();

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("ticker", Fixtures.expectedTicker()),
                Arguments.of("trade", Fixtures.expectedTrade()),
                Arguments.of("orderbook", Fixtures.expectedOrderbook()),
                Arguments.of("candle", Fixtures.expectedCandle()),
                Arguments.of("myorder", Fixtures.expectedMyOrderFill()),
                Arguments.of("myasset", Fixtures.expectedMyAsset()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void defaultFrameDecodesEveryFieldExactly(String type, UpbitEvent expected) throws Exception {
        decode(Fixtures.frame(type + "-default.json"));

        assertThat(collected.events).hasSize(1);
        Fixtures.assertSameFields((Record) expected, (Record) collected.events.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void simpleFrameEqualsDefaultFrame(String type, UpbitEvent expected) throws Exception {
        decode(Fixtures.frame(type + "-simple.json"));

        assertThat(collected.events).hasSize(1);
        Fixtures.assertSameFields((Record) expected, (Record) collected.events.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void listFrameOfThreeItemsYieldsThreeEventsAndTheirJson(String type, UpbitEvent expected) throws Exception {
        String item = Fixtures.frame(type + "-simple.json").strip();

        decode("[" + item + ", " + item + ",\n" + item + "]");

        assertThat(collected.events).containsExactly(expected, expected, expected);
        assertThat(collected.json).containsExactly(item, item, item);
    }

    @Test
    void scaleCountsAndBigNumbersStayExact() throws Exception {
        decode(Fixtures.frame("ticker-default.json"));
        decode(Fixtures.frame("trade-default.json"));
        decode(Fixtures.frame("myasset-default.json"));

        TickerEvent ticker = (TickerEvent) collected.events.get(0);
        assertThat(ticker.prevClosingPrice()).isNotEqualTo(new BigDecimal("31883000"))
                .isEqualByComparingTo("31883000");
        assertThat(((io.camelupbit.event.TradeEvent) collected.events.get(1)).sequentialId())
                .isEqualTo(17303368620470001L).isOdd().isGreaterThan(1L << 53);
        assertThat(((io.camelupbit.event.MyAssetEvent) collected.events.get(2)).assets().get(0).balance().toPlainString())
                .isEqualTo("1386929.37231066771348207123");
    }

    @Test
    void everyNumberEqualsJdkParsingScaleIncluded() throws Exception {
        List<String> numbers = new ArrayList<>(List.of("0", "-0", "0.0", "-0.0", "7", "-7", "0.00000001",
                "999999999999999999", "-999999999999999999", "1000000000000000000", "9999999999999999999",
                "228827082483.70729000", "-228827082483.70729000", "1386929.37231066771348207123",
                "999999999999999999999999999999999999", "1234567890123456789012345678901234567",
                "18446744073709551616", "340282366920938463463374607431768211455", "1.5e3", "-2E-7", "1e+2",
                "78039261076.51241000", "9223372036854775807", "-9223372036854775807", "9223372036854775808",
                "-9223372036854775808", "922337203.6854775808", "0.0000000000000000001"));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++) {
            int digits = 1 + random.nextInt(38);
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            text.append(1 + random.nextInt(9));
            for (int d = 1; d < digits; d++) {
                text.append(random.nextInt(10));
            }
            if (digits > 1 && random.nextBoolean()) {
                text.insert(text.length() - random.nextInt(digits - 1) - 1, '.');
            }
            numbers.add(text.toString());
        }
        for (String number : numbers) {
            collected.events.clear();
            decode(Fixtures.frame("trade-default.json").replaceFirst("\"trade_price\":[^,]+", "\"trade_price\":" + number));
            assertThat(((io.camelupbit.event.TradeEvent) collected.events.get(0)).tradePrice())
                    .as(number).isEqualTo(new BigDecimal(number));
        }
    }

    @Test
    void nullsWhereTheDocAllowsThem() throws Exception {
        decode(Fixtures.frame("myorder-wait-default.json"));

        Fixtures.assertSameFields(Fixtures.expectedMyOrderWait(), (Record) collected.events.get(0));
    }

    @Test
    void decodesFromTheMiddleOfALargerBufferWithTheItemsJson() throws Exception {
        String item = Fixtures.frame("ticker-default.json");
        byte[] frame = item.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[frame.length + 20];
        buffer[0] = '{';
        System.arraycopy(frame, 0, buffer, 10, frame.length);
        buffer[buffer.length - 1] = '}';

        decoder.decode(buffer, 10, frame.length, collected);

        assertThat(collected.events).containsExactly(Fixtures.expectedTicker());
        assertThat(collected.json).containsExactly(item.strip());
    }

    @Test
    void unknownEnumValuesBecomeUnknownAndDatesParse() throws Exception {
        decode(Fixtures.frame("ticker-default.json")
                .replace("\"FALL\"", "\"SIDEWAYS\"")
                .replace("\"market_state\":\"ACTIVE\"", "\"market_state\":\"HALTED\"")
                .replace("\"delisting_date\":null", "\"delisting_date\":\"2030-01-15\""));

        TickerEvent ticker = (TickerEvent) collected.events.get(0);
        assertThat(ticker.change()).isEqualTo(Change.UNKNOWN);
        assertThat(ticker.marketState()).isEqualTo(MarketState.UNKNOWN);
        assertThat(ticker.delistingDate()).isEqualTo(LocalDate.of(2030, 1, 15));
    }

    @Test
    @SuppressWarnings("deprecation")
    void tickerFieldsUpbitDeprecatedAreStillDecodedAndMarkedDeprecated() throws Exception {
        // docs.upbit.com/kr/changelog/websocket-ticker-stream-deprecated-fields: removal date not yet announced
        decode(Fixtures.frame("ticker-default.json").replace("\"is_trading_suspended\":false", "\"is_trading_suspended\":true")
                .replace("\"market_warning\":\"NONE\"", "\"market_warning\":\"CAUTION\""));

        TickerEvent ticker = (TickerEvent) collected.events.get(0);
        assertThat(ticker.tradingSuspended()).isTrue();
        assertThat(ticker.marketWarning()).isEqualTo(io.camelupbit.event.MarketWarning.CAUTION);
        assertThat(TickerEvent.class.getMethod("tradingSuspended").isAnnotationPresent(Deprecated.class)).isTrue();
        assertThat(TickerEvent.class.getMethod("marketWarning").isAnnotationPresent(Deprecated.class)).isTrue();
    }

    @Test
    void aDelistingDateIsReadInEachDateForm() throws Exception {
        for (String form : List.of("20300115", "2030-01-15", "2030-01-15T00:00:00", "2030-01-15T00:00:00+09:00",
                "2030-01-15 00:00:00")) {
            collected.events.clear();
            decode(Fixtures.frame("ticker-default.json")
                    .replace("\"delisting_date\":null", "\"delisting_date\":\"" + form + "\""));

            assertThat(((TickerEvent) collected.events.get(0)).delistingDate()).as(form)
                    .isEqualTo(LocalDate.of(2030, 1, 15));
        }
        assertThat(collected.fieldErrors).isEmpty();
    }

    @Test
    void smpTypeNoneIsKnown() throws Exception {
        // every order carries smp_type since 2026-11-09; none is new (docs.upbit.com/kr/changelog/add-smp-type-default)
        decode(Fixtures.frame("myorder-default.json").replaceFirst("\"smp_type\":\"[a-z_]+\"", "\"smp_type\":\"none\""));

        assertThat(((io.camelupbit.event.MyOrderEvent) collected.events.get(0)).smpType()).isEqualTo(SmpType.NONE);
    }

    @Test
    void statusAndErrorFramesAreTheirOwnValues() throws Exception {
        decode("{\"status\":\"UP\"}");
        decode("{\"error\":{\"name\":\"INVALID_PARAM\",\"message\":\"잘못된 요청입니다.\"}}");

        assertThat(collected.statuses).containsExactly("UP");
        assertThat(collected.errors).containsExactly(new UpbitError("INVALID_PARAM", "잘못된 요청입니다."));
        assertThat(collected.events).isEmpty();
    }

    @Test
    void listSubscriptionsResponsesDecodeInBothKeyStyles() throws Exception {
        decode(Fixtures.frame("list-subscriptions-default.json"));
        decode(Fixtures.frame("list-subscriptions-simple.json"));

        assertThat(collected.lists).containsExactly(
                new SubscriptionList("unique uuid", List.of(
                        new TypeRequest("ticker", List.of("KRW-BTC", "KRW-ETH"), false, false, null),
                        new TypeRequest("orderbook", List.of("KRW-BTC", "KRW-ETH"), false, false, new BigDecimal("0")))),
                new SubscriptionList("12345", List.of(
                        new TypeRequest("ticker", List.of("KRW-BTC", "KRW-ETH"), false, false, null),
                        new TypeRequest("orderbook", List.of("KRW-BTC", "KRW-ETH"), false, false,
                                new BigDecimal("10000")))));
    }

    @Test
    void aMalformedAnnouncementTimeReadsAsNullAndTheNoticeIsDelivered() throws Exception {
        decode("{\"type\":\"announcement\",\"uuid\":\"1\",\"first_listed_at\":\"2026-07-14 16:36\","
                + "\"listed_at\":\"2026-07-14T16:36:34+09:00\",\"timestamp\":1,\"stream_type\":\"REALTIME\"}");

        assertThat(collected.events).singleElement().satisfies(e -> {
            AnnouncementEvent notice = (AnnouncementEvent) e;
            assertThat(notice.firstListedAt()).isNull();
            assertThat(notice.listedAt()).isEqualTo(OffsetDateTime.parse("2026-07-14T16:36:34+09:00"));
        });
        assertThat(collected.fieldErrors).singleElement().asString().startsWith("announcement.first_listed_at");
    }

    @Test
    void unknownTypesAreReportedAsIgnored() throws Exception {
        decode("{\"type\":\"orderbook_delta\",\"code\":\"X\",\"timestamp\":1,\"stream_type\":\"REALTIME\"}");

        assertThat(collected.ignored).containsExactly("orderbook_delta");
    }

    @Test
    void sharedSimpleKeysFollowTheValuesShape() throws Exception {
        // p, v and tf are myOrder's price, volume and trade_fee, and an indicator's params, value and timeframe
        decode("[{\"ty\":\"indicator\",\"cd\":\"KRW-BTC\",\"tf\":\"15m\",\"ind\":\"bollinger_bands\","
                + "\"p\":{\"p\":20,\"m\":2.0},\"v\":{\"bbu\":3,\"bbm\":2,\"bbl\":1},"
                + "\"cdttmu\":\"2026-09-03T04:45:00\",\"tms\":1,\"st\":\"REALTIME\"},"
                + "{\"ty\":\"myOrder\",\"cd\":\"KRW-BTC\",\"uid\":\"u\",\"p\":100,\"v\":\"0.5\",\"tf\":\"0.05\","
                + "\"tms\":2,\"st\":\"REALTIME\"}]");

        assertThat(collected.malformed).isEmpty();
        assertThat(collected.fieldErrors).isEmpty();
        assertThat(collected.events).hasSize(2);
        IndicatorEvent bands = (IndicatorEvent) collected.events.get(0);
        assertThat(bands.timeframe()).isEqualTo(IndicatorTimeframe.MINUTE_15);
        assertThat(bands.params()).isEqualTo(new IndicatorParams(20, null, null, null, new BigDecimal("2.0"), null,
                null, null));
        assertThat(bands.value().bbUpper()).isEqualByComparingTo("3");
        MyOrderEvent order = (MyOrderEvent) collected.events.get(1);
        assertThat(order.price()).isEqualByComparingTo("100");
        assertThat(order.volume()).isEqualByComparingTo("0.5");
        assertThat(order.tradeFee()).isEqualByComparingTo("0.05");
    }

    @Test
    void anIndicatorWithoutParamsCannotBeRouted() throws Exception {
        decode("{\"ty\":\"indicator\",\"cd\":\"KRW-BTC\",\"tf\":\"5m\",\"ind\":\"rsi\",\"p\":14,"
                + "\"v\":{\"rsi\":\"high\"},\"cdttmu\":\"2026-09-03T04:45:00\",\"tms\":1,\"st\":\"REALTIME\"}");

        assertThat(collected.events).isEmpty();
        assertThat(collected.malformed).singleElement().asString().contains("params");
    }

    @Test
    void truncatedFrameIsRejectedWithAnExcerpt() {
        String truncated = Fixtures.frame("ticker-default.json").substring(0, 300);

        assertThatThrownBy(() -> decode(truncated))
                .isInstanceOf(FrameDecodingException.class)
                .hasMessageContaining("{\"type\":\"ticker\",\"code\":\"KRW-BTC\"")
                .hasMessageContaining("(300 bytes)");
    }

    @Test
    void aMalformedFieldReadsAsNullAndItsEventIsDelivered() throws Exception {
        decode(Fixtures.frame("ticker-default.json").replace("\"trade_price\":32287000", "\"trade_price\":\"x\"")
                .replace("\"trade_timestamp\":1676965262139", "\"trade_timestamp\":[1]")
                .replace("\"delisting_date\":null", "\"delisting_date\":\"soon\""));

        TickerEvent ticker = (TickerEvent) collected.events.get(0);
        assertThat(ticker.tradePrice()).isNull();
        assertThat(ticker.tradeTimestamp()).isNull();
        assertThat(ticker.delistingDate()).isNull();
        assertThat(ticker.code()).isEqualTo("KRW-BTC");
        assertThat(ticker.highPrice()).isEqualTo(Fixtures.expectedTicker().highPrice());
        assertThat(collected.fieldErrors).containsExactly("ticker.trade_price: must be a number",
                "ticker.trade_timestamp: must be a single value",
                "ticker.delisting_date: must be a date (yyyyMMdd or yyyy-MM-dd)");
        assertThat(collected.malformed).isEmpty();
    }

    @Test
    void aMalformedKeyDropsOnlyItsItemAndTheRestOfTheListIsDelivered() throws Exception {
        String trade = Fixtures.frame("trade-default.json").strip();
        String badCode = trade.replace("\"code\":\"KRW-BTC\"", "\"code\":7");
        String noTimestamp = trade.replace("\"timestamp\":1730336862082,", "");
        String badSequence = trade.replace("17303368620470001", "1e30");
        String badPrice = trade.replace("100473000.00000000", "{\"a\":[1,2]}");

        decode("[" + trade + "," + badCode + ",1," + noTimestamp + "," + badSequence + "," + badPrice + ","
                + trade + "]");

        assertThat(collected.events).hasSize(3);
        assertThat(collected.events.get(0)).isEqualTo(Fixtures.expectedTrade());
        assertThat(((TradeEvent) collected.events.get(1)).tradePrice()).isNull();
        assertThat(collected.events.get(2)).isEqualTo(Fixtures.expectedTrade());
        assertThat(collected.malformed).containsExactly("trade@1: code must be a string",
                "null@2: a list item must be an object", "trade@3: missing timestamp",
                "trade@4: sequential_id must be an integer");
        assertThat(collected.fieldErrors).containsExactly("trade.trade_price: must be a single value");
    }

    @Test
    void numbersWrittenAsTextAreRead() throws Exception {
        decode(Fixtures.frame("trade-default.json").replace("100473000.00000000", "\"100473000.00000000\"")
                .replace("17303368620470001", "\"17303368620470001\""));

        assertThat(collected.events).containsExactly(Fixtures.expectedTrade());
        assertThat(collected.fieldErrors).isEmpty();
    }

    @Test
    void anExponentBombIsRefusedAndItsFieldReadsAsNull() throws Exception {
        decode(Fixtures.frame("ticker-default.json").replace("0.03103806", "1e-999999999"));

        assertThat(collected.events).hasSize(1);
        assertThat(collected.fieldErrors).singleElement().asString()
                .contains("must be a number with an exponent within 100");
    }

    @Test
    void aMegabyteOfDigitsIsRefusedBeforeParsingInEveryNumericField() throws Exception {
        String digits = "9".repeat(1 << 20);
        String trade = Fixtures.frame("trade-default.json");
        String book = Fixtures.frame("orderbook-default.json");
        String asset = Fixtures.frame("myasset-default.json");
        // a field that may be malformed: read as null, counted, delivered
        for (String field : List.of(
                trade.replace("0.00014208", digits),
                trade.replace("0.00014208", "\"" + digits + "\""),
                trade.replace("\"trade_timestamp\":1730336862047", "\"trade_timestamp\":" + digits),
                trade.replace("\"trade_timestamp\":1730336862047", "\"trade_timestamp\":\"" + digits + "\""),
                book.replace("0.10623869", digits),
                book.replace("4.79158413", "\"" + digits + "\""),
                asset.replace("0.00010000", digits))) {
            decode(field);
        }
        // a key: the item is dropped and counted
        for (String key : List.of(
                trade.replace("\"timestamp\":1730336862082", "\"timestamp\":" + digits),
                trade.replace("17303368620470001", digits),
                book.replace("\"level\":0", "\"level\":" + digits),
                book.replace("\"level\":0", "\"level\":\"" + digits + "\""))) {
            decode(key);
        }
        String list = Fixtures.frame("list-subscriptions-simple.json").replace("\"lv\":\"10000\"",
                "\"lv\":\"" + digits + "\"");

        assertThat(collected.events).hasSize(7);
        assertThat(collected.fieldErrors).hasSize(7).allSatisfy(error -> assertThat(error).containsAnyOf(
                "must be a number of at most 100 characters", "must be an integer of at most 20 characters"));
        assertThat(collected.malformed).hasSize(4).allSatisfy(error -> assertThat(error).containsAnyOf(
                "must be a number of at most 100 characters", "must be an integer of at most 20 characters"));
        assertThatThrownBy(() -> decode(list))
                .isInstanceOf(FrameDecodingException.class)
                .hasMessageContaining("must be a number of at most 100 characters");
    }

    @Test
    void aPrivateFrameIsNeverQuotedInAnError() throws Exception {
        FrameDecoder privateDecoder = new FrameDecoder(false);
        String asset = Fixtures.frame("myasset-default.json");
        byte[] truncated = asset.substring(0, 150).getBytes(StandardCharsets.UTF_8);
        byte[] unquoted = asset.replace("\"KRW\"", "KRW1386929").getBytes(StandardCharsets.UTF_8);
        byte[] badBalance = asset.replace("1386929.37231066771348207123", "\"1386929x\"")
                .replace("\"asset_uuid\":\"e635f223-1609-4969-8fb6-4376937baad6\",", "")
                .getBytes(StandardCharsets.UTF_8);

        for (byte[] frame : List.of(truncated, unquoted)) {
            assertThatThrownBy(() -> privateDecoder.decode(frame, 0, frame.length, collected))
                    .isInstanceOf(FrameDecodingException.class)
                    .hasMessageContaining("not well-formed JSON at byte")
                    .hasMessageContaining("in a frame of " + frame.length + " bytes")
                    .hasMessageNotContaining("1386929")
                    .hasMessageNotContaining("KRW")
                    .hasNoCause();
        }
        privateDecoder.decode(badBalance, 0, badBalance.length, collected);
        assertThat(collected.malformed).containsExactly("myAsset@0: missing asset_uuid");
        assertThat(String.join(" ", collected.malformed) + String.join(" ", collected.fieldErrors))
                .doesNotContain("1386929");
    }

    @Test
    void aMissingKeyDropsTheItem() throws Exception {
        decode(Fixtures.frame("ticker-default.json").replace("\"code\":\"KRW-BTC\",", ""));

        assertThat(collected.events).isEmpty();
        assertThat(collected.malformed).containsExactly("ticker@0: missing code");
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] frame = Fixtures.frame("ticker-default.json").getBytes(StandardCharsets.UTF_8);
        int at = new String(frame, StandardCharsets.UTF_8).indexOf("KRW-BTC");
        frame[at] = (byte) 0xC3;
        frame[at + 1] = (byte) 0x28;

        assertThatThrownBy(() -> decoder.decode(frame, 0, frame.length, collected))
                .isInstanceOf(FrameDecodingException.class);
    }

    private void decode(String json) throws FrameDecodingException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        decoder.decode(bytes, 0, bytes.length, collected);
    }
}
