package io.camelupbit.metrics;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Route;

import io.camelupbit.UpbitComponent;
import io.camelupbit.UpbitConsumer;
import io.camelupbit.session.UpbitSession;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.BaseUnits;

/**
 * The {@code upbit.*} meters of a CamelContext's Upbit sessions and routes, kept in step with what runs.
 *
 * <p>Sessions and routes appear after the CamelContext starts and come and go with routes, so nothing is bound up
 * front: {@link #refresh} (called on every route event) registers the meters of each new session of every
 * {@link UpbitComponent} and of each running route whose consumer is an {@link UpbitConsumer}, and removes those of
 * sessions and routes that are gone. Every meter reads its value through Micrometer's weak reference, and this class
 * holds sessions and consumers only weakly, so a stopped route or a closed session is never kept alive by metrics.
 *
 * <p>Tags follow camel-micrometer's: every meter has {@code camelContext}; session meters {@code component},
 * {@code session} (its name, e.g. {@code public@api.upbit.com}, never a key) and {@code channel} ({@code public} or
 * {@code private}); route meters {@code routeId} and {@code session}.
 */
public final class UpbitMeters {

    /** The common prefix of every meter name. */
    public static final String PREFIX = "upbit.";

    private final MeterRegistry registry;
    // weak keys: UpbitSession has identity equality, and a closed session must not stay reachable from here
    private final Map<UpbitSession, List<Meter>> sessions = new WeakHashMap<>();
    private final Map<String, RouteMeters> routes = new HashMap<>();

    /**
     * @param registry where the meters go
     */
    public UpbitMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Brings the meters in line with the context: registers those of new sessions and newly started Upbit routes,
     * removes those of closed sessions and of routes that stopped, were removed or got a new consumer.
     *
     * @param context the CamelContext whose Upbit components and routes to look at
     */
    public synchronized void refresh(CamelContext context) {
        Tags camelContext = Tags.of("camelContext", context.getName());
        refreshSessions(context, camelContext);
        refreshRoutes(context, camelContext);
    }

    /** Removes every meter this instance registered (the context stopped). */
    public synchronized void clear() {
        sessions.values().forEach(this::remove);
        sessions.clear();
        routes.values().forEach(route -> remove(route.meters()));
        routes.clear();
    }

    private void refreshSessions(CamelContext context, Tags camelContext) {
        Map<UpbitSession, String> live = new IdentityHashMap<>();
        for (String name : context.getComponentNames()) {
            // hasComponent looks only: getComponent would create a component that is not there
            Component component = context.hasComponent(name);
            if (component instanceof UpbitComponent upbit) {
                upbit.sessions().forEach(session -> live.put(session, name));
            }
        }
        for (Iterator<Map.Entry<UpbitSession, List<Meter>>> it = sessions.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<UpbitSession, List<Meter>> entry = it.next();
            if (!live.containsKey(entry.getKey())) {
                remove(entry.getValue());
                it.remove();
            }
        }
        live.forEach((session, component) -> sessions.computeIfAbsent(session,
                s -> sessionMeters(s, camelContext.and("component", component, "session", s.name(), "channel",
                        s.channel()))));
    }

