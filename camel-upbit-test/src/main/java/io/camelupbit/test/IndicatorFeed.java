package io.camelupbit.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one connection's {@code indicator} and {@code indicator_signal} objects produce at candle closes
 * (research-new-streams.md §e): per combination, kept once however often it was asked, an {@code indicator} item at
 * every close after the subscription, and an {@code indicator_signal} item only when its condition turns from unmet
 * to met. The state before the first close is computed from the history at subscription time, so a condition
 * already met then does not fire. Codes that are no KRW market get nothing, without an error (as Upbit documents).
 * Confined to its connection's event loop.
 */
final class IndicatorFeed {

    private final IndicatorEngine engine;
    private List<IndicatorCombination> combinations = List.of();
    /** Whether each signal's condition held at the last close it saw. */
    private final Map<IndicatorCombination, Boolean> met = new HashMap<>();
    /** The sequence of the last close of each series taken into account. */
    private final Map<SeriesKey, Long> seen = new HashMap<>();

    IndicatorFeed(IndicatorEngine engine) {
        this.engine = engine;
    }

    /** Takes a new subscription set (replacing the combinations and their states). */
    void replace(List<Subscription> subscriptions) {
        Set<IndicatorCombination> wanted = new LinkedHashSet<>();
        for (Subscription s : subscriptions) {
            if (!DataTypes.INFO.contains(s.type())) {
                continue;
            }
            boolean signal = DataTypes.INDICATOR_SIGNAL.equals(s.type());
            Timeframe timeframe = Timeframe.byName(s.timeframe());
            for (IndicatorRequest request : s.indicators()) {
                IndicatorChoice choice = IndicatorRules.accepted(signal, request);
                for (String code : s.codes()) {
                    if (IndicatorEngine.supports(code)) {
                        wanted.add(new IndicatorCombination(s.type(), code, timeframe, choice));
                    }
                }
            }
        }
        combinations = List.copyOf(wanted);
        met.clear();
        seen.clear();
        Map<SeriesKey, CandleWindow> windows = new HashMap<>();
        for (IndicatorCombination c : combinations) {
            CandleWindow window = windows.computeIfAbsent(c.series(), engine::window);
            seen.put(c.series(), window.sequence());
            if (c.choice().trigger() != null) {
                met.put(c, holds(c, window, false));
            }
        }
    }

    /** The items of this close: one per indicator combination of its series, and the signals that fire. */
    List<DataItem> closed(CandleWindow window, long timestamp) {
        Long last = seen.get(window.series());
        if (last == null || window.sequence() <= last) {
            return List.of(); // not subscribed, or a close from before the subscription
        }
        seen.put(window.series(), window.sequence());
        List<DataItem> items = new ArrayList<>();
        for (IndicatorCombination c : combinations) {
            if (!c.series().equals(window.series())) {
                continue;
            }
            if (c.choice().trigger() == null) {
                items.add(IndicatorMessage.of(c, window, timestamp));
                continue;
            }
            boolean before = met.get(c);
            boolean now = holds(c, window, before);
            met.put(c, now);
            if (now && !before) {
                items.add(IndicatorMessage.of(c, window, timestamp));
            }
        }
        return items;
    }

    /** Stops the combinations of this type and code without a word, as a server that lost them would. */
    void forget(String type, String code) {
        combinations = combinations.stream().filter(c -> !c.type().equals(type) || !c.code().equals(code)).toList();
    }

    private static boolean holds(IndicatorCombination c, CandleWindow window, boolean previous) {
        IndicatorChoice choice = c.choice();
        return choice.trigger().met(choice, window.values(choice.spec()), window.close(), previous);
    }
}
