package io.camelupbit;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.camelupbit.test.SimConnection;
import io.camelupbit.test.Subscription;

/** What the simulator holds for a connection, as type → codes (orderbook codes with their depth suffix). */
final class SimulatorSubscriptions {

    private SimulatorSubscriptions() {
    }

    static Map<String, Set<String>> of(SimConnection connection) {
        Map<String, Set<String>> byType = new TreeMap<>();
        for (Subscription s : connection.subscription()) {
            byType.computeIfAbsent(s.type(), t -> new TreeSet<>()).addAll(s.codes());
        }
        return byType;
    }
}
