package io.camelupbit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Realistic Upbit frames, as one-line JSON: the ticker (~951 bytes in DEFAULT, like Upbit's ~949), a trade, and an
 * orderbook with 30 units, in DEFAULT and SIMPLE. The samples are those of camel-upbit's decoder tests
 * ({@code camel-upbit/src/test/resources/frames}), flattened; the orderbook is extended to 30 units.
 */
public final class Frames {

    /** Width of {@link #stamp}: a 19-digit number that fits a long and the decoder's {@code long} timestamp. */
    public static final int STAMP_DIGITS = 19;
    /** Added to a nanoTime offset so that the stamp always has {@link #STAMP_DIGITS} digits. */
    public static final long STAMP_BASE = 1_000_000_000_000_000_000L;

    private Frames() {
    }

    public enum Kind { ticker, trade, orderbook }

    public enum Format { DEFAULT, SIMPLE }

    /** The frame's bytes, with the realistic Upbit millisecond timestamp. */
    public static byte[] frame(Kind kind, Format format) {
        return text(kind, format, "KRW-BTC", "1676965262177").getBytes(StandardCharsets.UTF_8);
    }

    /** A frame's text for a code, with the given timestamp text (a JSON number). */
    public static String text(Kind kind, Format format, String code, String timestamp) {
        boolean d = format == Format.DEFAULT;
        return switch (kind) {
            case ticker -> d ? tickerDefault(code, timestamp) : tickerSimple(code, timestamp);
            case trade -> d ? tradeDefault(code, timestamp) : tradeSimple(code, timestamp);
            case orderbook -> orderbook(d, code, timestamp);
        };
    }

    /** The 100 market codes of the end-to-end runs. */
    public static List<String> codes(int n) {
        List<String> codes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            codes.add(String.format(Locale.ROOT, "KRW-C%03d", i));
        }
        return codes;
    }

    /** A placeholder stamp of {@link #STAMP_DIGITS} digits, to be patched at send time. */
    public static String placeholderStamp() {
        return Long.toString(STAMP_BASE);
    }

    static String tickerDefault(String code, String ts) {
        return "{\"type\":\"ticker\",\"code\":\"" + code + "\",\"opening_price\":31883000,\"high_price\":32310000,"
                + "\"low_price\":31855000,\"trade_price\":32287000,\"prev_closing_price\":31883000.00000000,"
                + "\"acc_trade_price\":78039261076.51241000,\"change\":\"FALL\",\"change_price\":404000.00000000,"
                + "\"signed_change_price\":-404000.00000000,\"change_rate\":0.0126713295,"
                + "\"signed_change_rate\":-0.0126713295,\"ask_bid\":\"ASK\",\"trade_volume\":0.03103806,"
                + "\"acc_trade_volume\":2429.58834336,\"trade_date\":\"20230221\",\"trade_time\":\"074102\","
                + "\"trade_timestamp\":1676965262139,\"acc_ask_volume\":1146.25573608,"
                + "\"acc_bid_volume\":1283.33260728,\"highest_52_week_price\":57678000.00000000,"
                + "\"highest_52_week_date\":\"2022-03-28\",\"lowest_52_week_price\":20700000.00000000,"
                + "\"lowest_52_week_date\":\"2022-12-30\",\"market_state\":\"ACTIVE\","
                + "\"is_trading_suspended\":false,\"delisting_date\":null,\"market_warning\":\"NONE\","
                + "\"timestamp\":" + ts + ",\"acc_trade_price_24h\":228827082483.70729000,"
                + "\"acc_trade_volume_24h\":7158.80283560,\"stream_type\":\"REALTIME\"}";
    }

    static String tickerSimple(String code, String ts) {
        return "{\"ty\":\"ticker\",\"cd\":\"" + code + "\",\"op\":31883000,\"hp\":32310000,\"lp\":31855000,"
                + "\"tp\":32287000,\"pcp\":31883000.00000000,\"atp\":78039261076.51241000,\"c\":\"FALL\","
                + "\"cp\":404000.00000000,\"scp\":-404000.00000000,\"cr\":0.0126713295,\"scr\":-0.0126713295,"
                + "\"ab\":\"ASK\",\"tv\":0.03103806,\"atv\":2429.58834336,\"tdt\":\"20230221\",\"ttm\":\"074102\","
                + "\"ttms\":1676965262139,\"aav\":1146.25573608,\"abv\":1283.33260728,\"h52wp\":57678000.00000000,"
                + "\"h52wdt\":\"2022-03-28\",\"l52wp\":20700000.00000000,\"l52wdt\":\"2022-12-30\",\"ms\":\"ACTIVE\","
                + "\"its\":false,\"dd\":null,\"mw\":\"NONE\",\"tms\":" + ts + ",\"atp24h\":228827082483.70729000,"
                + "\"atv24h\":7158.80283560,\"st\":\"REALTIME\"}";
    }

    static String tradeDefault(String code, String ts) {
        return "{\"type\":\"trade\",\"code\":\"" + code + "\",\"timestamp\":" + ts + ",\"trade_date\":\"2024-10-31\","
                + "\"trade_time\":\"01:07:42\",\"trade_timestamp\":1730336862047,"
                + "\"trade_price\":100473000.00000000,\"trade_volume\":0.00014208,\"ask_bid\":\"BID\","
                + "\"prev_closing_price\":100571000.00000000,\"change\":\"FALL\",\"change_price\":98000.00000000,"
                + "\"sequential_id\":17303368620470001,\"best_ask_price\":100473000,\"best_ask_size\":0.43139478,"
                + "\"best_bid_price\":100465000,\"best_bid_size\":0.01990656,\"stream_type\":\"REALTIME\"}";
    }

    static String tradeSimple(String code, String ts) {
        return "{\"ty\":\"trade\",\"cd\":\"" + code + "\",\"tms\":" + ts + ",\"td\":\"2024-10-31\","
                + "\"ttm\":\"01:07:42\",\"ttms\":1730336862047,\"tp\":100473000.00000000,\"tv\":0.00014208,"
                + "\"ab\":\"BID\",\"pcp\":100571000.00000000,\"c\":\"FALL\",\"cp\":98000.00000000,"
                + "\"sid\":17303368620470001,\"bap\":100473000,\"bas\":0.43139478,\"bbp\":100465000,"
                + "\"bbs\":0.01990656,\"st\":\"REALTIME\"}";
    }

    /** 30 units, prices one tick (1,000 KRW) apart, sizes with 8 decimals like Upbit's. */
    static String orderbook(boolean d, String code, String ts) {
        StringBuilder b = new StringBuilder(4096);
        b.append(d ? "{\"type\":\"orderbook\",\"code\":\"" : "{\"ty\":\"orderbook\",\"cd\":\"").append(code)
                .append(d ? "\",\"timestamp\":" : "\",\"tms\":").append(ts)
                .append(d ? ",\"total_ask_size\":4.79158413,\"total_bid_size\":2.65609625,\"orderbook_units\":["
                        : ",\"tas\":4.79158413,\"tbs\":2.65609625,\"obu\":[");
        for (int i = 0; i < 30; i++) {
            if (i > 0) {
                b.append(',');
            }
            long ask = 137_002_000L + 1000L * i;
            long bid = 137_001_000L - 1000L * i;
            String askSize = String.format(Locale.ROOT, "%.8f", 0.10623869 + 0.0371 * i);
            String bidSize = String.format(Locale.ROOT, "%.8f", 0.03656812 + 0.0529 * i);
            b.append(d ? "{\"ask_price\":" : "{\"ap\":").append(ask)
                    .append(d ? ",\"bid_price\":" : ",\"bp\":").append(bid)
                    .append(d ? ",\"ask_size\":" : ",\"as\":").append(askSize)
                    .append(d ? ",\"bid_size\":" : ",\"bs\":").append(bidSize).append('}');
        }
        b.append(d ? "],\"stream_type\":\"REALTIME\",\"level\":0}" : "],\"st\":\"REALTIME\",\"lv\":0}");
        return b.toString();
    }
}
