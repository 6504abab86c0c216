package io.camelupbit.wire;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import io.camelupbit.event.IndicatorTimeframe;

/** What a data-type object carries beyond its type and codes, for the types that take more. */
public sealed interface TypeOptions {

    /**
     * {@code announcement}: the categories (Upbit's names, sorted; empty means every category) and whether the body
     * is wanted.
     */
    record Announcement(SortedSet<String> categories, boolean includeBody) implements TypeOptions {
        public Announcement {
            categories = Collections.unmodifiableSortedSet(new TreeSet<>(categories));
        }
    }

    /** {@code indicator} and {@code indicator_signal}: the candle period and the indicators. */
    record Indicators(IndicatorTimeframe timeframe, List<IndicatorChoice> indicators) implements TypeOptions {
        public Indicators {
            indicators = List.copyOf(indicators);
        }
    }
}
