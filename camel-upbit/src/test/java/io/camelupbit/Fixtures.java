package io.camelupbit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.Asset;
import io.camelupbit.event.CandleEvent;
import io.camelupbit.event.CandleUnit;
import io.camelupbit.event.Change;
import io.camelupbit.event.MarketState;
import io.camelupbit.event.MarketWarning;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;
import io.camelupbit.event.OrderType;
import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.OrderbookUnit;
import io.camelupbit.event.SmpType;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TimeInForce;
import io.camelupbit.event.TradeEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixture frames (src/test/resources/frames) and the events they must decode to. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The fixture frame's text, e.g. {@code frame("ticker-default.json")}. */
    public static String frame(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/frames/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A realtime trade frame in Upbit's DEFAULT format with this market, time and sequential id. */
    public static String realtimeTrade(String code, long timestamp, long sequentialId) {
        return "{\"type\":\"trade\",\"code\":\"" + code + "\",\"timestamp\":" + timestamp
                + ",\"trade_date\":\"2024-10-31\",\"trade_time\":\"01:07:42\",\"trade_timestamp\":" + timestamp
                + ",\"trade_price\":1000,\"trade_volume\":1,\"ask_bid\":\"BID\",\"prev_closing_price\":1000,"
                + "\"change\":\"EVEN\",\"change_price\":0,\"sequential_id\":" + sequentialId
                + ",\"best_ask_price\":1001,\"best_ask_size\":1,\"best_bid_price\":999,\"best_bid_size\":1,"
                + "\"stream_type\":\"REALTIME\"}";
    }

    /**
     * The ticker of {@code ticker-default.json} / {@code ticker-simple.json}, written from the frame's text so that
     * every scale matches: {@code new BigDecimal("31883000.00000000")} is not equal to {@code 31883000}.
     */
    public static TickerEvent expectedTicker() {
        return new TickerEvent(
                "KRW-BTC",
                new BigDecimal("31883000"),
                new BigDecimal("32310000"),
                new BigDecimal("31855000"),
                new BigDecimal("32287000"),
                new BigDecimal("31883000.00000000"),
                Change.FALL,
                new BigDecimal("404000.00000000"),
                new BigDecimal("-404000.00000000"),
                new BigDecimal("0.0126713295"),
                new BigDecimal("-0.0126713295"),
                new BigDecimal("0.03103806"),
                new BigDecimal("2429.58834336"),
                new BigDecimal("7158.80283560"),
                new BigDecimal("78039261076.51241000"),
                new BigDecimal("228827082483.70729000"),
                LocalDate.of(2023, 2, 21),
                LocalTime.of(7, 41, 2),
                1676965262139L,
                AskBid.ASK,
                new BigDecimal("1146.25573608"),
                new BigDecimal("1283.33260728"),
                new BigDecimal("57678000.00000000"),
                LocalDate.of(2022, 3, 28),
                new BigDecimal("20700000.00000000"),
                LocalDate.of(2022, 12, 30),
                MarketState.ACTIVE,
                Boolean.FALSE,
                null,
                MarketWarning.NONE,
                1676965262177L,
                StreamType.REALTIME);
    }

    /** The trade of {@code trade-default.json} / {@code trade-simple.json}: an odd sequential id above 2^53. */
    public static TradeEvent expectedTrade() {
        return new TradeEvent("KRW-BTC", d("100473000.00000000"), d("0.00014208"), AskBid.BID, d("100571000.00000000"),
                Change.FALL, d("98000.00000000"), LocalDate.of(2024, 10, 31), LocalTime.of(1, 7, 42),
                1730336862047L, 1730336862082L, 17303368620470001L, d("100473000"), d("0.43139478"),
                d("100465000"), d("0.01990656"), StreamType.SNAPSHOT);
    }

    /** The book of {@code orderbook-default.json} / {@code orderbook-simple.json}. */
    public static OrderbookEvent expectedOrderbook() {
        return new OrderbookEvent("KRW-BTC", d("4.79158413"), d("2.65609625"), List.of(
                new OrderbookUnit(d("137002000"), d("137001000"), d("0.10623869"), d("0.03656812")),
                new OrderbookUnit(d("137023000.00"), d("137000000"), d("0.06144079"), d("0.33543284")),
                new OrderbookUnit(d("137030000"), d("136990000"), d("4.62390465"), d("2.28409529"))),
                1746601573804L, d("0"), StreamType.SNAPSHOT);
    }

    /** The candle of {@code candle-default.json} / {@code candle-simple.json}. */
    public static CandleEvent expectedCandle() {
        return new CandleEvent(CandleUnit.MINUTE_1, "KRW-BTC", LocalDateTime.of(2025, 1, 2, 4, 28),
                LocalDateTime.of(2025, 1, 2, 13, 28), d("142009000.00000000"), d("142100000.00000000"),
                d("141950000.00000000"), d("142050000.00000000"), d("0.00606119"), d("860743.5307100000000000"),
                1735792085824L, StreamType.REALTIME);
    }

    /** The fill of {@code myorder-default.json} / {@code myorder-simple.json}. */
    public static MyOrderEvent expectedMyOrderFill() {
        return new MyOrderEvent("KRW-BTC", "ac2dc2a3-fce9-40a2-a4f6-5987c25c438f", AskBid.BID, OrderType.LIMIT,
                OrderState.TRADE, "68315169-fba4-4175-ade3-aff14a616657", d("0.001453"), d("0.00145372"),
                d("30925891.29839369"), d("29968038.09235948"), d("30925891.29839371"), 1, d("44.23943970238218"),
                d("21.77177967409916"), d("22.467660028283017"), d("43565.33112787242"), d("44935.32005656603"),
                null, d("22.467660028283018"), Boolean.TRUE, "test-1", SmpType.CANCEL_MAKER, d("1.174291929"),
                d("0.001706246173"), 1710751590421L, 1710751590000L, 1710751597500L, StreamType.REALTIME);
    }

    /** The open market-buy order of {@code myorder-wait-default.json}: the doc's nulls. */
    public static MyOrderEvent expectedMyOrderWait() {
        return new MyOrderEvent("KRW-XRP", "0d2a3b6c-5a1e-4d2c-9e8f-7a6b5c4d3e2f", AskBid.BID, OrderType.PRICE,
                OrderState.WAIT, null, d("10000"), d("0"), null, null, null, 0, d("5"), d("5"), d("0"), d("10005"),
                d("0"), TimeInForce.IOC, null, null, null, null, d("0"), d("0"), null, 1710751590000L,
                1710751590012L, StreamType.REALTIME);
    }

    /** The balance change of {@code myasset-default.json} / {@code myasset-simple.json}: a 28-digit balance. */
    public static MyAssetEvent expectedMyAsset() {
        return new MyAssetEvent("e635f223-1609-4969-8fb6-4376937baad6", List.of(
                new Asset("KRW", d("1386929.37231066771348207123"), d("10329.670127489597585685")),
                new Asset("BTC", d("0.00010000"), d("0"))),
                1710146517259L, 1710146517267L, StreamType.REALTIME);
    }

    /**
     * Compares two records component by component with {@code equals} (so a {@link BigDecimal}'s scale counts), naming
     * the component that differs.
     */
    public static void assertSameFields(Record expected, Record actual) {
        assertThat(actual).isNotNull();
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        for (RecordComponent component : expected.getClass().getRecordComponents()) {
            try {
                assertThat(component.getAccessor().invoke(actual))
                        .as(expected.getClass().getSimpleName() + "." + component.getName())
                        .isEqualTo(component.getAccessor().invoke(expected));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }
}
