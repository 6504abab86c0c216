package io.camelupbit.test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a ticker message is complete and self-consistent (upbit-protocol.md §4.1). */
final class TickerAssertions {

    private TickerAssertions() {
    }

    static void assertCompleteTicker(Map<String, Object> t, String code, String streamType, boolean simple) {
        String[] keys = Arrays.stream(TickerKey.values()).map(k -> k.name(simple)).toArray(String[]::new);
        assertThat(t).containsOnlyKeys(keys);
        assertThat(t.get(key(TickerKey.TYPE, simple))).isEqualTo("ticker");
        assertThat(t.get(key(TickerKey.CODE, simple))).isEqualTo(code);
        assertThat(t.get(key(TickerKey.STREAM_TYPE, simple))).isEqualTo(streamType);

        BigDecimal open = num(t, TickerKey.OPENING_PRICE, simple);
        BigDecimal high = num(t, TickerKey.HIGH_PRICE, simple);
        BigDecimal low = num(t, TickerKey.LOW_PRICE, simple);
        BigDecimal trade = num(t, TickerKey.TRADE_PRICE, simple);
        BigDecimal prevClose = num(t, TickerKey.PREV_CLOSING_PRICE, simple);
        String quote = MarketCodes.quote(code);
        for (BigDecimal price : new BigDecimal[] {open, high, low, trade, prevClose}) {
            assertThat(price).isPositive();
            assertThat(TickSize.onGrid(quote, price)).as("%s on the tick grid", price).isTrue();
        }
        assertThat(low).isLessThanOrEqualTo(open).isLessThanOrEqualTo(trade);
        assertThat(high).isGreaterThanOrEqualTo(open).isGreaterThanOrEqualTo(trade);
        // Upbit writes prev_closing_price with 8 decimals (31883000.00000000).
        assertThat(prevClose.scale()).isEqualTo(8);

        BigDecimal diff = trade.subtract(prevClose);
        String change = (String) t.get(key(TickerKey.CHANGE, simple));
        assertThat(change).isEqualTo(diff.signum() > 0 ? "RISE" : diff.signum() < 0 ? "FALL" : "EVEN");
        assertThat(num(t, TickerKey.CHANGE_PRICE, simple)).isEqualByComparingTo(diff.abs());
        assertThat(num(t, TickerKey.SIGNED_CHANGE_PRICE, simple)).isEqualByComparingTo(diff);
        BigDecimal rate = diff.divide(prevClose, 10, RoundingMode.HALF_UP);
        assertThat(num(t, TickerKey.SIGNED_CHANGE_RATE, simple)).isEqualByComparingTo(rate);
        assertThat(num(t, TickerKey.CHANGE_RATE, simple)).isEqualByComparingTo(rate.abs());

        BigDecimal accVolume = num(t, TickerKey.ACC_TRADE_VOLUME, simple);
        assertThat(num(t, TickerKey.TRADE_VOLUME, simple)).isPositive();
        assertThat(num(t, TickerKey.ACC_ASK_VOLUME, simple).add(num(t, TickerKey.ACC_BID_VOLUME, simple)))
                .isEqualByComparingTo(accVolume);
        assertThat(num(t, TickerKey.ACC_TRADE_PRICE, simple)).isPositive();
        assertThat(num(t, TickerKey.ACC_TRADE_PRICE_24H, simple)).isPositive();
        assertThat(num(t, TickerKey.ACC_TRADE_VOLUME_24H, simple)).isPositive();
        assertThat(t.get(key(TickerKey.ASK_BID, simple))).isIn("ASK", "BID");

        long tradeTimestamp = num(t, TickerKey.TRADE_TIMESTAMP, simple).longValueExact();
        long timestamp = num(t, TickerKey.TIMESTAMP, simple).longValueExact();
        assertThat(timestamp).isGreaterThanOrEqualTo(tradeTimestamp);
        Instant tradeTime = Instant.ofEpochMilli(tradeTimestamp);
        assertThat(t.get(key(TickerKey.TRADE_DATE, simple)))
                .isEqualTo(DateTimeFormatter.ofPattern("yyyyMMdd").format(tradeTime.atOffset(ZoneOffset.UTC)));
        assertThat(t.get(key(TickerKey.TRADE_TIME, simple)))
                .isEqualTo(DateTimeFormatter.ofPattern("HHmmss").format(tradeTime.atOffset(ZoneOffset.UTC)));

        BigDecimal high52 = num(t, TickerKey.HIGHEST_52_WEEK_PRICE, simple);
        BigDecimal low52 = num(t, TickerKey.LOWEST_52_WEEK_PRICE, simple);
        assertThat(high52).isGreaterThanOrEqualTo(high);
        assertThat(low52).isLessThanOrEqualTo(low).isPositive();
        LocalDate tradeDay = tradeTime.atOffset(ZoneOffset.UTC).toLocalDate();
        assertThat(LocalDate.parse((String) t.get(key(TickerKey.HIGHEST_52_WEEK_DATE, simple))))
                .isBetween(tradeDay.minusYears(1), tradeDay);
        assertThat(LocalDate.parse((String) t.get(key(TickerKey.LOWEST_52_WEEK_DATE, simple))))
                .isBetween(tradeDay.minusYears(1), tradeDay);

        assertThat(t.get(key(TickerKey.MARKET_STATE, simple))).isEqualTo("ACTIVE");
        assertThat(t.get(key(TickerKey.MARKET_WARNING, simple))).isEqualTo("NONE");
        assertThat(t.get(key(TickerKey.IS_TRADING_SUSPENDED, simple))).isEqualTo(false);
        assertThat(t).containsEntry(key(TickerKey.DELISTING_DATE, simple), null);
    }

    static String key(Key key, boolean simple) {
        return key.name(simple);
    }

    static BigDecimal num(Map<String, Object> t, Key key, boolean simple) {
        Object value = t.get(key.name(simple));
        assertThat(value).as(key.full()).isInstanceOf(BigDecimal.class);
        return (BigDecimal) value;
    }
}
