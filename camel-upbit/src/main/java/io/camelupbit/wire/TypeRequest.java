package io.camelupbit.wire;

import java.math.BigDecimal;
import java.util.List;

/**
 * One data-type object of a subscribe request.
 *
 * @param type         Upbit type name, e.g. {@code ticker}
 * @param codes        market codes (orderbook codes may carry a {@code .N} depth suffix); empty means "leave out"
 * @param onlySnapshot send {@code is_only_snapshot}
 * @param onlyRealtime send {@code is_only_realtime}
 * @param level        orderbook aggregation level, {@code null} to leave out
 * @param options      what announcement and indicator objects carry besides; {@code null} for the other types
 */
public record TypeRequest(String type, List<String> codes, boolean onlySnapshot, boolean onlyRealtime, BigDecimal level,
                          TypeOptions options) {

    public TypeRequest {
        codes = List.copyOf(codes);
    }

    /** An object of a type that takes no options. */
    public TypeRequest(String type, List<String> codes, boolean onlySnapshot, boolean onlyRealtime, BigDecimal level) {
        this(type, codes, onlySnapshot, onlyRealtime, level, null);
    }

    /** A type with codes, snapshot and realtime. */
    public static TypeRequest of(String type, List<String> codes) {
        return new TypeRequest(type, codes, false, false, null);
    }
}
