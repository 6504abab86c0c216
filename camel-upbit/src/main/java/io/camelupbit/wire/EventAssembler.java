package io.camelupbit.wire;

import io.camelupbit.event.AskBid;
import io.camelupbit.event.Change;
import io.camelupbit.event.MarketState;
import io.camelupbit.event.MarketWarning;
import io.camelupbit.event.StreamType;
import io.camelupbit.event.TickerEvent;
import io.camelupbit.event.UpbitEvent;

/** Builds the typed event from the slots of one decoded data object. */
final class EventAssembler {

    private EventAssembler() {
    }

    /**
     * @return the event, or {@code null} when this version does not decode the object's type
     * @throws IllegalArgumentException when a required field is missing or a value is out of shape
     */
    static UpbitEvent assemble(String type, FieldSlots s) {
        return switch (type) {
            case TickerEvent.TYPE -> ticker(s);
            default -> null;
        };
    }

    private static TickerEvent ticker(FieldSlots s) {
        return new TickerEvent(
                required(s, Field.CODE),
                s.decimal(Field.OPENING_PRICE),
                s.decimal(Field.HIGH_PRICE),
                s.decimal(Field.LOW_PRICE),
                s.decimal(Field.TRADE_PRICE),
                s.decimal(Field.PREV_CLOSING_PRICE),
                s.text(Field.CHANGE) != null ? Change.of(s.text(Field.CHANGE)) : null,
                s.decimal(Field.CHANGE_PRICE),
                s.decimal(Field.SIGNED_CHANGE_PRICE),
                s.decimal(Field.CHANGE_RATE),
                s.decimal(Field.SIGNED_CHANGE_RATE),
                s.decimal(Field.TRADE_VOLUME),
                s.decimal(Field.ACC_TRADE_VOLUME),
                s.decimal(Field.ACC_TRADE_VOLUME_24H),
                s.decimal(Field.ACC_TRADE_PRICE),
                s.decimal(Field.ACC_TRADE_PRICE_24H),
                TimeText.date(s.text(Field.TRADE_DATE)),
                TimeText.time(s.text(Field.TRADE_TIME)),
                requiredLong(s, Field.TRADE_TIMESTAMP),
                s.text(Field.ASK_BID) != null ? AskBid.of(s.text(Field.ASK_BID)) : null,
                s.decimal(Field.ACC_ASK_VOLUME),
                s.decimal(Field.ACC_BID_VOLUME),
                s.decimal(Field.HIGHEST_52_WEEK_PRICE),
                TimeText.date(s.text(Field.HIGHEST_52_WEEK_DATE)),
                s.decimal(Field.LOWEST_52_WEEK_PRICE),
                TimeText.date(s.text(Field.LOWEST_52_WEEK_DATE)),
                s.text(Field.MARKET_STATE) != null ? MarketState.of(s.text(Field.MARKET_STATE)) : null,
                s.bool(Field.IS_TRADING_SUSPENDED),
                TimeText.date(s.text(Field.DELISTING_DATE)),
                s.text(Field.MARKET_WARNING) != null ? MarketWarning.of(s.text(Field.MARKET_WARNING)) : null,
                requiredLong(s, Field.TIMESTAMP),
                StreamType.of(required(s, Field.STREAM_TYPE)));
    }

    private static String required(FieldSlots s, Field field) {
        String value = s.text(field);
        if (value == null) {
            throw new IllegalArgumentException("missing " + field.defaultKey);
        }
        return value;
    }

    private static long requiredLong(FieldSlots s, Field field) {
        if (!s.has(field)) {
            throw new IllegalArgumentException("missing " + field.defaultKey);
        }
        return s.longValue(field);
    }
}
