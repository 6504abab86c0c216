package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.camelupbit.event.OrderbookEvent;
import io.camelupbit.wire.TypeRequest;

/**
 * The ref-counted union of every subscriber's spec on one session, and the index that routes an event to the
 * subscribers that want it.
 * <p>
 * The subscribe request is derived from the union, deterministically (types, levels, modes and codes sorted), so the
 * same routes always yield the same request. Merging: the codes of one type (and orderbook level) share an object per
 * snapshot mode, a code wanted in two modes is asked for in both and filtered per subscriber, an orderbook code is
 * asked for at the largest depth any subscriber wants, and a {@code myOrder} subscriber without codes makes the object
 * cover every market. Confined to the session's event loop: no locking.
 */
final class SubscriptionBook {

    private static final Comparator<ObjectKey> OBJECT_ORDER = Comparator.comparing(ObjectKey::type)
            .thenComparing(ObjectKey::level)
            .thenComparing(ObjectKey::mode);

    private final Map<Subscriber, SubscriptionSpec> specs = new LinkedHashMap<>();
    /** type → code → subscribers naming that code. */
    private final Map<String, Map<String, List<Subscriber>>> byCode = new HashMap<>();
    /** type → subscribers of every code of the type (myOrder without codes, myAsset). */
    private final Map<String, List<Subscriber>> allCodes = new HashMap<>();

    /** @return false when the subscriber was registered already */
    boolean add(Subscriber subscriber) {
        SubscriptionSpec spec = subscriber.spec();
        if (specs.putIfAbsent(subscriber, spec) != null) {
            return false;
        }
        if (spec.codes().isEmpty()) {
            allCodes.computeIfAbsent(spec.type(), t -> new ArrayList<>(2)).add(subscriber);
        }
        for (String code : spec.codes()) {
            byCode.computeIfAbsent(spec.type(), t -> new HashMap<>())
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
        if (spec.codes().isEmpty()) {
            removeFrom(allCodes, spec.type(), subscriber);
        }
        Map<String, List<Subscriber>> codes = byCode.get(spec.type());
        for (String code : spec.codes()) {
            removeFrom(codes, code, subscriber);
        }
        if (codes != null && codes.isEmpty()) {
            byCode.remove(spec.type());
        }
        return true;
    }

    private static <K> void removeFrom(Map<K, List<Subscriber>> index, K key, Subscriber subscriber) {
        List<Subscriber> subscribers = index.get(key);
        subscribers.remove(subscriber);
        if (subscribers.isEmpty()) {
            index.remove(key);
        }
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

    /** The subscribers that named this code of this type; an empty list when none. */
    List<Subscriber> subscribers(String type, String code) {
        Map<String, List<Subscriber>> codes = byCode.get(type);
        if (codes == null || code == null) {
            return List.of();
        }
        List<Subscriber> subscribers = codes.get(code);
        return subscribers == null ? List.of() : subscribers;
    }

    /** The subscribers of every code of this type; an empty list when none. */
    List<Subscriber> allCodeSubscribers(String type) {
        List<Subscriber> subscribers = allCodes.get(type);
        return subscribers == null ? List.of() : subscribers;
    }

    /** The data-type objects of the full subscription, in a deterministic order. */
    List<TypeRequest> request() {
        // (type, level) → code → what the subscribers of that code need together
        Map<ObjectKey, TreeMap<String, Need>> needs = new HashMap<>();
        Map<String, SnapshotMode> everyCode = new HashMap<>();
        for (SubscriptionSpec spec : specs.values()) {
            if (spec.codes().isEmpty()) {
                everyCode.merge(spec.type(), spec.snapshotMode(), SnapshotMode::merge);
            }
        }
        for (SubscriptionSpec spec : specs.values()) {
            if (everyCode.containsKey(spec.type())) {
                // one object without codes covers this type
                everyCode.merge(spec.type(), spec.snapshotMode(), SnapshotMode::merge);
                continue;
            }
            ObjectKey key = new ObjectKey(spec.type(), levelOf(spec), SnapshotMode.BOTH);
            TreeMap<String, Need> codes = needs.computeIfAbsent(key, k -> new TreeMap<>());
            for (String code : spec.codes()) {
                codes.merge(code, new Need(spec.snapshotMode(), depthOf(spec)), Need::merge);
            }
        }

        TreeMap<ObjectKey, List<String>> objects = new TreeMap<>(OBJECT_ORDER);
        needs.forEach((key, codes) -> codes.forEach((code, need) -> objects
                .computeIfAbsent(new ObjectKey(key.type(), key.level(), need.mode()), k -> new ArrayList<>())
                .add(need.depth() < SubscriptionSpec.FULL_DEPTH ? code + "." + need.depth() : code)));
        everyCode.forEach((type, mode) -> objects.put(new ObjectKey(type, BigDecimal.ZERO, mode), List.of()));

        List<TypeRequest> request = new ArrayList<>(objects.size());
        objects.forEach((key, codes) -> request.add(new TypeRequest(key.type(), codes,
                key.mode() == SnapshotMode.SNAPSHOT_ONLY, key.mode() == SnapshotMode.REALTIME_ONLY,
                key.level().signum() == 0 ? null : key.level())));
        return request;
    }

    private static BigDecimal levelOf(SubscriptionSpec spec) {
        return spec.level() == null ? BigDecimal.ZERO : spec.level().stripTrailingZeros();
    }

    private static int depthOf(SubscriptionSpec spec) {
        return OrderbookEvent.TYPE.equals(spec.type()) && spec.depth() > 0 ? spec.depth() : SubscriptionSpec.FULL_DEPTH;
    }

    /** One data-type object: type, orderbook level (0 otherwise) and snapshot mode. */
    private record ObjectKey(String type, BigDecimal level, SnapshotMode mode) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ObjectKey k && type.equals(k.type) && level.compareTo(k.level) == 0 && mode == k.mode;
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + level.stripTrailingZeros().hashCode() * 7 + mode.hashCode();
        }
    }

    /** What the subscribers of one code need: the merged snapshot mode and the largest depth. */
    private record Need(SnapshotMode mode, int depth) {
        Need merge(Need other) {
            return new Need(mode.merge(other.mode), Math.max(depth, other.depth));
        }
    }
}
