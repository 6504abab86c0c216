package io.camelupbit.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The order lists of the REST API over an account's orders (research-rest.md §2.7-§2.9). Every list is sorted by
 * {@code created_at} ({@code order_by}: {@code desc}, the default, newest first; {@code asc}; orders placed in the
 * same instant keep their placement order, reversed by {@code desc}); the optional {@code market} filters by
 * code. Parameters a list does not know are ignored (they still count for the {@code query_hash}).
 */
final class OrderLists {

    private static final Set<String> OPEN_STATES = Set.of("wait", "watch");
    private static final Set<String> CLOSED_STATES = Set.of("done", "cancel");
    private static final Duration MAX_WINDOW = Duration.ofDays(7);

    private OrderLists() {
    }

    /**
     * {@code GET /v1/orders/open}: {@code state} or {@code states[]} ({@code wait}, {@code watch}; default
     * {@code wait}; not both), {@code page} (from 1) of {@code limit} (1 to 100, default 100) orders.
     */
    static List<SimOrder> open(List<SimOrder> orders, RestParams p) {
        Set<String> states = states(p, OPEN_STATES, Set.of("wait"));
        int page = integer(p, "page", 1, 1, Integer.MAX_VALUE);
        int limit = integer(p, "limit", 100, 1, 100);
        List<SimOrder> sorted = sorted(orders, p, o -> states.contains(o.state()));
        long from = (long) (page - 1) * limit;
        if (from >= sorted.size()) {
            return List.of();
        }
        return sorted.subList((int) from, (int) Math.min(sorted.size(), from + limit));
    }

    /**
     * {@code GET /v1/orders/closed}: {@code state} or {@code states[]} ({@code done}, {@code cancel}; default both),
     * orders created in [{@code start_time}, {@code end_time}] (both inclusive; a window of at most 7 days: only a
     * start gives the 7 days after it, only an end the 7 days before it, neither the 7 days before {@code now}),
     * the first {@code limit} (1 to 1,000, default 100). No pages, as Upbit.
     */
    static List<SimOrder> closed(List<SimOrder> orders, RestParams p, Instant now) {
        Set<String> states = states(p, CLOSED_STATES, CLOSED_STATES);
        int limit = integer(p, "limit", 100, 1, 1000);
        String startText = p.first("start_time");
        String endText = p.first("end_time");
        Instant start = startText == null ? null : KstTimes.parse("start_time", startText);
        Instant end = endText == null ? null : KstTimes.parse("end_time", endText);
        if (start == null && end == null) {
            end = now;
            start = now.minus(MAX_WINDOW);
        } else if (end == null) {
            end = start.plus(MAX_WINDOW);
        } else if (start == null) {
            start = end.minus(MAX_WINDOW);
        } else if (start.isAfter(end) || Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw RestFailure.invalid("start_time to end_time must be a window of at most 7 days");
        }
        Instant from = start;
        Instant to = end;
        List<SimOrder> sorted = sorted(orders, p, o -> states.contains(o.state())
                && !o.orderedAt().isBefore(from) && !o.orderedAt().isAfter(to));
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }

    /**
     * {@code GET /v1/orders/uuids}: the orders named by {@code uuids[]} or by {@code identifiers[]} (one of them,
     * at most 100 values); names that match no order are left out.
     */
    static List<SimOrder> byIds(List<SimOrder> orders, RestParams p) {
        List<String> uuids = p.all("uuids[]");
        List<String> identifiers = p.all("identifiers[]");
        if (!uuids.isEmpty() && !identifiers.isEmpty()) {
            throw RestFailure.invalid("uuids[] and identifiers[] cannot be combined");
        }
        if (uuids.isEmpty() && identifiers.isEmpty()) {
            throw RestFailure.missing("uuids[] or identifiers[]");
        }
        List<String> ids = uuids.isEmpty() ? identifiers : uuids;
        if (ids.size() > 100) {
            throw RestFailure.invalid("at most 100 ids: " + ids.size());
        }
        Set<String> wanted = Set.copyOf(ids);
        return sorted(orders, p, uuids.isEmpty() ? o -> wanted.contains(o.identifier())
                : o -> wanted.contains(o.uuid()));
    }

    private static List<SimOrder> sorted(List<SimOrder> orders, RestParams p, Predicate<SimOrder> wanted) {
        boolean ascending = ascending(p);
        String market = p.first("market");
        List<SimOrder> out = new ArrayList<>();
        for (SimOrder o : orders) {
            if (wanted.test(o) && (market == null || market.equals(o.code()))) {
                out.add(o);
            }
        }
        // Stable: equal times keep placement order, which desc then reverses with the rest.
        out.sort(Comparator.comparing(SimOrder::orderedAt));
        if (!ascending) {
            Collections.reverse(out);
        }
        return out;
    }

    private static boolean ascending(RestParams p) {
        String orderBy = p.first("order_by");
        if (orderBy == null || "desc".equals(orderBy)) {
            return false;
        }
        if ("asc".equals(orderBy)) {
            return true;
        }
        throw RestFailure.invalid("order_by must be asc or desc: " + orderBy);
    }

    private static Set<String> states(RestParams p, Set<String> allowed, Set<String> defaults) {
        String state = p.first("state");
        List<String> states = p.all("states[]");
        if (state != null && !states.isEmpty()) {
            throw RestFailure.invalid("state and states[] cannot be combined");
        }
        List<String> given = state != null ? List.of(state) : states;
        for (String s : given) {
            if (!allowed.contains(s)) {
                throw RestFailure.invalid("state must be one of " + allowed + ": " + s);
            }
        }
        return given.isEmpty() ? defaults : Set.copyOf(given);
    }

    private static int integer(RestParams p, String name, int absent, int min, int max) {
        String text = p.first(name);
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, as a value out of range is
        }
        throw RestFailure.invalid(name + " must be an integer from " + min + " to " + max + ": " + text);
    }
}
