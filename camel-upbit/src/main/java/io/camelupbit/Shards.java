package io.camelupbit;

import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which shard of the public channel carries a market code: a stable hash of the code, the same in every JVM and for
 * every route, so a code keeps its shard (and its order) whichever routes ask for it.
 */
final class Shards {

    private Shards() {
    }

    /** The shard (0 to {@code shards - 1}) of a code. */
    static int of(String code, int shards) {
        int h = code.hashCode();
        // String.hashCode is specified, so stable; spread its high bits, which differ most between similar codes
        return Math.floorMod(h ^ (h >>> 16), shards);
    }

    /** The codes per shard that holds any of them, in shard order. */
    static SortedMap<Integer, SortedSet<String>> split(SortedSet<String> codes, int shards) {
        SortedMap<Integer, SortedSet<String>> byShard = new TreeMap<>();
        for (String code : codes) {
            byShard.computeIfAbsent(of(code, shards), s -> new TreeSet<>()).add(code);
        }
        return byShard;
    }
}
