package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelupbit.event.OrderbookEvent;

/**
 * Which connection of the public channel a route goes on. Upbit documents several orderbook {@code level}s in one
 * subscription only for different markets (https://docs.upbit.com/kr/reference/websocket-orderbook); what it does
 * with one market at two levels is undocumented. So no connection asks for that: a market's orderbook at a second
 * level goes on the next connection (lane), created for it. Every other route goes on lane 0.
 * <p>
 * Not thread-safe: the component claims and releases under the lock that guards its sessions.
 */
public final class LevelLanes {

    /** Per lane: market → level → how many routes hold it there. */
    private final List<Map<String, Map<BigDecimal, Integer>>> lanes = new ArrayList<>();

    /** The lowest lane where none of the spec's markets is held at another orderbook level; the spec now holds it. */
    public int claim(SubscriptionSpec spec) {
        if (!OrderbookEvent.TYPE.equals(spec.type())) {
            return 0;
        }
        BigDecimal level = level(spec);
        for (int lane = 0; ; lane++) {
            if (lane == lanes.size()) {
                lanes.add(new HashMap<>());
            }
            Map<String, Map<BigDecimal, Integer>> held = lanes.get(lane);
            if (spec.codes().stream().allMatch(code -> fits(held.get(code), level))) {
                for (String code : spec.codes()) {
                    held.computeIfAbsent(code, c -> new HashMap<>()).merge(level, 1, Integer::sum);
                }
                return lane;
            }
        }
    }

    /** The spec left the lane it claimed. */
    public void release(int lane, SubscriptionSpec spec) {
        if (!OrderbookEvent.TYPE.equals(spec.type())) {
            return;
        }
        BigDecimal level = level(spec);
        Map<String, Map<BigDecimal, Integer>> held = lanes.get(lane);
        for (String code : spec.codes()) {
            Map<BigDecimal, Integer> levels = held.get(code);
            if (levels.merge(level, -1, Integer::sum) == 0) {
                levels.remove(level);
            }
            if (levels.isEmpty()) {
                held.remove(code);
            }
        }
    }

    private static boolean fits(Map<BigDecimal, Integer> levels, BigDecimal level) {
        return levels == null || levels.isEmpty() || levels.size() == 1 && levels.containsKey(level);
    }

    /** Level 10000 and 1E+4 are one level; no level is level 0. */
    private static BigDecimal level(SubscriptionSpec spec) {
        return spec.level() == null ? BigDecimal.ZERO : spec.level().stripTrailingZeros();
    }
}
