package io.camelupbit.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelupbit.wire.IndicatorChoice;
import io.camelupbit.wire.IndicatorRules;
import io.camelupbit.wire.TypeOptions;

/**
 * The combinations (code x indicator, both indicator types together) one info connection holds: Upbit refuses a
 * request of more than {@value IndicatorRules#MAX_COMBINATIONS} as a whole ({@code TOO_MANY_REQUEST}) and closes the
 * connection, which would take every indicator route down. So a route that would go beyond fails at its start
 * instead, and the routes already running keep their data. Combinations two routes share count once.
 * <p>
 * Not thread-safe: the component claims and releases under the lock that guards its sessions.
 */
public final class IndicatorBudget {

    /** (type, timeframe, indicator, code) → how many routes hold it. */
    private final Map<String, Integer> held = new HashMap<>();

    /**
     * Holds the spec's combinations.
     *
     * @throws IllegalArgumentException when they would take the connection beyond Upbit's limit; nothing is held then
     */
    public void claim(SubscriptionSpec spec) {
        List<String> combinations = combinations(spec);
        int added = (int) combinations.stream().distinct().filter(c -> !held.containsKey(c)).count();
        if (held.size() + added > IndicatorRules.MAX_COMBINATIONS) {
            throw new IllegalArgumentException("upbit:" + spec.type() + " asks for " + combinations.size()
                    + " combinations (codes x indicators), " + added + " of them new; with the " + held.size()
                    + " the info connection holds already that is more than Upbit's "
                    + IndicatorRules.MAX_COMBINATIONS + " per connection (indicator and indicator_signal together): "
                    + "use fewer codes or indicators, or another API key (each has its own connection)");
        }
        combinations.forEach(c -> held.merge(c, 1, Integer::sum));
    }

    /** The spec's route left. */
    public void release(SubscriptionSpec spec) {
        for (String combination : combinations(spec)) {
            held.computeIfPresent(combination, (c, n) -> n == 1 ? null : n - 1);
        }
    }

    /** How many combinations are held. */
    public int size() {
        return held.size();
    }

    private static List<String> combinations(SubscriptionSpec spec) {
        List<String> combinations = new ArrayList<>();
        if (spec.options() instanceof TypeOptions.Indicators i) {
            for (IndicatorChoice choice : i.indicators()) {
                for (String code : spec.codes()) {
                    combinations.add(spec.type() + '|' + i.timeframe() + '|' + choice + '|' + code);
                }
            }
        }
        return combinations;
    }
}
