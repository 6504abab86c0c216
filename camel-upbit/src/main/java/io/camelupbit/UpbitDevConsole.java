package io.camelupbit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;

import io.camelupbit.session.ConnectionTracker;
import io.camelupbit.session.DeliveryStats;
import io.camelupbit.session.SessionStats;
import io.camelupbit.session.UpbitSession;
import io.camelupbit.wire.TypeRequest;

/**
 * The {@code upbit} developer console: every session with its state, subscription and counters, and every route with
 * its delivery accounting. Shows no key and no token.
 */
@DevConsole(name = "upbit", displayName = "Upbit", description = "Upbit WebSocket sessions, subscriptions and counters")
public class UpbitDevConsole extends AbstractDevConsole {

    public UpbitDevConsole() {
        super("camel", "upbit", "Upbit", "Upbit WebSocket sessions, subscriptions and counters");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> session : sessions()) {
            out.append(String.format("Session %s (%s): %s%n", session.get("name"), session.get("channel"),
                    session.get("state")));
            for (Map.Entry<String, Object> e : session.entrySet()) {
                if (!List.of("name", "channel", "state").contains(e.getKey())) {
                    out.append(String.format("    %s: %s%n", e.getKey(), e.getValue()));
                }
            }
        }
        for (Map<String, Object> route : routes()) {
            out.append(String.format("Route %s (%s): %s%s%n", route.get("routeId"), route.get("endpoint"),
                    route.get("stats"), route.containsKey("reconcile") ? " " + route.get("reconcile") : ""));
        }
        return out.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sessions", sessions());
        root.put("routes", routes());
        return new org.apache.camel.util.json.JsonObject(root);
    }

    private List<Map<String, Object>> sessions() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (UpbitComponent component : components()) {
            for (UpbitSession session : component.sessions()) {
                ConnectionTracker tracker = session.tracker();
                SessionStats stats = session.stats();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", session.name());
                row.put("channel", session.channel());
                row.put("state", String.valueOf(tracker.state()));
                row.put("connected", session.isConnected());
                row.put("connectedSince", String.valueOf(tracker.connectedSince()));
                row.put("reconnects", tracker.reconnects());
                row.put("consecutiveFailures", tracker.consecutiveFailures());
                row.put("lastFailure", String.valueOf(tracker.lastFailure()));
                row.put("lines", lines(session));
                row.put("routes", stats.routes());
                row.put("framesReceived", stats.framesReceived());
                row.put("eventsDecoded", stats.eventsDecoded());
                row.put("eventsUnrouted", stats.eventsUnrouted());
                row.put("framesIgnored", session.framesIgnored());
                row.put("decodeErrors", stats.decodeErrors());
                row.put("fieldErrors", stats.fieldErrors());
                row.put("marketsTracked", stats.marketsTracked());
                row.put("subscriptionDrifts", session.subscriptionDrifts());
                row.put("errorFrames", stats.errorFrames());
                row.put("subscribeMessagesSent", stats.subscribeMessagesSent());
                row.put("pausedMillis", session.pausedMillis());
                row.put("messageCeilings", component.ratePolicy().perSecond() + "/s, "
                        + component.ratePolicy().perMinute() + "/min");
                List<String> subscription = new ArrayList<>();
                for (TypeRequest type : session.subscription()) {
                    subscription.add(type.type() + (type.level() != null ? "(level " + type.level().toPlainString() + ")"
                            : "") + (type.onlySnapshot() ? "(snapshot)" : type.onlyRealtime() ? "(realtime)" : "")
                            + " " + type.codes());
                }
                row.put("subscription", subscription);
                result.add(row);
            }
        }
        return result;
    }

    /** Every line of the session: its connection's state and history. */
    private static List<Map<String, Object>> lines(UpbitSession session) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ConnectionTracker tracker : session.trackers()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", tracker.line());
            line.put("state", String.valueOf(tracker.state()));
            line.put("connectedSince", String.valueOf(tracker.connectedSince()));
            line.put("readThread", String.valueOf(tracker.readThread()));
            line.put("reconnects", tracker.reconnects());
            line.put("consecutiveFailures", tracker.consecutiveFailures());
            line.put("lastFailure", String.valueOf(tracker.lastFailure()));
            lines.add(line);
        }
        return lines;
    }

    private List<Map<String, Object>> routes() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof UpbitConsumer consumer && !consumer.sessions().isEmpty()) {
                DeliveryStats stats = consumer.stats();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("routeId", route.getRouteId());
                row.put("endpoint", route.getEndpoint().getEndpointBaseUri());
                row.put("session", consumer.getSessionName());
                row.put("stats", String.format("routed=%d filtered=%d conflated=%d dropped=%d delivered=%d "
                        + "failed=%d pending=%d duplicatesSuppressed=%d", stats.routed(), stats.filtered(),
                        stats.conflated(), stats.dropped(), stats.delivered(), stats.failed(), stats.pending(),
                        stats.duplicates()));
                row.put("mailboxDepth", consumer.getMailboxDepth());
                if (consumer.reconciliation() != null) {
                    row.put("reconcile", String.format("reconciles=%d reconciling=%b failures=%d staleSuppressed=%d",
                            consumer.getReconciles(), consumer.isReconciling(), consumer.getReconcileFailures(),
                            consumer.getStaleSuppressed()));
                }
                result.add(row);
            }
        }
        return result;
    }

    private List<UpbitComponent> components() {
        List<UpbitComponent> components = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof UpbitComponent upbit) {
                components.add(upbit);
            }
        }
        return components;
    }
}
