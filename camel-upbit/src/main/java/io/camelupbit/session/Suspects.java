package io.camelupbit.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Routes an error frame rejected together, waiting to be subscribed again group by group: a rejected group is halved,
 * an accepted one stays, a rejected group of one is the route at fault. With one bad route among n, that costs about
 * 2·log2 n sends. Event-loop confined.
 */
final class Suspects {

    private final Deque<List<Delivery>> groups = new ArrayDeque<>();

    /** Several routes were rejected together: they wait in two halves, tried first. */
    void rejected(List<Registration> together) {
        int half = together.size() / 2;
        groups.addFirst(deliveries(together.subList(half, together.size())));
        groups.addFirst(deliveries(together.subList(0, half)));
    }

    /** The next group to try, or {@code null}. */
    List<Delivery> next() {
        return groups.pollFirst();
    }

    /** A route stopped while it waited. */
    void remove(Delivery delivery) {
        groups.forEach(group -> group.remove(delivery));
        groups.removeIf(List::isEmpty);
    }

    /** Every route still waiting, and none any more (the connection ended: they are tried with the rest). */
    List<Delivery> takeAll() {
        List<Delivery> all = new ArrayList<>();
        groups.forEach(all::addAll);
        groups.clear();
        return all;
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    private static List<Delivery> deliveries(List<Registration> registrations) {
        List<Delivery> deliveries = new ArrayList<>(registrations.size());
        registrations.forEach(r -> deliveries.add(r.delivery));
        return deliveries;
    }
}
