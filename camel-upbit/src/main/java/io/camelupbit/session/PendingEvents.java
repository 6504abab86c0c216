package io.camelupbit.session;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The events waiting for one route, in one of two disciplines. Not thread-safe: guarded by its {@link Delivery}. */
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

        Queued(int capacity, boolean dropOldest) {
            this.capacity = capacity;
            this.dropOldest = dropOldest;
        }

        @Override
        public int add(ReceivedEvent event) {
            int dropped = 0;
            // in pause mode the connection stops reading at capacity; events already read still get in
            while (dropOldest && queue.size() >= capacity) {
                queue.pollFirst();
                dropped++;
            }
            queue.addLast(event);
            return dropped;
        }

        @Override
        public ReceivedEvent poll() {
            return queue.pollFirst();
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
            return byCode.put(String.valueOf(event.event().code()), event) == null ? 0 : 1;
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
