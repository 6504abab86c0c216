package io.camelupbit.session;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one subscriber wants from Upbit.
 *
 * @param type  Upbit type name, e.g. {@code ticker}
 * @param codes market codes, upper case, sorted
 */
public record SubscriptionSpec(String type, SortedSet<String> codes) {

    public SubscriptionSpec {
        codes = Collections.unmodifiableSortedSet(new TreeSet<>(codes));
    }
}
