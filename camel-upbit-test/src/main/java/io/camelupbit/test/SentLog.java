package io.camelupbit.test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * What the simulator sent, item by item: a bounded ring of {@link SentItem}s over all connections, oldest first,
 * in write order. It lets a test count loss against what was really written: every item the client should have
 * received is here, as long as {@link #evicted()} is 0 (otherwise the oldest have fallen out).
 *
 * <p>Sized by {@link UpbitSimulator.Builder#sentLog(int)} (default 100,000 items; 0 records nothing). It outlives
 * connections; {@link UpbitSimulator#reset()} empties it and zeroes {@link #recorded()} and {@link #evicted()}.
 * Thread-safe: the reads return copies, and recording holds the lock only to append (never while writing to the
 * network).
 */
public final class SentLog {

    private final int capacity;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final Deque<SentItem> ring = new ArrayDeque<>();
    private long recorded;
    private long evicted;

    SentLog(int capacity, Clock clock) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock);
    }

    /** Records these items, in order, as handed now to the channel of this connection. */
    void record(String connectionId, List<DataItem> items) {
        if (capacity == 0 || items.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<ItemIdentity> identities = new ArrayList<>(items.size());
        for (DataItem item : items) {
            identities.add(ItemIdentity.of(item));
        }
        synchronized (this) {
            // The sequence is taken under the lock so that the ring's order is the sequence order.
            for (ItemIdentity id : identities) {
                ring.addLast(new SentItem(connectionId, sequence.incrementAndGet(), now, id.type(), id.code(),
                        id.streamType(), id.key()));
                recorded++;
                if (ring.size() > capacity) {
                    ring.removeFirst();
                    evicted++;
                }
            }
        }
    }

    /** Every item still in the ring, oldest first (a copy). */
    public List<SentItem> items() {
        return select(item -> true);
    }

    /**
     * The items of this type and bare code still in the ring, oldest first (a copy).
     *
     * @param type e.g. {@code trade} or {@code myOrder}
     * @param code a bare market code, or {@code null} for every code of the type (so {@code myAsset} and
     *             {@code announcement}, which have no code, take {@code null})
     */
    public List<SentItem> items(String type, String code) {
        Objects.requireNonNull(type, "type");
        return select(item -> type.equals(item.type()) && (code == null || code.equals(item.code())));
    }

    /**
     * The newest item of this type and bare code still in the ring: what a poll of the newest event should answer.
     *
     * @param type e.g. {@code ticker}
     * @param code a bare market code, or {@code null} for any code of the type
     */
    public Optional<SentItem> newest(String type, String code) {
        List<SentItem> items = items(type, code);
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(items.size() - 1));
    }

    /** The items of this connection still in the ring, oldest first (a copy). */
    List<SentItem> itemsOf(String connectionId) {
        return select(item -> item.connectionId().equals(connectionId));
    }

    private synchronized List<SentItem> select(Predicate<SentItem> filter) {
        List<SentItem> out = new ArrayList<>();
        for (SentItem item : ring) {
            if (filter.test(item)) {
                out.add(item);
            }
        }
        return out;
    }

    /** How many items were recorded since start or the last reset, evicted ones included. */
    public synchronized long recorded() {
        return recorded;
    }

    /**
     * How many recorded items fell out of the ring since start or the last reset, oldest first. 0 means
     * {@link #items()} holds everything recorded: a test that counts loss should assert it.
     */
    public synchronized long evicted() {
        return evicted;
    }

    /** How many items the ring holds at most (0: recording is off). */
    public int capacity() {
        return capacity;
    }

    /** Empties the ring and zeroes the counts; the sequence goes on, so sequences stay unique. */
    synchronized void clear() {
        ring.clear();
        recorded = 0;
        evicted = 0;
    }

    @Override
    public synchronized String toString() {
        return "SentLog[" + ring.size() + "/" + capacity + ", recorded " + recorded + ", evicted " + evicted + "]";
    }
}
