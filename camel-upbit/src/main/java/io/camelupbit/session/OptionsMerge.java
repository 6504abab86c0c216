package io.camelupbit.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.camelupbit.event.IndicatorTimeframe;
import io.camelupbit.wire.IndicatorChoice;
import io.camelupbit.wire.TypeOptions;
import io.camelupbit.wire.TypeRequest;

/**
 * Merges the specs of the types that carry options into their data-type objects, deterministically.
 * <ul>
 * <li>{@code announcement}: one object; the union of the categories (none as soon as one route wants every category),
 * the body when any route wants it (the others get events without it).</li>
 * <li>{@code indicator}, {@code indicator_signal}: per timeframe, each indicator asked for exactly the codes routes
 * want it for; indicators wanted for the same codes share an object. So the request holds every (code, indicator)
 * combination once and none no route wants: Upbit counts combinations against a limit of 100 per connection.</li>
 * </ul>
 */
final class OptionsMerge {

    private OptionsMerge() {
    }

    static List<TypeRequest> objects(List<SubscriptionSpec> specs) {
        List<TypeRequest> objects = new ArrayList<>();
        announcement(specs, objects);
        indicators(specs, objects);
        return objects;
    }

    private static void announcement(List<SubscriptionSpec> specs, List<TypeRequest> objects) {
        Map<String, SortedSet<String>> categories = new TreeMap<>();
        Map<String, Boolean> body = new TreeMap<>();
        for (SubscriptionSpec spec : specs) {
            if (spec.options() instanceof TypeOptions.Announcement a) {
                SortedSet<String> merged = categories.get(spec.type());
                boolean all = a.categories().isEmpty() || merged != null && merged.isEmpty();
                if (all) {
                    categories.put(spec.type(), new TreeSet<>());
                } else {
                    categories.computeIfAbsent(spec.type(), t -> new TreeSet<>()).addAll(a.categories());
                }
                body.merge(spec.type(), a.includeBody(), Boolean::logicalOr);
            }
        }
        categories.forEach((type, wanted) -> objects.add(new TypeRequest(type, List.of(), false, false, null,
                new TypeOptions.Announcement(wanted, body.get(type)))));
    }

    private static void indicators(List<SubscriptionSpec> specs, List<TypeRequest> objects) {
        // (type, timeframe) → indicator → codes wanted, in a stable order
        Map<String, Map<IndicatorTimeframe, Map<String, Wanted>>> wanted = new TreeMap<>();
        for (SubscriptionSpec spec : specs) {
            if (spec.options() instanceof TypeOptions.Indicators i) {
                Map<String, Wanted> byChoice = wanted.computeIfAbsent(spec.type(), t -> new TreeMap<>())
                        .computeIfAbsent(i.timeframe(), t -> new TreeMap<>());
                for (IndicatorChoice choice : i.indicators()) {
                    byChoice.computeIfAbsent(choice.toString(), k -> new Wanted(choice)).codes.addAll(spec.codes());
                }
            }
        }
        wanted.forEach((type, byTimeframe) -> byTimeframe.forEach((timeframe, byChoice) -> {
            Map<SortedSet<String>, List<IndicatorChoice>> byCodes = new LinkedHashMap<>();
            byChoice.values().forEach(w -> byCodes.computeIfAbsent(w.codes, c -> new ArrayList<>()).add(w.choice));
            List<Map.Entry<SortedSet<String>, List<IndicatorChoice>>> groups = new ArrayList<>(byCodes.entrySet());
            groups.sort(Comparator.comparing(e -> String.join(",", e.getKey())));
            for (Map.Entry<SortedSet<String>, List<IndicatorChoice>> group : groups) {
                objects.add(new TypeRequest(type, List.copyOf(group.getKey()), false, false, null,
                        new TypeOptions.Indicators(timeframe, group.getValue())));
            }
        }));
    }

    /** One indicator and the codes routes want it for. */
    private static final class Wanted {
        final IndicatorChoice choice;
        final SortedSet<String> codes = new TreeSet<>();

        Wanted(IndicatorChoice choice) {
            this.choice = choice;
        }
    }
}
