package io.camelupbit.test;

import java.math.BigDecimal;

/**
 * One market data stream, as the simulator serves it to every connection subscribed to it alike: the type, the bare
 * code, and for orderbooks the normalised level and the depth (rows per book; a connection asking one
 * (code, level) with several depths gets the deepest). {@code level} is {@code null} and {@code depth} 0 for the
 * other types.
 */
record StreamKey(String type, String code, BigDecimal level, int depth) {

    /** The stream this subscription object names for this code, before depths are merged (depth 0). */
    static StreamKey of(Subscription s, String code) {
        boolean orderbook = DataTypes.ORDERBOOK.equals(s.type());
        BigDecimal level = orderbook ? TickSize.normalize(s.level() == null ? BigDecimal.ZERO : s.level()) : null;
        return new StreamKey(s.type(), MarketCodes.bare(code), level, 0);
    }

    /** This stream with that depth. */
    StreamKey withDepth(int rows) {
        return new StreamKey(type, code, level, rows);
    }
}
