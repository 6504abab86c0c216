package io.camelupbit.test;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outbound data faults of one connection, between its data items and the frames that carry them: items to drop
 * (by type, or of any type), items held back until released, and the record of the items kept from the client by
 * a drop or by silence ({@link WithheldItem}). Only data items pass here; pushes, status, error and list-response
 * frames do not.
 *
 * <p>Thread-safe: the test sets it from its own thread, the connection's event loop passes items through it; each
 * method holds the gate's lock.
 */
final class ItemGate {

    /** How many {@link WithheldItem}s {@link #withheld()} keeps, the newest. */
    static final int WITHHELD_KEPT = 10_000;
    /** The key of the count of items of any type to drop. */
    private static final String ANY = "";

    private final String connectionId;
    private final Clock clock;
    private final Map<String, Integer> toDrop = new HashMap<>();
    private final Deque<WithheldItem> withheld = new ArrayDeque<>();
    private long withheldCount;
    private boolean holding;
    /** Items held back, in the batches (frames, in a list format) they were due in. */
    private final List<List<DataItem>> held = new ArrayList<>();
    private int heldCount;

    ItemGate(String connectionId, Clock clock) {
        this.connectionId = connectionId;
        this.clock = clock;
    }

    /**
     * Adds {@code count} to the items of this type (or of any type, when {@code null}) to drop; 0 clears that count.
     *
     * @throws IllegalArgumentException for a negative count
     */
    synchronized void drop(String type, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        String k = type == null ? ANY : type;
        if (count == 0) {
            toDrop.remove(k);
        } else {
            toDrop.merge(k, count, Integer::sum);
        }
    }

    /** Items still to drop, over all types. */
    synchronized int toDrop() {
        return toDrop.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** From now on, items that pass are held back until {@link #release()}. */
    synchronized void hold() {
        holding = true;
    }

    synchronized boolean holding() {
        return holding;
    }

    /** Items held back now. */
    synchronized int heldCount() {
        return heldCount;
    }

    /** Ends holding and returns the batches held back, oldest first. */
    synchronized List<List<DataItem>> release() {
        holding = false;
        List<List<DataItem>> out = List.copyOf(held);
        held.clear();
        heldCount = 0;
        return out;
    }

    /**
     * The items of this batch to write now: none when the connection is silent (all withheld), else those not
     * dropped, unless they are held back.
     */
    synchronized List<DataItem> pass(List<DataItem> items, boolean silent) {
        if (silent) {
            withhold(items, WithheldItem.Reason.SILENT);
            return List.of();
        }
        List<DataItem> kept = items;
        if (!toDrop.isEmpty()) {
            kept = new ArrayList<>(items.size());
            for (DataItem item : items) {
                if (takeDrop(item)) {
                    withhold(List.of(item), WithheldItem.Reason.DROPPED);
                } else {
                    kept.add(item);
                }
            }
        }
        if (holding && !kept.isEmpty()) {
            held.add(List.copyOf(kept));
            heldCount += kept.size();
            return List.of();
        }
        return kept;
    }

    /** Records these items as withheld for this reason. */
    synchronized void withhold(List<DataItem> items, WithheldItem.Reason reason) {
        for (DataItem item : items) {
            ItemIdentity id = ItemIdentity.of(item);
            withheld.addLast(new WithheldItem(connectionId, clock.instant(), reason, id.type(), id.code(),
                    id.streamType(), id.key()));
            withheldCount++;
            if (withheld.size() > WITHHELD_KEPT) {
                withheld.removeFirst();
            }
        }
    }

    /** The newest withheld items, oldest first (a copy). */
    synchronized List<WithheldItem> withheld() {
        return List.copyOf(withheld);
    }

    /** Every item withheld since the connection opened. */
    synchronized long withheldCount() {
        return withheldCount;
    }

    /** Whether this item is to be dropped, counting it: its type's count first, then the count of any type. */
    private boolean takeDrop(DataItem item) {
        String type = ItemIdentity.of(item).type();
        return take(Objects.requireNonNull(type)) || take(ANY);
    }

    private boolean take(String k) {
        Integer left = toDrop.get(k);
        if (left == null) {
            return false;
        }
        if (left == 1) {
            toDrop.remove(k);
        } else {
            toDrop.put(k, left - 1);
        }
        return true;
    }
}
