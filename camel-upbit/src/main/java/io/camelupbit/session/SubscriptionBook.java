package io.camelupbit.session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

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

    private final Map<Delivery, Registration> registrations = new LinkedHashMap<>();
    /** type → code → routes naming that code. */
    private final Map<String, Map<String, List<Registration>>> byCode = new HashMap<>();
    /** type → routes of every code of the type (myOrder without codes, myAsset). */
    private final Map<String, List<Registration>> allCodes = new HashMap<>();
    /** Written on the event loop; read by a line that decodes on another ({@link LoopRelay}). */
    private volatile int jsonRoutes;
    /** A new route's arbitration between lines: none with one line. */
    private final Function<SubscriptionSpec, LineArbiter> arbiters;

    /** A book for a channel of one line. */
    SubscriptionBook() {
        this(spec -> null);
    }

    /**
     * @param arbiters makes a new route's {@link LineArbiter} for its spec, or {@code null} when the channel has one
     *                 line
     */
    SubscriptionBook(Function<SubscriptionSpec, LineArbiter> arbiters) {
        this.arbiters = arbiters;
    }

    /** The route's registration, {@code null} when it is not in the book. */
    Registration registration(Delivery delivery) {
        return registrations.get(delivery);
    }

    /**
     * @param afterGap whether the route's next event of each market carries the resync mark (a resumed route)
     * @return the new registration, or {@code null} when the delivery was registered already
     */
    Registration add(Delivery delivery, boolean afterGap) {
        return add(delivery, delivery.spec(), afterGap);
    }

    /**
     * As {@link #add(Delivery, boolean)}, for the part of the route's codes this session holds (a shard).
     *
     * @param spec the route's spec with the codes this session carries for it
     */
    Registration add(Delivery delivery, SubscriptionSpec spec, boolean afterGap) {
        if (registrations.containsKey(delivery)) {
            return null;
        }
        Registration registration = new Registration(delivery, spec, afterGap, arbiters.apply(spec));
        registrations.put(delivery, registration);
        jsonRoutes += delivery.wantsJson() ? 1 : 0;
        if (spec.codes().isEmpty()) {
            allCodes.computeIfAbsent(spec.type(), t -> new ArrayList<>(2)).add(registration);
        }
        for (String code : spec.codes()) {
            byCode.computeIfAbsent(spec.type(), t -> new HashMap<>())
                    .computeIfAbsent(code, c -> new ArrayList<>(2))
                    .add(registration);
        }
        return registration;
    }

    /** @return the removed registration, or {@code null} when the delivery was not registered */
    Registration remove(Delivery delivery) {
        Registration registration = registrations.remove(delivery);
        if (registration == null) {
            return null;
        }
        jsonRoutes -= delivery.wantsJson() ? 1 : 0;
        SubscriptionSpec spec = registration.spec;
        if (spec.codes().isEmpty()) {
            removeFrom(allCodes, spec.type(), registration);
        }
        Map<String, List<Registration>> codes = byCode.get(spec.type());
        for (String code : spec.codes()) {
            removeFrom(codes, code, registration);
        }
        if (codes != null && codes.isEmpty()) {
            byCode.remove(spec.type());
        }
        return registration;
    }

    private static <K> void removeFrom(Map<K, List<Registration>> index, K key, Registration registration) {
        List<Registration> list = index.get(key);
        list.remove(registration);
        if (list.isEmpty()) {
            index.remove(key);
        }
    }

    boolean contains(Delivery delivery) {
        return registrations.containsKey(delivery);
    }

    boolean isEmpty() {
        return registrations.isEmpty();
    }

    /** How many routes want each item's JSON text (bodyType=json). */
    int jsonRoutes() {
        return jsonRoutes;
    }

    int size() {
        return registrations.size();
    }

    /** Every registration, in registration order. */
    Collection<Registration> all() {
        return registrations.values();
    }

    /** The routes that named this code of this type; an empty list when none. */
    List<Registration> named(String type, String code) {
        Map<String, List<Registration>> codes = byCode.get(type);
        if (codes == null || code == null) {
            return List.of();
        }
        List<Registration> list = codes.get(code);
        return list == null ? List.of() : list;
    }

    /** The routes of every code of this type; an empty list when none. */
    List<Registration> everyCode(String type) {
        List<Registration> list = allCodes.get(type);
        return list == null ? List.of() : list;
    }

    /** The data-type objects of the full subscription, in a deterministic order. */
    List<TypeRequest> request() {
        return request(registrations.values());
    }

    /** The data-type objects of one route's subscription alone. */
    static List<TypeRequest> requestOf(Registration registration) {
        return request(List.of(registration));
    }

    private static List<TypeRequest> request(Collection<Registration> registrations) {
        // (type, level) → code → what the subscribers of that code need together
        Map<ObjectKey, TreeMap<String, Need>> needs = new HashMap<>();
        Map<String, SnapshotMode> everyCode = new HashMap<>();
        List<SubscriptionSpec> withOptions = new ArrayList<>();
        for (Registration registration : registrations) {
            SubscriptionSpec spec = registration.spec;
            if (spec.options() != null) {
                withOptions.add(spec);
            } else if (spec.codes().isEmpty()) {
                everyCode.merge(spec.type(), spec.snapshotMode(), SnapshotMode::merge);
            }
        }
        for (Registration registration : registrations) {
            SubscriptionSpec spec = registration.spec;
            if (spec.options() != null) {
                continue;
            }
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
        request.addAll(OptionsMerge.objects(withOptions));
        request.sort(Comparator.comparing(TypeRequest::type));
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
