package io.camelupbit.test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every nonce each access key has spent, on the private WebSocket handshakes and the REST API alike (Upbit's
 * {@code nonce_used}: a nonce serves one request). Nothing is ever forgotten, not even by
 * {@link UpbitSimulator#reset()}. Thread-safe.
 */
final class NonceLedger {

    private final Map<String, Set<String>> spent = new ConcurrentHashMap<>();

    /** Spends this nonce for this key; false when the key had spent it before. */
    boolean spend(String accessKey, String nonce) {
        return spent.computeIfAbsent(accessKey, k -> ConcurrentHashMap.newKeySet()).add(nonce);
    }
}
