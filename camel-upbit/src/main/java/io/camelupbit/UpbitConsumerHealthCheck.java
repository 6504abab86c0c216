package io.camelupbit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.camelupbit.event.ConnectionState;
import io.camelupbit.session.ConnectionTracker;
import io.camelupbit.session.Reconciliation;
import io.camelupbit.session.UpbitSession;

/**
 * Readiness of one Upbit route: DOWN when Upbit refused the credentials, when the session gave up, when the connection
 * has been down longer than {@code disconnectedThreshold}, after {@code consecutiveErrorsThreshold} failed attempts in
 * a row, when it reconnected {@code reconnectsThreshold} times within {@code reconnectsWindow}, when Upbit rejected
 * the route's subscription (until the route is restarted), when reading has been paused by a full mailbox for
 * {@code pauseThreshold}, when reconciling its account (myOrder, myAsset) failed {@code consecutiveErrorsThreshold}
 * times in a row, or when the route saw no event for its {@code staleAfter}. Details never carry a key or a token.
 */
public class UpbitConsumerHealthCheck extends AbstractHealthCheck {

    private final UpbitConsumer consumer;

    public UpbitConsumerHealthCheck(UpbitConsumer consumer, String routeId) {
        super("camel", "upbit-consumer-" + routeId);
        this.consumer = consumer;
    }

    @Override
    public boolean isLiveness() {
        // a lost exchange connection makes the route not ready; restarting the JVM would not bring Upbit back
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<UpbitSession> sessions = consumer.sessions();
        if (sessions.isEmpty()) {
            builder.unknown();
            return;
        }
        // with shards the route is on one session per shard holding some of its codes; the first one's details
        UpbitSession session = sessions.get(0);
        ConnectionTracker tracker = session.tracker();
        HealthThresholds thresholds = consumer.getEndpoint().getComponent().healthThresholds();
        Instant now = Instant.now();
        long lastEvent = consumer.lastEventAt();

        builder.detail("route.id", consumer.getRouteId());
        builder.detail("upbit.session", consumer.getSessionName());
        if (sessions.size() > 1) {
            builder.detail("upbit.shards", sessions.size());
        }
        builder.detail("upbit.channel", session.channel());
        builder.detail("upbit.state", String.valueOf(tracker.state()));
        builder.detail("upbit.connected", session.isConnected());
        if (tracker.connectedSince() != null) {
            builder.detail("upbit.connected.since", tracker.connectedSince().toString());
        }
        builder.detail("upbit.reconnects", tracker.reconnects());
        builder.detail("upbit.consecutive.failures", tracker.consecutiveFailures());
        builder.detail("upbit.lines", session.redundancy());
        builder.detail("upbit.lines.connected", session.linesConnected());
        if (session.redundancy() > 1) {
            builder.detail("upbit.line.states", session.lineStates());
        }
        builder.detail("upbit.reading.paused.ms", session.pausedForMillis());
        if (lastEvent > 0) {
            builder.detail("upbit.last.event.age.ms", now.toEpochMilli() - lastEvent);
        }
        Reconciliation reconciliation = consumer.reconciliation();
        if (reconciliation != null) {
            builder.detail("upbit.reconcile.pending", reconciliation.isPending());
            builder.detail("upbit.reconcile.failures", reconciliation.consecutiveFailures());
            builder.detail("upbit.reconciles", reconciliation.reconciles());
        }

        // every shard carries some of the route's codes: one down is the route down
        String down = null;
        String degraded = null;
        for (UpbitSession each : sessions) {
            down = down != null ? down : downReason(each, thresholds, now, lastEvent);
            degraded = degraded != null || each.redundancy() == 1 ? degraded : degraded(each, thresholds, now);
        }
        if (down == null) {
            if (degraded != null) {
                builder.detail("upbit.degraded", degraded);
            }
            builder.up();
        } else {
            builder.message(down);
            builder.down();
        }
    }

    private String downReason(UpbitSession session, HealthThresholds thresholds, Instant now, long lastEvent) {
        RuntimeException rejection = consumer.rejection();
        if (rejection != null) {
            return "Upbit rejected the subscription of this route: " + rejection.getMessage()
                   + "; fix the route's options and restart it";
        }
        // with several lines the route is served while one of them is: DOWN only when every line is
        String firstDown = null;
        for (ConnectionTracker line : session.trackers()) {
            String reason = lineDown(session, line, thresholds, now);
            if (reason == null) {
                return routeReason(session, now, lastEvent, thresholds);
            }
            firstDown = firstDown == null ? reason : firstDown;
        }
        return session.redundancy() > 1 ? "Every line of Upbit session " + session.name() + " is down; line 1: "
                + firstDown : firstDown;
    }

    /** The first line that is down while another serves the route: degraded, still UP. */
    private static String degraded(UpbitSession session, HealthThresholds thresholds, Instant now) {
        for (ConnectionTracker line : session.trackers()) {
            String reason = lineDown(session, line, thresholds, now);
            if (reason != null) {
                return "line " + line.line() + " down: " + reason;
            }
        }
        return null;
    }

    /** Why one line's connection makes it down, or {@code null}. */
    private static String lineDown(UpbitSession session, ConnectionTracker tracker, HealthThresholds thresholds,
            Instant now) {
        if (tracker.authenticationRefused()) {
            return "Upbit refused the credentials of " + session.name() + ": check the access key, the secret key, "
                   + "the key's permissions and its IP allow-list";
        }
        if (tracker.state() == ConnectionState.FAILED) {
            return "Upbit session " + session.name() + " gave up reconnecting: " + tracker.lastFailure();
        }
        Instant down = tracker.disconnectedSince();
        if (down != null && Duration.between(down, now).compareTo(thresholds.disconnected()) > 0) {
            return "Upbit session " + session.name() + " has been disconnected since " + down
                   + (tracker.lastFailure() != null ? ": " + tracker.lastFailure() : "");
        }
        if (tracker.consecutiveFailures() >= thresholds.consecutiveErrors()) {
            return tracker.consecutiveFailures() + " failed connection attempts in a row: " + tracker.lastFailure();
        }
        int recent = tracker.reconnectsSince(now.minus(thresholds.reconnectsWindow()));
        if (recent >= thresholds.reconnects()) {
            return "The Upbit connection is flapping: " + recent + " reconnects within "
                   + thresholds.reconnectsWindow().toSeconds() + " s";
        }
        return null;
    }

    /** Why the route itself is down although a line serves it, or {@code null}. */
    private String routeReason(UpbitSession session, Instant now, long lastEvent, HealthThresholds thresholds) {
        Reconciliation reconciliation = consumer.reconciliation();
        if (reconciliation != null && reconciliation.consecutiveFailures() >= thresholds.consecutiveErrors()) {
            return "Reconciling this route's account failed " + reconciliation.consecutiveFailures() + " times in a "
                   + "row; its stream events wait until a read works: " + reconciliation.lastFailure();
        }
        long paused = session.pausedForMillis();
        if (paused > thresholds.paused().toMillis()) {
            return "Upbit session " + session.name() + " has not read for " + paused + " ms: a route's mailbox is "
                   + "full (overflow=pause) and every route of the connection waits";
        }
        long staleAfter = consumer.getEndpoint().getConfiguration().getStaleAfter();
        long since = lastEvent > 0 ? lastEvent : consumer.startedAt();
        if (staleAfter > 0 && now.toEpochMilli() - since > staleAfter) {
            return "No Upbit event for " + (now.toEpochMilli() - since) + " ms (staleAfter " + staleAfter + " ms)";
        }
        return null;
    }
}
