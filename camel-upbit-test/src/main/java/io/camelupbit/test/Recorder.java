package io.camelupbit.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What tests read back: handshakes, tokens, received messages, REST calls and counters (violations, skipped trades)
 * since start or reset. Thread-safe.
 */
final class Recorder {

    private final List<HandshakeRecord> handshakes = new CopyOnWriteArrayList<>();
    private final List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
    private final List<ReceivedMessage> subscribeMessages = new CopyOnWriteArrayList<>();
    private final List<JwtRecord> jwts = new CopyOnWriteArrayList<>();
    private final List<RestCall> restCalls = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger violations = new AtomicInteger();
    private final AtomicLong tradesSkipped = new AtomicLong();
    private final AtomicInteger restViolations = new AtomicInteger();

    void handshake(HandshakeRecord record) {
        handshakes.add(record);
        if (record.accepted()) {
            accepted.incrementAndGet();
        }
    }

    void received(ReceivedMessage message, boolean subscribeRequest) {
        received.add(message);
        if (subscribeRequest) {
            subscribeMessages.add(message);
        }
    }

    void jwt(JwtRecord record) {
        jwts.add(record);
    }

    List<JwtRecord> jwts() {
        return List.copyOf(jwts);
    }

    void rateLimitViolation() {
        violations.incrementAndGet();
    }

    void restCall(RestCall call) {
        restCalls.add(call);
    }

    List<RestCall> restCalls() {
        return List.copyOf(restCalls);
    }

    void restLimitViolation() {
        restViolations.incrementAndGet();
    }

    int restLimitViolations() {
        return restViolations.get();
    }

    void tradesSkipped(long count) {
        tradesSkipped.addAndGet(count);
    }

    long tradesSkipped() {
        return tradesSkipped.get();
    }

    List<HandshakeRecord> handshakes() {
        return List.copyOf(handshakes);
    }

    List<ReceivedMessage> received() {
        return List.copyOf(received);
    }

    List<ReceivedMessage> subscribeMessages() {
        return List.copyOf(subscribeMessages);
    }

    int acceptedConnections() {
        return accepted.get();
    }

    int rateLimitViolations() {
        return violations.get();
    }

    void reset() {
        handshakes.clear();
        received.clear();
        subscribeMessages.clear();
        jwts.clear();
        accepted.set(0);
        violations.set(0);
        tradesSkipped.set(0);
        restCalls.clear();
        restViolations.set(0);
    }
}
