package io.camelupbit.session;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelupbit.wire.TypeRequest;

/**
 * Per stream of one connection (type, orderbook level, code; see {@link Registration#streamKey}): how many subscribe
 * messages asked for its snapshot, and how many snapshots came. Upbit answers each message with one snapshot per
 * stream, in order, so the n-th snapshot of a stream answers the n-th message that asked for it: a route that joined
 * with message n ignores snapshots before n (they answer earlier messages, before it was subscribed) and takes every
 * snapshot after n as the start of a restarted stream. Event-loop confined.
 */
final class SnapshotNumbers {

    private final Map<String, long[]> streams = new HashMap<>();

    /** A message asks for these streams' snapshots. */
    void asked(Collection<String> keys) {
        for (String key : keys) {
            streams.computeIfAbsent(key, k -> new long[2])[0]++;
        }
    }

    /** A message that asked for these streams' snapshots was refused: no snapshot will answer it. */
    void refused(Collection<String> keys) {
        for (String key : keys) {
            long[] counts = streams.get(key);
            if (counts != null && counts[0] > counts[1]) {
                counts[0]--;
            }
        }
    }

    /** How many messages asked for this stream's snapshot so far: the number of the snapshot that answers the last. */
    long asked(String key) {
        long[] counts = streams.get(key);
        return counts == null ? 0 : counts[0];
    }

    /** A snapshot of this stream arrived; returns its number, from 1. */
    long arrived(String key) {
        return ++streams.computeIfAbsent(key, k -> new long[2])[1];
    }

    /** How many snapshots of this stream arrived so far. */
    long arrivedSoFar(String key) {
        long[] counts = streams.get(key);
        return counts == null ? 0 : counts[1];
    }

    /** A new connection starts counting again. */
    void clear() {
        streams.clear();
    }

    /** The streams a request asks a snapshot of, as {@link Registration#streamKey}. */
    static Set<String> streamsAsked(List<TypeRequest> types) {
        Set<String> streams = new HashSet<>();
        for (TypeRequest type : types) {
            if (type.onlyRealtime() || !SubscriptionSpec.hasSnapshot(type.type())) {
                // no snapshot will come
                continue;
            }
            for (String code : type.codes()) {
                int depth = code.indexOf('.');
                String bare = depth < 0 ? code : code.substring(0, depth);
                streams.add(Registration.streamKey(type.type(), type.level(), bare));
            }
        }
        return streams;
    }
}
