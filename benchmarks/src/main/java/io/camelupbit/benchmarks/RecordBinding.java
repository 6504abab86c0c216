package io.camelupbit.benchmarks;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.event.OrderbookUnit;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.TradeEvent;

/**
 * Jackson data-binding straight into camel-upbit's event records, configured in the benchmark only: a naming strategy
 * that maps each record component to its DEFAULT (snake case, with Upbit's exceptions) or SIMPLE key, and
 * deserializers for Upbit's two date and time spellings. Enums bind by name (Upbit's texts are the constant names).
 */
final class RecordBinding {

    private RecordBinding() {
    }

    static ObjectMapper mapper(Frames.Format format) {
        ObjectMapper mapper = new ObjectMapper();
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.setPropertyNamingStrategy(format == Frames.Format.DEFAULT ? new Names(DEFAULT) : new Names(SIMPLE));
        SimpleModule module = new SimpleModule("upbit-time");
        module.addDeserializer(LocalDate.class, new DateDeserializer());
        module.addDeserializer(LocalTime.class, new TimeDeserializer());
        mapper.registerModule(module);
        return mapper;
    }

    static Class<?> recordOf(Frames.Kind kind) {
        return switch (kind) {
            case ticker -> TickerEvent.class;
            case trade -> TradeEvent.class;
            case orderbook -> OrderbookEvent.class;
        };
    }

    /** Keys by "Record.component" or by component alone; anything else falls back to snake case (DEFAULT only). */
    private static final Map<String, String> DEFAULT = new HashMap<>();
    private static final Map<String, String> SIMPLE = new HashMap<>();

    static {
        DEFAULT.put("highest52WeekPrice", "highest_52_week_price");
        DEFAULT.put("highest52WeekDate", "highest_52_week_date");
        DEFAULT.put("lowest52WeekPrice", "lowest_52_week_price");
        DEFAULT.put("lowest52WeekDate", "lowest_52_week_date");
        DEFAULT.put("accTradeVolume24h", "acc_trade_volume_24h");
        DEFAULT.put("accTradePrice24h", "acc_trade_price_24h");
        DEFAULT.put("tradingSuspended", "is_trading_suspended");
        DEFAULT.put("OrderbookEvent.units", "orderbook_units");

        String[][] simple = {
            {"code", "cd"}, {"openingPrice", "op"}, {"highPrice", "hp"}, {"lowPrice", "lp"}, {"tradePrice", "tp"},
            {"prevClosingPrice", "pcp"}, {"change", "c"}, {"changePrice", "cp"}, {"signedChangePrice", "scp"},
            {"changeRate", "cr"}, {"signedChangeRate", "scr"}, {"tradeVolume", "tv"}, {"accTradeVolume", "atv"},
            {"accTradeVolume24h", "atv24h"}, {"accTradePrice", "atp"}, {"accTradePrice24h", "atp24h"},
            {"TickerEvent.tradeDate", "tdt"}, {"TradeEvent.tradeDate", "td"}, {"tradeTime", "ttm"},
            {"tradeTimestamp", "ttms"}, {"askBid", "ab"}, {"accAskVolume", "aav"}, {"accBidVolume", "abv"},
            {"highest52WeekPrice", "h52wp"}, {"highest52WeekDate", "h52wdt"}, {"lowest52WeekPrice", "l52wp"},
            {"lowest52WeekDate", "l52wdt"}, {"marketState", "ms"}, {"tradingSuspended", "its"},
            {"delistingDate", "dd"}, {"marketWarning", "mw"}, {"timestamp", "tms"}, {"streamType", "st"},
            {"sequentialId", "sid"}, {"bestAskPrice", "bap"}, {"bestAskSize", "bas"}, {"bestBidPrice", "bbp"},
            {"bestBidSize", "bbs"}, {"totalAskSize", "tas"}, {"totalBidSize", "tbs"}, {"OrderbookEvent.units", "obu"},
            {"level", "lv"}, {"askPrice", "ap"}, {"bidPrice", "bp"}, {"askSize", "as"}, {"bidSize", "bs"},
        };
        for (String[] pair : simple) {
            SIMPLE.put(pair[0], pair[1]);
        }
    }

    private static final class Names extends PropertyNamingStrategy {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, String> keys;
        private final transient PropertyNamingStrategies.NamingBase snake =
                (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

        Names(Map<String, String> keys) {
            this.keys = keys;
        }

        private String key(Class<?> owner, String name) {
            String key = keys.get(owner.getSimpleName() + "." + name);
            if (key == null) {
                key = keys.get(name);
            }
            if (key != null) {
                return key;
            }
            return keys == DEFAULT ? snake.translate(name) : name;
        }

        @Override
        public String nameForField(MapperConfig<?> config, AnnotatedField field, String defaultName) {
            return key(field.getDeclaringClass(), defaultName);
        }

        @Override
        public String nameForGetterMethod(MapperConfig<?> config, AnnotatedMethod method, String defaultName) {
            return key(method.getDeclaringClass(), defaultName);
        }

        @Override
        public String nameForSetterMethod(MapperConfig<?> config, AnnotatedMethod method, String defaultName) {
            return key(method.getDeclaringClass(), defaultName);
        }

        @Override
        public String nameForConstructorParameter(MapperConfig<?> config, AnnotatedParameter param,
                String defaultName) {
            return key(param.getDeclaringClass(), defaultName);
        }
    }

    /** {@code yyyyMMdd} or {@code yyyy-MM-dd}. */
    private static final class DateDeserializer extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String t = p.getText();
            return t.length() == 8
                    ? LocalDate.of(Integer.parseInt(t, 0, 4, 10), Integer.parseInt(t, 4, 6, 10),
                            Integer.parseInt(t, 6, 8, 10))
                    : LocalDate.of(Integer.parseInt(t, 0, 4, 10), Integer.parseInt(t, 5, 7, 10),
                            Integer.parseInt(t, 8, 10, 10));
        }
    }

    /** {@code HHmmss} or {@code HH:mm:ss}. */
    private static final class TimeDeserializer extends JsonDeserializer<LocalTime> {
        @Override
        public LocalTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String t = p.getText();
            return t.length() == 6
                    ? LocalTime.of(Integer.parseInt(t, 0, 2, 10), Integer.parseInt(t, 2, 4, 10),
                            Integer.parseInt(t, 4, 6, 10))
                    : LocalTime.of(Integer.parseInt(t, 0, 2, 10), Integer.parseInt(t, 3, 5, 10),
                            Integer.parseInt(t, 6, 8, 10));
        }
    }
}
