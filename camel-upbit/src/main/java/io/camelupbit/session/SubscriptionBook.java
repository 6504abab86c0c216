package io.camelupbit.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.camelupbit.wire.TypeRequest;

/**
 * The ref-counted union of every subscriber's spec on one session, and the index that routes an event to the
 * subscribers that want it.
 * <p>
 * The subscribe request is derived from the union in a deterministic order (types, then codes, sorted), so the same
 * set of routes always yields the same request. Confined to the session's event loop: no locking.
 */
final class SubscriptionBook {

    private final Map<Subscriber, SubscriptionSpec> specs = new LinkedHashMap<>();
    /** type → code → how many subscribers want it. */
    private final Map<String, TreeMap<String, Integer>> counts = new TreeMap<>();
    /** type → code → subscribers, for dispatch. */
    private final Map<String, Map<String, List<Subscriber>>> index = new HashMap<>();

    /** @return false when the subscriber was registered already */
    boolean add(Subscriber subscriber) {
        SubscriptionSpec spec = subscriber.spec();
        if (specs.putIfAbsent(subscriber, spec) != null) {
            return false;
        }
        for (String code : spec.codes()) {
            counts.computeIfAbsent(spec.type(), t -> new TreeMap<>()).merge(code, 1, Integer::sum);
            index.computeIfAbsent(spec.type(), t -> new HashMap<>())
                    .computeIfAbsent(code, c -> new ArrayList<>(2))
                    .add(subscriber);
        }
        return true;
    }

    /** @return false when the subscriber was not registered */
    boolean remove(Subscriber subscriber) {
        SubscriptionSpec spec = specs.remove(subscriber);
        if (spec == null) {
            return false;
        }
        for (String code : spec.codes()) {
            TreeMap<String, Integer> codes = counts.get(spec.type());
            if (codes.merge(code, -1, Integer::sum) == 0) {
                codes.remove(code);
            }
            if (codes.isEmpty()) {
                counts.remove(spec.type());
            }
            Map<String, List<Subscriber>> byCode = index.get(spec.type());
            List<Subscriber> subscribers = byCode.get(code);
            subscribers.remove(subscriber);
            if (subscribers.isEmpty()) {
                byCode.remove(code);
            }
            if (byCode.isEmpty()) {
                index.remove(spec.type());
            }
        }
        return true;
    }

    boolean isEmpty() {
        return specs.isEmpty();
    }

    int size() {
        return specs.size();
    }

    List<Subscriber> subscribers() {
        return List.copyOf(specs.keySet());
    }

    /** The subscribers of one (type, code); an empty list when none. */
    List<Subscriber> subscribers(String type, String code) {
        Map<String, List<Subscriber>> byCode = index.get(type);
        if (byCode == null) {
            return List.of();
        }
        List<Subscriber> subscribers = byCode.get(code);
        return subscribers == null ? List.of() : subscribers;
    }

    /** The data-type objects of the full subscription, one per type, in a deterministic order. */
    List<TypeRequest> request() {
        List<TypeRequest> types = new ArrayList<>(counts.size());
        counts.forEach((type, codes) -> types.add(TypeRequest.of(type, new ArrayList<>(codes.keySet()))));
        return types;
    }
}
