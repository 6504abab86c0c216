package io.camelupbit.session;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The events waiting for one route, in one of two disciplines. An event displaced while it carries the resync mark
 * passes the mark on to the next event of its market, so a gap is never hidden by the policy that followed it. Not
 * thread-safe: guarded by its {@link Delivery}.
 */
interface PendingEvents {

    /** Adds an event; returns how many waiting events it displaced (conflated or dropped). */
    int add(ReceivedEvent event);

    /** The next event to deliver, or {@code null}. */
    ReceivedEvent poll();

    int size();

    /** A queue that keeps every event; when full it either drops its oldest or grows past the limit (pause mode). */
    final class Queued implements PendingEvents {
        private final ArrayDeque<ReceivedEvent> queue = new ArrayDeque<>();
        private final int capacity;
        private final boolean dropOldest;
        /** Markets whose dropped event carried the resync mark: their next event out carries it instead. */
        private final Set<String> resyncCarried = new HashSet<>(2);

        Queued(int capacity, boolean dropOldest) {
            this.capacity = capacity;
            this.dropOldest = dropOldest;
        }

        @Override
        public int add(ReceivedEvent event) {
            int dropped = 0;
            // in pause mode the connection stops reading at capacity; events already read still get in
            while (dropOldest && queue.size() >= capacity) {
                ReceivedEvent lost = queue.pollFirst();
                if (lost.resync()) {
                    resyncCarried.add(String.valueOf(lost.event().code()));
                }
                dropped++;
            }
            queue.addLast(event);
            return dropped;
        }

        @Override
        public ReceivedEvent poll() {
            ReceivedEvent next = queue.pollFirst();
            if (next != null && !resyncCarried.isEmpty() && resyncCarried.remove(String.valueOf(next.event().code()))
                    && !next.resync()) {
                return next.resynced();
            }
            return next;
        }

        @Override
        public int size() {
            return queue.size();
        }
    }

    /** The newest event per market, markets in the order their first waiting event arrived. */
    final class Latest implements PendingEvents {
        private final Map<String, ReceivedEvent> byCode = new LinkedHashMap<>();

        @Override
        public int add(ReceivedEvent event) {
            String code = String.valueOf(event.event().code());
            ReceivedEvent displaced = byCode.put(code, event);
            if (displaced == null) {
                return 0;
            }
            if (displaced.resync() && !event.resync()) {
                byCode.put(code, event.resynced());
            }
            return 1;
        }

        @Override
        public ReceivedEvent poll() {
            Iterator<ReceivedEvent> it = byCode.values().iterator();
            if (!it.hasNext()) {
                return null;
            }
            ReceivedEvent next = it.next();
            it.remove();
            return next;
        }

        @Override
        public int size() {
            return byCode.size();
        }
    }
}