    private void refreshRoutes(CamelContext context, Tags camelContext) {
        Map<String, UpbitConsumer> live = new HashMap<>();
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof UpbitConsumer consumer && isRunning(consumer)) {
                live.put(route.getRouteId(), consumer);
            }
        }
        for (Iterator<Map.Entry<String, RouteMeters>> it = routes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, RouteMeters> entry = it.next();
            if (entry.getValue().consumer().get() != live.get(entry.getKey())) {
                remove(entry.getValue().meters());
                it.remove();
            }
        }
        live.forEach((routeId, consumer) -> routes.computeIfAbsent(routeId, id -> new RouteMeters(
                new WeakReference<>(consumer),
                routeMeters(consumer, camelContext.and("routeId", id, "session",
                        String.valueOf(consumer.getSessionName()))))));
    }

    private static boolean isRunning(UpbitConsumer consumer) {
        // the consumer's own state, not the route's: Camel announces a route started while the route is still
        // "Starting" (its consumer already runs) and stopped while it is "Stopping" (its consumer already stopped).
        // A suspended route keeps its consumer, its session and its counts.
        return consumer.isStarted() || consumer.isSuspended();
    }

    private List<Meter> sessionMeters(UpbitSession session, Tags tags) {
        List<Meter> meters = new ArrayList<>();
        meters.add(counter("session.frames", "WebSocket data frames received", session, tags,
                UpbitSession::framesReceived, null));
        meters.add(counter("session.bytes", "Bytes received (after decompression)", session, tags,
                UpbitSession::bytesReceived, BaseUnits.BYTES));
        meters.add(counter("session.events", "Events decoded from the frames", session, tags,
                UpbitSession::eventsDecoded, null));
        meters.add(counter("session.decode.errors", "Malformed frames and undeliverable items skipped", session,
                tags, UpbitSession::decodeErrors, null));
        meters.add(counter("session.field.errors", "Malformed fields read as null in delivered events", session,
                tags, UpbitSession::fieldErrors, null));
        meters.add(counter("session.error.frames", "Error frames received from Upbit", session, tags,
                UpbitSession::errorFrames, null));
        meters.add(counter("session.subscribe.messages", "Subscribe messages sent", session, tags,
                UpbitSession::subscribeMessagesSent, null));
        meters.add(counter("session.connects", "Connections established", session, tags,
                UpbitSession::connects, null));
        meters.add(counter("session.reconnects", "Connections re-established after a loss", session, tags,
                s -> s.tracker().reconnects(), null));
        meters.add(TimeGauge.builder(PREFIX + "session.paused", session, TimeUnit.MILLISECONDS,
                UpbitSession::pausedMillis).description("Time reading was paused by full mailboxes, in all")
                .tags(tags).register(registry));
        meters.add(gauge("session.connected", "1 while the WebSocket is open, else 0", session, tags,
                s -> s.isConnected() ? 1 : 0));
        return meters;
    }

    private List<Meter> routeMeters(UpbitConsumer consumer, Tags tags) {
        List<Meter> meters = new ArrayList<>();
        meters.add(counter("route.routed", "Events routed to the route", consumer, tags,
                UpbitConsumer::getRouted, null));
        meters.add(counter("route.delivered", "Events the route finished processing", consumer, tags,
                UpbitConsumer::getDelivered, null));
        meters.add(counter("route.filtered", "Events turned away by the route's spec", consumer, tags,
                UpbitConsumer::getFiltered, null));
        meters.add(counter("route.conflated", "Events replaced by newer ones of their market", consumer, tags,
                UpbitConsumer::getConflated, null));
        meters.add(counter("route.dropped", "Events dropped by overflow or a forced shutdown", consumer, tags,
                UpbitConsumer::getDropped, null));
        meters.add(counter("route.failed", "Events the route could not build or process (eventsFailed)", consumer,
                tags, UpbitConsumer::getEventsFailed, null));
        meters.add(counter("route.duplicates.suppressed", "Repeats of trades the route already had", consumer, tags,
                UpbitConsumer::getDuplicatesSuppressed, null));
        meters.add(gauge("route.mailbox.depth", "Events waiting in the route's mailbox", consumer, tags,
                UpbitConsumer::getMailboxDepth));
        return meters;
    }

    private <T> Meter counter(String name, String description, T source, Tags tags, ToDoubleFunction<T> count,
                              String baseUnit) {
        return FunctionCounter.builder(PREFIX + name, source, count).description(description).baseUnit(baseUnit)
                .tags(tags).register(registry);
    }

    private <T> Meter gauge(String name, String description, T source, Tags tags, ToDoubleFunction<T> value) {
        return Gauge.builder(PREFIX + name, source, value).description(description).tags(tags).register(registry);
    }

    private void remove(List<Meter> meters) {
        meters.forEach(registry::remove);
    }

    /** A route's meters and the consumer they read, weakly: a restarted route gets a new consumer. */
    private record RouteMeters(WeakReference<UpbitConsumer> consumer, List<Meter> meters) {
    }
}
